// The face check's figures, in Debian's headless Chromium as the kiosk runs it (the
// kiosk's own face code, bundled; models from the package; the kiosk's CSP):
//  - models load + warm-up time, WebGL (SwiftShader here: no GPU) against the CPU backend;
//  - time for one camera frame (320 px wide) to be measured, and camera open → decision
//    (the step needs two usable frames), warm, against the first (cold) frame;
//  - accept / reject rates on the labelled sample faces at the configured threshold.
// Run: npx tsx bench/face.bench.ts   — prints figures, asserts nothing.
import { resolveFacePolicy } from '../src-main/common/face/facePolicy';
import { decideAttempt } from '../src-main/common/face/faceDecision';
import { openFaceHarness, type FaceHarness } from './face/faceHarness';
import { CARD_PHOTO_VIEW, SAMPLE_FACES } from './face/sampleFaces';

interface Harness {
  load(backend: 'webgl' | 'cpu'): Promise<number>;
  view(url: string, v: object): Promise<string>;
  descriptor(jpeg: string): Promise<number[]>;
  similarity(a: number[], b: number[]): Promise<number>;
  viewScores(jpeg: string, card: number[]): Promise<{ faces: number; similarity: number; real: number; live: number; ms: number }>;
}
type Args = readonly unknown[];
const call = <T>(h: FaceHarness, fn: keyof Harness, ...args: Args): Promise<T> =>
  h.page.evaluate(([name, rest]) => ((globalThis as unknown as { faceHarness: Record<string, (...a: unknown[]) => Promise<unknown>> }).faceHarness[name as string]!(...(rest as unknown[])) as Promise<T>), [fn, args] as const);

/** A camera at arm's length, mirrored, a little brighter and off the photo's framing. */
const CAMERA_VIEW = { pad: 0.55, width: 640, height: 480, mirror: true, brightness: 12, shiftX: 0.03, alone: true };
const policy = resolveFacePolicy(undefined, 'production');
/** How many of the labelled people to use (all by default; fewer on a machine in a hurry). */
const PEOPLE = SAMPLE_FACES.slice(0, Number(process.env.FACE_BENCH_PEOPLE ?? SAMPLE_FACES.length));

async function backendFigures(backend: 'webgl' | 'cpu', frames: number): Promise<{ readyMs: number; coldMs: number; warmMs: number[] }> {
  const h = await openFaceHarness();
  try {
    const readyMs = await call<number>(h, 'load', backend);
    const face = SAMPLE_FACES[0]!;
    const card = await call<number[]>(h, 'descriptor', await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CARD_PHOTO_VIEW }));
    const camera = await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CAMERA_VIEW });
    const coldMs = (await call<{ ms: number }>(h, 'viewScores', camera, card)).ms;
    const warmMs: number[] = [];
    for (let i = 0; i < frames; i++) warmMs.push((await call<{ ms: number }>(h, 'viewScores', camera, card)).ms);
    return { readyMs, coldMs, warmMs };
  } finally {
    await h.close();
  }
}

async function labelledSet(): Promise<{ genuine: number[]; impostor: number[]; live: number[] }> {
  const h = await openFaceHarness();
  try {
    await call<number>(h, 'load', 'webgl');
    const cards: number[][] = [];
    for (const face of PEOPLE) {
      // A card photo the detector cannot use (no face, two faces) counts as a refusal: [].
      const jpeg = await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CARD_PHOTO_VIEW });
      cards.push(await call<number[]>(h, 'descriptor', jpeg).catch(() => []));
    }
    const genuine: number[] = [];
    const live: number[] = [];
    for (const [i, face] of PEOPLE.entries()) {
      const camera = await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CAMERA_VIEW });
      const scores = await call<{ faces: number; similarity: number; real: number; live: number }>(h, 'viewScores', camera, cards[i]);
      genuine.push(cards[i]!.length === 0 || scores.faces !== 1 ? Number.NaN : scores.similarity);
      live.push(Math.min(scores.real, scores.live));
    }
    // Impostors: each camera view against every other person's card photo (descriptors again, compared in the page).
    const impostor: number[] = [];
    for (let i = 0; i < PEOPLE.length; i++) {
      const face = PEOPLE[i]!;
      const camera = await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CAMERA_VIEW });
      const live = await call<number[]>(h, 'descriptor', camera).catch(() => []);
      if (live.length === 0) continue;
      for (let j = 0; j < cards.length; j++) if (j !== i && cards[j]!.length > 0) impostor.push(await call<number>(h, 'similarity', cards[j], live));
    }
    return { genuine, impostor, live };
  } finally {
    await h.close();
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const ms = (x: number): string => `${Math.round(x)} ms`;

async function main(): Promise<void> {
  const webgl = await backendFigures('webgl', 4);
  console.log(`WebGL (SwiftShader): models load + warm ${ms(webgl.readyMs)}; first frame ${ms(webgl.coldMs)}; warm frame median ${ms(median(webgl.warmMs))}`);
  console.log(`  camera open → decision (2 usable frames, warm): ≈ ${ms(2 * median(webgl.warmMs))}   (aim ≤ 1000 ms)`);
  const cpu = await backendFigures('cpu', 2);
  console.log(`CPU backend:         models load + warm ${ms(cpu.readyMs)}; first frame ${ms(cpu.coldMs)}; warm frame median ${ms(median(cpu.warmMs))}`);
  console.log(`ratio warm frame CPU / WebGL: ${(median(cpu.warmMs) / median(webgl.warmMs)).toFixed(2)}×; first (cold) / warm frame on WebGL: ${(webgl.coldMs / median(webgl.warmMs)).toFixed(2)}×`);

  const set = await labelledSet();
  const accepted = set.genuine.filter((s, i) => decideAttempt({ similarity: s, real: set.live[i]!, live: set.live[i]! }, policy).outcome === 'matched').length;
  const matchedOnly = set.genuine.filter((s) => s >= policy.matchThreshold).length;
  const falseAccepts = set.impostor.filter((s) => s >= policy.matchThreshold).length;
  console.log(`labelled set: ${PEOPLE.length} people (@vladmandic/face-api demo photographs, MIT), genuine pairs = card framing vs camera framing of the same picture`);
  console.log(`  threshold ${policy.matchThreshold}: genuine accepted by similarity ${matchedOnly}/${set.genuine.length}, with liveness too ${accepted}/${set.genuine.length}; impostors accepted ${falseAccepts}/${set.impostor.length}`);
  console.log(`  similarity genuine median ${median(set.genuine).toFixed(3)} (min ${Math.min(...set.genuine.filter(Number.isFinite)).toFixed(3)}), impostor median ${median(set.impostor).toFixed(3)} (max ${Math.max(...set.impostor).toFixed(3)})`);
  console.log('  the library documents no accuracy figure in its package; its faceid demo accepts at similarity > 0.5, its facematch demo at > 0.4');
}

void main();
