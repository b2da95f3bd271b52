// The face check's services: hand the card photo to the screen for the step, decide
// each attempt with the policy, keep only outcome + band in the session, and refuse
// personal data to a session without a pass where the policy requires one. The gate
// sits here, in the services, so a screen that skips the step still gets nothing.
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import type { FaceCheckStart, FaceOutputs } from '../../common/contract/faceApi';
import type { FaceMethods, KioskInput } from '../../common/contract/kioskApi';
import { fail, ok, type Result } from '../../common/contract/result';
import type { CardPhoto } from '../../common/domain/idCard';
import { afterAttempt, decideAttempt, NEW_FACE_CHECK, triesLeft, type FaceCheckState, type FaceOutcome, type ScoreBand } from '../../common/face/faceDecision';
import { faceCheckRequired, type FaceFunction, type FacePolicy } from '../../common/face/facePolicy';
import type { Logger } from '../logging/logger';
import type { Session } from '../session/sessionManager';

export interface FaceOutcomeRecord {
  fn: FaceFunction;
  outcome: FaceOutcome;
  band: ScoreBand;
}

export interface FaceCheckDeps {
  policy: FacePolicy;
  /** The live session with this id, or null. */
  session(sessionId: string): Session | null;
  /** Counts an outcome for the city's statistics (no person, no score). */
  record?: (entry: FaceOutcomeRecord) => void;
  logger: Logger;
}

export interface FaceCheck {
  methods: FaceMethods;
  /** Null when this session may see the function's data; otherwise the refusal to answer with. */
  gate(session: Session, fn: FaceFunction): Result<never> | null;
  /** A face step is open for the live session: only then may the host grant the camera. */
  cameraAllowed(): boolean;
}

// One check per session: the person verified for their own report is the same person
// for the enterprise they represent. The policy decides per function whether it is asked.
const STATE_KEY = 'face:state';
const STEP_KEY = 'face:step';
const notedKey = (fn: FaceFunction): string => `face:noted:${fn}`;

export function createFaceCheck(deps: FaceCheckDeps): FaceCheck {
  const { policy, logger: log } = deps;
  // The session whose step is open; the camera grant ends with the step or the session.
  let openStep: string | null = null;

  function stateOf(session: Session): FaceCheckState {
    return (session.memo.get(STATE_KEY) as FaceCheckState | undefined) ?? NEW_FACE_CHECK;
  }

  function note(session: Session, fn: FaceFunction, outcome: FaceOutcome, band: ScoreBand): void {
    log.info({ event: 'face-check', fn, outcome, band }, 'face check outcome');
    deps.record?.({ fn, outcome, band });
    session.memo.set(notedKey(fn), true);
  }

  function live(sessionId: string): Session | Result<never> {
    return deps.session(sessionId) ?? fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
  }

  const methods: FaceMethods = {
    faceCheckStatus: async ({ sessionId, fn }: KioskInput<'faceCheckStatus'>) => {
      const session = live(sessionId);
      if (!('id' in session)) return session;
      const state = stateOf(session);
      return ok({ fn, required: faceCheckRequired(policy, fn), passed: state.passed, triesLeft: triesLeft(state, policy.maxTries) });
    },

    beginFaceCheck: async ({ sessionId, fn }: KioskInput<'beginFaceCheck'>) => {
      const session = live(sessionId);
      if (!('id' in session)) return session;
      const state = stateOf(session);
      const required = faceCheckRequired(policy, fn);
      const start: FaceCheckStart = {
        fn,
        required,
        passed: state.passed,
        triesLeft: triesLeft(state, policy.maxTries),
        photo: null,
        matchThreshold: policy.matchThreshold,
        livenessThreshold: policy.livenessThreshold,
      };
      if (!required || state.passed || start.triesLeft === 0) return ok(start);
      openStep = session.id;
      session.memo.set(STEP_KEY, fn);
      return ok({ ...start, photo: decodedPhoto(session.card.photo) });
    },

    submitFaceAttempt: async ({ sessionId, fn, scores }: KioskInput<'submitFaceAttempt'>) => {
      const session = live(sessionId);
      if (!('id' in session)) return session;
      if (session.memo.get(STEP_KEY) !== fn || openStep !== session.id) return fail('INVALID_INPUT', `${DEFAULT_ERROR_MESSAGES.INVALID_INPUT}: no face step open`);
      const state = stateOf(session);
      if (state.passed || triesLeft(state, policy.maxTries) === 0) return fail('FACE_CHECK_FAILED', DEFAULT_ERROR_MESSAGES.FACE_CHECK_FAILED);
      const decision = decideAttempt(scores, policy);
      const next = afterAttempt(state, decision);
      session.memo.set(STATE_KEY, next);
      const left = triesLeft(next, policy.maxTries);
      // One record per check: the pass, or the last refusal once the tries are used up.
      if (next.passed || left === 0) note(session, fn, decision.outcome, decision.band);
      return ok({ outcome: decision.outcome, band: decision.band, passed: next.passed, triesLeft: left });
    },

    endFaceCheck: async ({ sessionId, fn, unavailable }: KioskInput<'endFaceCheck'>) => {
      const session = deps.session(sessionId);
      if (openStep === sessionId) openStep = null;
      if (!session) return ok(null);
      session.memo.delete(STEP_KEY);
      const state = stateOf(session);
      if (unavailable !== undefined && !state.passed) {
        // The check could not run: no more tries here, the counter verifies by sight.
        session.memo.set(STATE_KEY, { tries: policy.maxTries, passed: false, last: { outcome: 'unavailable', band: 'none' } } satisfies FaceCheckState);
        log.info({ event: 'face-check-unavailable', fn, reason: unavailable }, 'face check unavailable');
        note(session, fn, 'unavailable', 'none');
      }
      return ok(null);
    },
  };

  return {
    methods,
    gate(session, fn) {
      if (!faceCheckRequired(policy, fn)) {
        if (session.memo.get(notedKey(fn)) !== true) note(session, fn, 'skipped', 'none');
        return null;
      }
      const state = stateOf(session);
      if (state.passed) return null;
      return triesLeft(state, policy.maxTries) === 0
        ? fail('FACE_CHECK_FAILED', DEFAULT_ERROR_MESSAGES.FACE_CHECK_FAILED)
        : fail('FACE_CHECK_REQUIRED', DEFAULT_ERROR_MESSAGES.FACE_CHECK_REQUIRED);
    },
    cameraAllowed: () => openStep !== null && deps.session(openStep) !== null,
  };
}

/** Only a decoded photo can be compared; WLT stays with the vendor library. */
function decodedPhoto(photo: CardPhoto | undefined): FaceOutputs['beginFaceCheck']['photo'] {
  if (!photo || !photo.decoded || !photo.data || photo.format === 'wlt') return null;
  return { format: photo.format, data: photo.data };
}
