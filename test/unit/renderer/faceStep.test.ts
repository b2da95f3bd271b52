// The journey's face step: the services' FACE_CHECK_REQUIRED turns the lookup into the
// face step, a pass asks again, a refusal after the tries is the counter's error. A citizen
// service the session still needs a check for (policy 'citizen-service') runs the step for
// that service first and opens it once passed.
import { describe, expect, it } from 'vitest';
import type { CreditSummary, SessionInfo } from '../../../src-main/common/contract/views';
import type { FaceCheckStatus } from '../../../src-main/common/contract/faceApi';
import { fail, ok } from '../../../src-main/common/contract/result';
import { citizenServiceAction } from '../../../src-renderer/face/citizenServiceStep';
import { initialState, kioskReducer, type KioskAction } from '../../../src-renderer/state/kioskState';

const session: SessionInfo = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  startedAt: '2026-11-21T08:00:00.000Z',
  holder: { cardType: 'resident', name: '李明华', idNumberMasked: '3703**********1234', expired: false },
};
const run = (...actions: KioskAction[]) => actions.reduce(kioskReducer, initialState());

describe('the face step in the journey', () => {
  it('a lookup refused for want of a face check opens the face step; a pass asks again', () => {
    const face = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id }, { type: 'failed', sessionId: session.id, code: 'FACE_CHECK_REQUIRED' });
    expect(face.screen).toBe('face');
    expect(face.summary).toBeNull();
    expect(kioskReducer(face, { type: 'face-passed', sessionId: session.id }).screen).toBe('reading');
  });

  it('a pass from another session, or outside the step, changes nothing', () => {
    const face = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id }, { type: 'failed', sessionId: session.id, code: 'FACE_CHECK_REQUIRED' });
    expect(kioskReducer(face, { type: 'face-passed', sessionId: 'ZzZzZzZzZzZzZzZzZzZzZz' }).screen).toBe('face');
    const consent = run({ type: 'event', event: { type: 'card-inserted', session } });
    expect(kioskReducer(consent, { type: 'face-passed', sessionId: session.id }).screen).toBe('consent');
  });

  it('a check that failed for good is an error screen sending the person to the counter', () => {
    const failed = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id }, { type: 'failed', sessionId: session.id, code: 'FACE_CHECK_FAILED' });
    expect(failed).toMatchObject({ screen: 'error', error: 'FACE_CHECK_FAILED' });
  });
});

describe('the face step before a citizen service', () => {
  const summary = { subject: { id: 's1', kind: 'natural-person', code: '3703**********1234', codeMasked: true, name: '李明华' }, records: [], statusTags: [] } as unknown as CreditSummary;
  const onSummary: KioskAction[] = [{ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id }, { type: 'summary-loaded', sessionId: session.id, summary }];

  it('runs for the service asked for, and a pass opens that service, not a lookup', () => {
    for (const then of ['objection', 'commitment', 'repair'] as const) {
      const face = run(...onSummary, { type: 'face-first', sessionId: session.id, then });
      expect(face).toMatchObject({ screen: 'face', faceThen: then });
      expect(kioskReducer(face, { type: 'face-passed', sessionId: session.id })).toMatchObject({ screen: then, faceThen: null, summary });
    }
  });

  it('is asked only from a summary of this session', () => {
    expect(run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'face-first', sessionId: session.id, then: 'objection' }).screen).toBe('consent');
    expect(run(...onSummary, { type: 'face-first', sessionId: 'ZzZzZzZzZzZzZzZzZzZzZz', then: 'objection' }).screen).toBe('summary');
  });

  it('a lookup refused afterwards for its own check runs the lookup’s step, not the service’s', () => {
    const face = run(...onSummary, { type: 'face-first', sessionId: session.id, then: 'repair' }, { type: 'failed', sessionId: session.id, code: 'FACE_CHECK_REQUIRED' });
    expect(face).toMatchObject({ screen: 'face', faceThen: null });
    expect(kioskReducer(face, { type: 'face-passed', sessionId: session.id }).screen).toBe('reading');
  });
});

describe('asking the services before a citizen service', () => {
  const answering = (status: Omit<FaceCheckStatus, 'fn'>) => ({
    faceCheckStatus: async ({ fn }: { fn: FaceCheckStatus['fn'] }) => (fn === 'citizen-service' ? ok({ fn, ...status }) : fail('INVALID_INPUT', 'asked for the wrong function')),
  });

  it('a check still due runs the step first; one passed or not asked for opens the service', async () => {
    expect(await citizenServiceAction(answering({ required: true, passed: false, triesLeft: 3 }), session.id, 'repair')).toEqual({ type: 'face-first', sessionId: session.id, then: 'repair' });
    expect(await citizenServiceAction(answering({ required: true, passed: true, triesLeft: 0 }), session.id, 'repair')).toEqual({ type: 'open-repair' });
    expect(await citizenServiceAction(answering({ required: false, passed: false, triesLeft: 3 }), session.id, 'commitment')).toEqual({ type: 'open-commitment' });
  });

  it('a check with no tries left still goes to the step, which sends the person to the counter', async () => {
    expect(await citizenServiceAction(answering({ required: true, passed: false, triesLeft: 0 }), session.id, 'objection')).toEqual({ type: 'face-first', sessionId: session.id, then: 'objection' });
  });

  it('a session gone is the journey’s error', async () => {
    const gone = { faceCheckStatus: async () => fail('NO_SESSION', 'no session') };
    expect(await citizenServiceAction(gone, session.id, 'objection')).toEqual({ type: 'failed', sessionId: session.id, code: 'NO_SESSION' });
  });
});
