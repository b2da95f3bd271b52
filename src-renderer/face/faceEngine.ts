// The face models, loaded once from the kiosk's own origin (./models/human/, copied
// from @vladmandic/human's package at build) and warmed in the background after the
// start screen is up. Only what a comparison needs runs: BlazeFace (detection),
// FaceRes (the descriptor), and the anti-spoofing and liveness models; no mesh, iris,
// emotion, body or hands. Nothing is fetched from anywhere else and nothing is cached
// on disk (cacheModels off: the models ship with the kiosk anyway).
// WASM runs from our own .wasm files (./models/tfjs-wasm/, copied from
// @tensorflow/tfjs-backend-wasm at build; the CSP allows 'wasm-unsafe-eval' for them).
// Types only here: the library (2 MB with TensorFlow.js) is its own chunk, fetched when
// the models are warmed, so the start screen never waits for it.
import type { Config, Human } from '@vladmandic/human';
import { FaceEngineSchema, type FaceBackend, type FaceEngineSettings } from '../../src-main/common/face/facePolicy';

export type { FaceBackend } from '../../src-main/common/face/facePolicy';

/** Every model a comparison needs (the build copies these: vite.config.ts FACE_MODELS). */
const FACE_MODELS = ['blazeface', 'faceres', 'antispoof', 'liveness'] as const;

/** The kiosk's defaults when the services name none (config faceCheck.engine gives them). */
export const DEFAULT_FACE_ENGINE: FaceEngineSettings = FaceEngineSchema.parse({});

export function faceConfig(backend: FaceBackend, modelBasePath = './models/human/', wasmPath = './models/tfjs-wasm/'): Partial<Config> {
  return {
    backend,
    modelBasePath,
    wasmPath,
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

/**
 * Per-frame model switches: while the person is being guided only the detector runs;
 * the descriptor, anti-spoofing and liveness models run on the frame that is compared.
 * Human merges a detect() config into its own, so both settings are always given whole.
 */
export function frameModels(full: boolean): Partial<Config> {
  return { face: { description: { enabled: full }, antispoof: { enabled: full }, liveness: { enabled: full } } } as Partial<Config>;
}

export interface FaceEngine {
  human: Human;
  /** Width frames are scaled to before detection (px). */
  inputWidth: number;
  /** Load + warm-up time, ms (shown in the bench). */
  readyMs: number;
}

let engine: Promise<FaceEngine> | null = null;

/** The settings the services gave (KioskInfo.faceEngine) for the one engine. */
let configured: FaceEngineSettings = DEFAULT_FACE_ENGINE;

/** One engine per screen lifetime; a failed load may be tried again at the next step. */
export function loadFaceEngine(settings: FaceEngineSettings = configured): Promise<FaceEngine> {
  if (engine) return engine;
  const started = performance.now();
  engine = (async () => {
    const { Human: HumanLibrary } = await import('@vladmandic/human');
    const human = new HumanLibrary(faceConfig(settings.backend));
    await human.load();
    // Human falls back to another backend when the one asked for cannot start: a kiosk must not silently run slower.
    const running = human.tf.getBackend() as string;
    if (running !== settings.backend && !(settings.backend === 'webgl' && running === 'humangl')) throw new Error(`face backend ${settings.backend} did not start`);
    // Human logs a model whose weights failed to load and goes on with an empty one (its models.loaded() still
    // lists it): only its load statistics tell. The step must never compare without every model.
    const stats = human.models.stats().modelStats as Array<{ name: string; loaded: boolean }>;
    const missing = FACE_MODELS.filter((name) => !stats.some((m) => m.name === name && m.loaded));
    if (missing.length > 0) throw new Error(`face models not loaded: ${missing.join(', ')}`);
    await warmModels(human);
    return { human, inputWidth: settings.inputWidth, readyMs: performance.now() - started };
  })();
  engine.catch(() => {
    engine = null;
  });
  return engine;
}

/** After the start screen has painted and the kiosk is idle: never in the way of the first screen. */
export function warmFaceEngineLater(settings: FaceEngineSettings = DEFAULT_FACE_ENGINE): void {
  configured = settings;
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
