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
  })
  .strict();

export type FacePolicyInput = z.input<typeof FacePolicySchema>;

export interface FacePolicy {
  required: Record<FaceFunction, boolean>;
  matchThreshold: number;
  livenessThreshold: number;
  maxTries: number;
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
  };
}

export function faceCheckRequired(policy: FacePolicy, fn: FaceFunction): boolean {
  return policy.required[fn];
}
