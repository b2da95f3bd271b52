// A screen that missed card events (its stream connected late or dropped) is brought
// back in line by the status answer, and never re-opens a session it has already met.
import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src-main/common/contract/views';
import { missedSessionEvent } from '../../../src-renderer/state/sessionReconcile';

const lin: SessionInfo = { id: 'SessionOfLinXiaolan0001', startedAt: '2026-12-07T08:00:00.000Z', holder: { cardType: 'resident', name: '林晓岚', idNumberMasked: '3703**********0021', expired: false } };
const zhou: SessionInfo = { ...lin, id: 'SessionOfZhouJianguo002', holder: { ...lin.holder, name: '周建国' } };

describe('missedSessionEvent', () => {
  it('shows a session the screen never heard of (the card was placed before the stream was open)', () => {
    expect(missedSessionEvent({ shown: null, current: lin, seen: new Set(), quiet: true })).toEqual({ type: 'card-inserted', session: lin });
  });

  it('replaces the shown session by a newer one it missed, even while other events arrive', () => {
    expect(missedSessionEvent({ shown: lin.id, current: zhou, seen: new Set([lin.id]), quiet: false })).toEqual({ type: 'card-inserted', session: zhou });
  });

  it('never re-opens a session already met: one the person ended on screen is still live for a moment in the service', () => {
    expect(missedSessionEvent({ shown: null, current: lin, seen: new Set([lin.id]), quiet: true })).toBeNull();
  });

  it('ends the shown session when the service holds none, if the answer is not older than the screen', () => {
    expect(missedSessionEvent({ shown: lin.id, current: null, seen: new Set([lin.id]), quiet: true })).toEqual({ type: 'session-ended', sessionId: lin.id, reason: 'replaced' });
  });

  it('ends nothing on an answer that events overtook: the card may have been placed after the service answered', () => {
    expect(missedSessionEvent({ shown: lin.id, current: null, seen: new Set([lin.id]), quiet: false })).toBeNull();
  });

  it('does nothing when the screen shows what the service holds', () => {
    expect(missedSessionEvent({ shown: lin.id, current: lin, seen: new Set([lin.id]), quiet: true })).toBeNull();
    expect(missedSessionEvent({ shown: null, current: null, seen: new Set(), quiet: true })).toBeNull();
  });
});
