// 信用承诺 in the journey's state: opened from a summary, back to it, and gone with the
// session — a card lifted mid-signing returns the kiosk to its start with nothing kept.
import { describe, expect, it } from 'vitest';
import type { CreditSummary, SessionInfo } from '../../../src-main/common/contract/views';
import { initialState, kioskReducer, type KioskAction, type KioskState } from '../../../src-renderer/state/kioskState';

const session: SessionInfo = { id: 'AbCdEfGhIjKlMnOpQrStUv', startedAt: '2026-12-07T08:00:00.000Z', holder: { cardType: 'resident', name: '李明华', idNumberMasked: '3703**********1234', expired: false } };
const summary = { subject: { id: 's1', kind: 'natural-person', code: '3703**********1234', codeMasked: true, name: '李明华' }, records: [], statusTags: [] } as unknown as CreditSummary;

const run = (...actions: KioskAction[]): KioskState => actions.reduce(kioskReducer, initialState());
const onSummary: KioskAction[] = [
  { type: 'event', event: { type: 'card-inserted', session } },
  { type: 'consented', sessionId: session.id },
  { type: 'summary-loaded', sessionId: session.id, summary },
];

describe('commitment in the journey', () => {
  it('opens from the summary and returns to it', () => {
    const open = run(...onSummary, { type: 'open-commitment' });
    expect(open.screen).toBe('commitment');
    expect(kioskReducer(open, { type: 'close-commitment' }).screen).toBe('summary');
  });

  it('is not opened without a summary on screen', () => {
    expect(run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'open-commitment' }).screen).toBe('consent');
  });

  it('ends with the card: nothing of the person stays', () => {
    const lifted = run(...onSummary, { type: 'open-commitment' }, { type: 'event', event: { type: 'card-removed' } });
    expect(lifted.screen).toBe('idle');
    expect(lifted.session).toBeNull();
    expect(lifted.summary).toBeNull();
    expect(run(...onSummary, { type: 'open-commitment' }, { type: 'event', event: { type: 'session-ended', sessionId: session.id, reason: 'idle' } }).screen).toBe('take-card');
  });
});
