// The journey's face step: the services' FACE_CHECK_REQUIRED turns the lookup into the
// face step, a pass asks again, a refusal after the tries is the counter's error.
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src-main/common/contract/views';
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
