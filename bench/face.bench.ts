// The face check's figures, in Debian's headless Chromium as the kiosk runs it (the
// kiosk's own face code, bundled; models and the WASM binaries from their packages; the
// kiosk's CSP), each against a baseline measured in the same run:
//  - baseline: the CPU backend with every model on every frame (the first version's path);
//  - the configured default (faceCheck.engine: WASM, 320 px), where only the compared frame
//    runs the descriptor, anti-spoofing and liveness and guidance frames only detect;
//  - WebGL (SwiftShader here: no GPU) and a smaller input width, for the choice;
//  - camera open → decision, warm: the step needs STILL_WINDOW + 1 usable frames (detection-only ones, then one full);
//  - accept / reject rates on the labelled sample faces at the configured threshold, on the default engine.
// Run: npx tsx bench/face.bench.ts   — prints figures, asserts nothing.
import { resolveFacePolicy, type FaceEngineSettings } from '../src-main/common/face/facePolicy';
import { decideAttempt } from '../src-main/common/face/faceDecision';
import { STILL_WINDOW } from '../src-renderer/face/stillPicture';
import { openFaceHarness, type FaceHarness } from './face/faceHarness';
import { CARD_PHOTO_VIEW, SAMPLE_FACES } from './face/sampleFaces';

interface Harness {
  load(settings: FaceEngineSettings): Promise<number>;
  view(url: string, v: object): Promise<string>;
  descriptor(jpeg: string): Promise<number[]>;
  similarity(a: number[], b: number[]): Promise<number>;
  viewScores(jpeg: string, card: number[], options?: { full: boolean }): Promise<{ faces: number; similarity: number; real: number; live: number; ms: number }>;
}
type Args = readonly unknown[];
const call = <T>(h: FaceHarness, fn: keyof Harness, ...args: Args): Promise<T> =>
  h.page.evaluate(([name, rest]) => ((globalThis as unknown as { faceHarness: Record<string, (...a: unknown[]) => Promise<unknown>> }).faceHarness[name as string]!(...(rest as unknown[])) as Promise<T>), [fn, args] as const);

/** A camera at arm's length, mirrored, a little brighter and off the photo's framing. */
const CAMERA_VIEW = { pad: 0.55, width: 640, height: 480, mirror: true, brightness: 12, shiftX: 0.03, alone: true };
const policy = resolveFacePolicy(undefined, 'production');
/** How many of the labelled people to use (all by default; fewer on a machine in a hurry). */
const PEOPLE = SAMPLE_FACES.slice(0, Number(process.env.FACE_BENCH_PEOPLE ?? SAMPLE_FACES.length));

interface EngineFigures {
  readyMs: number;
  coldMs: number;
  /** Warm frames with every model. */
  fullMs: number[];
  /** Warm frames with the detector only (guidance). */
  detectMs: number[];
}

async function engineFigures(settings: FaceEngineSettings, frames: number): Promise<EngineFigures> {
  const h = await openFaceHarness();
  try {
    const readyMs = await call<number>(h, 'load', settings);
    const face = SAMPLE_FACES[0]!;
    const card = await call<number[]>(h, 'descriptor', await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CARD_PHOTO_VIEW }));
    const camera = await call<string>(h, 'view', `/faces/${face.image}`, { box: face.box, ...CAMERA_VIEW });
    const coldMs = (await call<{ ms: number }>(h, 'viewScores', camera, card)).ms;
    const fullMs: number[] = [];
    const detectMs: number[] = [];
    for (let i = 0; i < frames; i++) {
      fullMs.push((await call<{ ms: number }>(h, 'viewScores', camera, card, { full: true })).ms);
      detectMs.push((await call<{ ms: number }>(h, 'viewScores', camera, card, { full: false })).ms);
    }
    return { readyMs, coldMs, fullMs, detectMs };
  } finally {
    await h.close();
  }
}

async function labelledSet(): Promise<{ genuine: number[]; impostor: number[]; live: number[] }> {
  const h = await openFaceHarness();
  try {
    await call<number>(h, 'load', policy.engine);
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
  const frames = Number(process.env.FACE_BENCH_FRAMES ?? 5);
  const line = (name: string, f: EngineFigures, decisionMs: number): void =>
    console.log(
      `${name.padEnd(34)} load + warm ${ms(f.readyMs).padStart(8)}; first frame ${ms(f.coldMs).padStart(8)}; warm frame full ${ms(median(f.fullMs)).padStart(7)}, detect only ${ms(median(f.detectMs)).padStart(7)}; camera → decision ≈ ${ms(decisionMs)}`,
    );
  // Baseline: the first version (CPU backend, every model on both frames of a decision).
  const base = await engineFigures({ backend: 'cpu', inputWidth: 320 }, Math.min(frames, 2));
  const baseDecision = 2 * median(base.fullMs);
  line('baseline cpu 320 px, all models', base, baseDecision);
  const chosen = await engineFigures(policy.engine, frames);
  // The frames before the compared one only detect: the still-picture rule compares with them.
  const decision = (f: EngineFigures): number => STILL_WINDOW * median(f.detectMs) + median(f.fullMs);
  const chosenDecision = decision(chosen);
  line(`default ${policy.engine.backend} ${policy.engine.inputWidth} px`, chosen, chosenDecision);
  const small = await engineFigures({ backend: 'wasm', inputWidth: 240 }, frames);
  line('wasm 240 px', small, decision(small));
  const webgl = await engineFigures({ backend: 'webgl', inputWidth: 320 }, Math.min(frames, 2));
  line('webgl (SwiftShader) 320 px', webgl, decision(webgl));
  console.log(
    `ratio default / baseline: load + warm ${(chosen.readyMs / base.readyMs).toFixed(2)}×, full frame ${(median(chosen.fullMs) / median(base.fullMs)).toFixed(2)}×, camera → decision ${(chosenDecision / baseDecision).toFixed(2)}×   (aim ≤ 1000 ms)`,
  );

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
