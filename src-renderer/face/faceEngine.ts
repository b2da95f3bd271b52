// The face models, loaded once from the kiosk's own origin (./models/human/, copied
// from @vladmandic/human's package at build) and warmed in the background after the
// start screen is up. Only what a comparison needs runs: BlazeFace (detection),
// FaceRes (the descriptor), and the anti-spoofing and liveness models; no mesh, iris,
// emotion, body or hands. Nothing is fetched from anywhere else and nothing is cached
// on disk (cacheModels off: the models ship with the kiosk anyway).
// Types only here: the library (2 MB with TensorFlow.js) is its own chunk, fetched when
// the models are warmed, so the start screen never waits for it.
import type { Config, Human } from '@vladmandic/human';

/**
 * WebGL by default (a kiosk's GPU). Without one, Chromium runs WebGL on SwiftShader, and
 * bench/face.bench.ts measured the CPU backend faster there (see docs/security.md §3.8).
 */
export type FaceBackend = 'webgl' | 'cpu';

/** Frames are scaled so their longer side is at most this before detection: a face at arm's length stays well above BlazeFace's 128 px input. */
export const FACE_INPUT_WIDTH = 320;

export function faceConfig(backend: FaceBackend, modelBasePath = './models/human/'): Partial<Config> {
  return {
    backend,
    modelBasePath,
    cacheModels: false,
    debug: false,
    async: true,
    // Human's own warm-up fetches a data: URL, which the kiosk's CSP (connect-src 'self') refuses: warmModels instead.
    warmup: 'none',
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 3, minConfidence: 0.5, skipFrames: 0, skipTime: 0, return: false },
      mesh: { enabled: false },
      iris: { enabled: false },
      attention: { enabled: false },
      emotion: { enabled: false },
      gear: { enabled: false },
      description: { enabled: true, modelPath: 'faceres.json', skipFrames: 0, skipTime: 0 },
      antispoof: { enabled: true, modelPath: 'antispoof.json', skipFrames: 0, skipTime: 0 },
      liveness: { enabled: true, modelPath: 'liveness.json', skipFrames: 0, skipTime: 0 },
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  } as Partial<Config>;
}

export interface FaceEngine {
  human: Human;
  /** Load + warm-up time, ms (shown in the bench). */
  readyMs: number;
}

let engine: Promise<FaceEngine> | null = null;

/** One engine per screen lifetime; a failed load may be tried again at the next step. */
export function loadFaceEngine(backend: FaceBackend = 'webgl'): Promise<FaceEngine> {
  if (engine) return engine;
  const started = performance.now();
  engine = (async () => {
    const { Human: HumanLibrary } = await import('@vladmandic/human');
    const human = new HumanLibrary(faceConfig(backend));
    await human.load();
    await warmModels(human);
    return { human, readyMs: performance.now() - started };
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/** After the start screen has painted and the kiosk is idle: never in the way of the first screen. */
export function warmFaceEngineLater(): void {
  const start = (): void => void loadFaceEngine().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 5000 });
  else setTimeout(start, 1000);
}

/**
 * Runs every loaded model once on zeros and reads the result back: the weights are then
 * on the backend and (WebGL) the shaders compiled, so the first face is not the slow one.
 */
export async function warmModels(human: Human): Promise<void> {
  const tf = human.tf;
  await tf.ready();
  for (const model of Object.values(human.models.models) as Array<WarmableModel | null>) {
    const input = model?.inputs[0];
    if (!model || !input) continue;
    const shape = (input.shape ?? [1, 64, 64, 3]).map((d, i) => (d === null || d === -1 ? (i === 0 ? 1 : 64) : d));
    const zeros = tf.zeros(shape, input.dtype ?? 'float32');
    const out = model.execute(zeros);
    for (const tensor of Array.isArray(out) ? out : [out]) {
      await tensor.data();
      tensor.dispose();
    }
    zeros.dispose();
  }
}

interface WarmableModel {
  inputs: Array<{ shape?: number[]; dtype?: 'float32' | 'int32' }>;
  execute(input: unknown): Tensorish | Tensorish[];
}
interface Tensorish {
  data(): Promise<unknown>;
  dispose(): void;
}
