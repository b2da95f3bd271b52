// The face check part of KioskApi (人证比对): the screen opens the camera and measures,
// the services hand out the card photo for the step and decide with the policy's
// thresholds; only the outcome and its score band are kept for the session.
import { z } from 'zod';
import { FACE_FUNCTIONS, type FaceFunction } from '../face/facePolicy';
import { FACE_UNAVAILABLE_REASONS, type FaceOutcome, type ScoreBand } from '../face/faceDecision';
import { SessionId } from './selfServiceApi';

const Score = z.number().min(-1).max(1);

export const FACE_INPUTS = {
  /**
   * Whether the session still needs a comparison for this function (asked before a journey
   * starts, so the screen runs the step for the function the services will gate on). Opens nothing.
   */
  faceCheckStatus: z.object({ sessionId: SessionId, fn: z.enum(FACE_FUNCTIONS) }).strict(),
  /** Opens the step (the camera may be granted until it ends) and hands out the card photo. */
  beginFaceCheck: z.object({ sessionId: SessionId, fn: z.enum(FACE_FUNCTIONS) }).strict(),
  /** One usable frame's scores against the card photo; the services decide. */
  submitFaceAttempt: z
    .object({ sessionId: SessionId, fn: z.enum(FACE_FUNCTIONS), scores: z.object({ similarity: Score, real: Score, live: Score }).strict() })
    .strict(),
  /** Closes the step (the camera is no longer granted); with a reason when the check could not run. */
  endFaceCheck: z.object({ sessionId: SessionId, fn: z.enum(FACE_FUNCTIONS), unavailable: z.enum(FACE_UNAVAILABLE_REASONS).optional() }).strict(),
} as const;

export interface FaceCheckStatus {
  fn: FaceFunction;
  /** False: policy does not ask for a check here. */
  required: boolean;
  passed: boolean;
  triesLeft: number;
}

export interface FaceCheckStart {
  fn: FaceFunction;
  /** False: policy does not ask for a check here (the step is skipped). */
  required: boolean;
  passed: boolean;
  triesLeft: number;
  /** The decoded card photo for this step only (base64), or null when the reader gave none the kiosk can read. */
  photo: { format: 'jpeg' | 'bmp'; data: string } | null;
  /** The policy's figures the screen guides by (the services decide with the same). */
  matchThreshold: number;
  livenessThreshold: number;
}

export interface FaceAttemptView {
  outcome: FaceOutcome;
  band: ScoreBand;
  passed: boolean;
  triesLeft: number;
}

export interface FaceOutputs {
  faceCheckStatus: FaceCheckStatus;
  beginFaceCheck: FaceCheckStart;
  submitFaceAttempt: FaceAttemptView;
  endFaceCheck: null;
}
