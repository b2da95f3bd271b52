// Who is at the screen (人证比对): where a face comparison with the card photo is
// required before personal data is shown, and the figures a comparison is judged by.
// A city sets it per kiosk (config `faceCheck`) and per function.
import { z } from 'zod';

/**
 * The functions a face check can guard: the holder's own summary and report, an
 * enterprise's by its legal representative, and what a citizen signs at the kiosk
 * (objections, repair applications, commitments).
 */
export const FACE_FUNCTIONS = ['self', 'enterprise', 'citizen-service'] as const;
export type FaceFunction = (typeof FACE_FUNCTIONS)[number];

/**
 * Where the face models run in the kiosk's Chromium. WASM (SIMD, our own .wasm from
 * @tensorflow/tfjs-backend-wasm) is the default: bench/face.bench.ts measured it an order
 * faster than WebGL on software rendering and than the pure-JS CPU backend on this kind of
 * 2-core machine; 'webgl' suits a kiosk with a real GPU; 'cpu' needs nothing but JavaScript.
 */
export const FACE_BACKENDS = ['wasm', 'webgl', 'cpu'] as const;
export type FaceBackend = (typeof FACE_BACKENDS)[number];

export const FaceEngineSchema = z
  .object({
    backend: z.enum(FACE_BACKENDS).default('wasm'),
    /** Camera frames are scaled so their width is this before detection (px); BlazeFace looks at 128 px anyway. */
    inputWidth: z.number().int().min(160).max(640).default(320),
  })
  .strict();
export type FaceEngineSettings = z.output<typeof FaceEngineSchema>;

export const FacePolicySchema = z
  .object({
    /** Per function: true = the data is shown only after a passed check. */
    required: z
      .object({ self: z.boolean(), enterprise: z.boolean(), 'citizen-service': z.boolean() })
      .strict()
      .optional(),
    /** Cosine-style similarity (0–1) of the two face descriptors at or above which they are one person. */
    matchThreshold: z.number().min(0.3).max(0.95).default(0.6),
    /** Anti-spoofing ("real") and liveness scores (0–1) a frame must reach. */
    livenessThreshold: z.number().min(0).max(1).default(0.5),
    /** Attempts before the person is sent to the counter. */
    maxTries: z.number().int().min(1).max(5).default(3),
    engine: FaceEngineSchema.prefault({}),
  })
  .strict();

export type FacePolicyInput = z.input<typeof FacePolicySchema>;

export interface FacePolicy {
  required: Record<FaceFunction, boolean>;
  matchThreshold: number;
  livenessThreshold: number;
  maxTries: number;
  engine: FaceEngineSettings;
}

/**
 * Production checks by default wherever a person's own data is shown; the demo does
 * not (its journeys run without a camera) unless its config switches it on.
 */
export function resolveFacePolicy(input: FacePolicyInput | undefined, mode: 'demo' | 'production'): FacePolicy {
  const parsed = FacePolicySchema.parse(input ?? {});
  const on = mode === 'production';
  return {
    required: parsed.required ?? { self: on, enterprise: on, 'citizen-service': on },
    matchThreshold: parsed.matchThreshold,
    livenessThreshold: parsed.livenessThreshold,
    maxTries: parsed.maxTries,
    engine: parsed.engine,
  };
}

export function faceCheckRequired(policy: FacePolicy, fn: FaceFunction): boolean {
  return policy.required[fn];
}
