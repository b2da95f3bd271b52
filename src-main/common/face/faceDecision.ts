// Judging one face comparison: the renderer measures (similarity to the card photo,
// anti-spoofing and liveness scores), the services decide with these rules, so a
// screen cannot pass itself. Pure; the same rules give the screen its guidance.
import type { FacePolicy } from './facePolicy';

/** What is recorded for a session and counted: never a frame, a descriptor or a score. */
export const FACE_OUTCOMES = ['matched', 'not-matched', 'not-live', 'unavailable', 'skipped'] as const;
export type FaceOutcome = (typeof FACE_OUTCOMES)[number];

/**
 * The audit chain's entry for each finished check (one per function and session), which the
 * usage statistics count as function 'face-check': action FACE_AUDIT_ACTION, result one of
 * FACE_OUTCOMES, detail exactly { fn: FaceFunction, band: ScoreBand }, no subject. Stable names.
 */
export const FACE_AUDIT_ACTION = 'face-check';

/**
 * The counter's fallback under the same action: staff compared the person with the card
 * photo by sight (已人工核验身份). Its entry carries the staff number and the check's keyed
 * subject, detail exactly { by: 'sight', checkId }; counted as 'face-check' like the kiosk's.
 */
export const FACE_STAFF_VERIFIED = 'staff-verified';

/** How far the similarity lies from the threshold, in coarse bands (the only figure kept). */
export const SCORE_BANDS = ['high', 'near', 'low', 'none'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** Why the check could not run at all (or the person chose the counter): the kiosk says so and sends them there. */
export const FACE_UNAVAILABLE_REASONS = ['no-camera', 'camera-denied', 'camera-busy', 'camera-failed', 'camera-lost', 'no-card-photo', 'model-failed', 'declined'] as const;
export type FaceUnavailableReason = (typeof FACE_UNAVAILABLE_REASONS)[number];

/** Why a frame cannot be compared yet: the screen and the voice guide the person. */
export type FrameProblem = 'no-face' | 'two-faces' | 'too-small' | 'too-dark' | 'too-bright' | 'off-centre';

export interface FaceScores {
  /** Similarity of the live face's descriptor to the card photo's, 0–1. */
  similarity: number;
  /** Anti-spoofing score ("a real face, not a picture of one"), 0–1. */
  real: number;
  /** Liveness score, 0–1. */
  live: number;
}

export interface FrameFacts {
  faces: number;
  /** The face box's height as a share of the frame's height. */
  faceShare: number;
  /** Mean luminance of the face box, 0–255. */
  brightness: number;
  /** Distance of the face box's centre from the frame's centre, as a share of the frame's width. */
  offCentre: number;
}

/** Limits a usable frame keeps to (camera at arm's length, kiosk hall light). */
export const FRAME_LIMITS = { minFaceShare: 0.25, minBrightness: 60, maxBrightness: 220, maxOffCentre: 0.25 } as const;

/** The first thing wrong with a frame, in the order a person can fix it; null when usable. */
export function frameProblem(f: FrameFacts): FrameProblem | null {
  if (f.faces === 0) return 'no-face';
  if (f.faces > 1) return 'two-faces';
  if (f.offCentre > FRAME_LIMITS.maxOffCentre) return 'off-centre';
  if (f.faceShare < FRAME_LIMITS.minFaceShare) return 'too-small';
  if (f.brightness < FRAME_LIMITS.minBrightness) return 'too-dark';
  if (f.brightness > FRAME_LIMITS.maxBrightness) return 'too-bright';
  return null;
}

/** Band of a similarity against the threshold: high well above, near within 0.1 either side. */
export function scoreBand(similarity: number, threshold: number): ScoreBand {
  if (!Number.isFinite(similarity)) return 'none';
  if (similarity >= threshold + 0.1) return 'high';
  if (similarity >= threshold - 0.1) return 'near';
  return 'low';
}

export interface AttemptDecision {
  outcome: Extract<FaceOutcome, 'matched' | 'not-matched' | 'not-live'>;
  band: ScoreBand;
}

/** Liveness first: a picture of the right person is still a picture. */
export function decideAttempt(scores: FaceScores, policy: Pick<FacePolicy, 'matchThreshold' | 'livenessThreshold'>): AttemptDecision {
  const band = scoreBand(scores.similarity, policy.matchThreshold);
  const finite = [scores.similarity, scores.real, scores.live].every(Number.isFinite);
  if (!finite) return { outcome: 'not-matched', band: 'none' };
  if (scores.real < policy.livenessThreshold || scores.live < policy.livenessThreshold) return { outcome: 'not-live', band };
  return { outcome: scores.similarity >= policy.matchThreshold ? 'matched' : 'not-matched', band };
}

/** A session's face check for one function: tries used, and how it ended. */
export interface FaceCheckState {
  tries: number;
  passed: boolean;
  /** The last outcome and band, as recorded. */
  last: { outcome: FaceOutcome; band: ScoreBand } | null;
}

export const NEW_FACE_CHECK: FaceCheckState = Object.freeze({ tries: 0, passed: false, last: null });

/** After an attempt: a pass ends the check; a refusal uses a try; the check is over at maxTries. */
export function afterAttempt(state: FaceCheckState, decision: AttemptDecision): FaceCheckState {
  return { tries: state.tries + 1, passed: state.passed || decision.outcome === 'matched', last: decision };
}

export function triesLeft(state: FaceCheckState, maxTries: number): number {
  return state.passed ? 0 : Math.max(0, maxTries - state.tries);
}
