// The journey's state: what each event does to the screen, and that ending a
// session leaves nothing of the person behind.
import { describe, expect, it } from 'vitest';
import type { CreditSummary, SessionInfo } from '../../../src-main/common/contract/views';
import { initialState, kioskReducer, type KioskState } from '../../../src-renderer/state/kioskState';

const session: SessionInfo = {
  id: 'AbCdEfGhIjKlMnOpQrStUv',
  startedAt: '2026-11-21T08:00:00.000Z',
  holder: { cardType: 'resident', name: '李明华', idNumberMasked: '3703**********1234', expired: false },
};

const summary = {
  subject: { id: 's1', kind: 'natural-person', code: '3703**********1234', codeMasked: true, name: '李明华' },
  counts: { administration: 0, honesty: 0, 'serious-dishonesty': 0, 'abnormal-operation': 0, commitment: 0, evaluation: 0, judicial: 0, other: 0 },
  records: [],
  statusTags: [],
  provenance: { source: 'cache', dataVersion: 1, dataAsOf: '2026-11-21T00:00:00.000Z', stale: false },
} as CreditSummary;

function run(...actions: Parameters<typeof kioskReducer>[1][]): KioskState {
  return actions.reduce(kioskReducer, initialState());
}

describe('kioskReducer', () => {
  it('goes idle → consent → reading → summary for one card', () => {
    const consent = run({ type: 'event', event: { type: 'card-inserted', session } });
    expect(consent.screen).toBe('consent');
    const reading = kioskReducer(consent, { type: 'consented', sessionId: session.id });
    expect(reading.screen).toBe('reading');
    const shown = kioskReducer(reading, { type: 'summary-loaded', sessionId: session.id, summary });
    expect(shown.screen).toBe('summary');
    expect(shown.summary?.subject.name).toBe('李明华');
  });

  it('ignores an answer that arrives for a session already gone', () => {
    const state = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'event', event: { type: 'card-removed' } });
    expect(kioskReducer(state, { type: 'summary-loaded', sessionId: session.id, summary })).toEqual(state);
  });

  it('forgets everything personal when the card is removed', () => {
    const state = run(
      { type: 'event', event: { type: 'card-inserted', session } },
      { type: 'summary-loaded', sessionId: session.id, summary },
      { type: 'event', event: { type: 'card-removed' } },
    );
    expect(state.screen).toBe('idle');
    expect(JSON.stringify(state)).not.toContain('李明华');
    expect(JSON.stringify(state)).not.toContain('3703');
  });

  it('shows the expired-card error at once for an expired card', () => {
    const state = run({ type: 'event', event: { type: 'card-inserted', session: { ...session, holder: { ...session.holder, expired: true } } } });
    expect(state).toMatchObject({ screen: 'error', error: 'CARD_EXPIRED' });
  });

  it('keeps the end screen, and only the report number, after the card leaves during printing', () => {
    const job = { jobId: 'j1', reportNumber: '20261121080000ABCDEFGH', state: 'queued' as const, pages: 2, createdAt: '' };
    const state = run(
      { type: 'event', event: { type: 'card-inserted', session } },
      { type: 'summary-loaded', sessionId: session.id, summary },
      { type: 'print-started', sessionId: session.id, job },
      { type: 'event', event: { type: 'print-job', job: { ...job, state: 'completed' } } },
      { type: 'event', event: { type: 'card-removed' } },
    );
    expect(state.screen).toBe('done');
    expect(state.job?.reportNumber).toBe(job.reportNumber);
    expect(JSON.stringify(state)).not.toContain('李明华');
  });
});

describe('printing', () => {
  const job = { jobId: 'j2', reportNumber: '20261121080000ABCDEFGH', state: 'queued' as const, pages: 2, createdAt: '' };

  it('follows a fast printer whose events beat the call’s answer', () => {
    const state = run(
      { type: 'event', event: { type: 'card-inserted', session } },
      { type: 'summary-loaded', sessionId: session.id, summary },
      { type: 'print-requested', sessionId: session.id },
      { type: 'event', event: { type: 'print-job', job } },
      { type: 'event', event: { type: 'print-job', job: { ...job, state: 'completed' } } },
      { type: 'print-started', sessionId: session.id, job },
    );
    expect(state.screen).toBe('done');
    expect(state.job?.state).toBe('completed');
  });

  it('ignores another kiosk user’s job events when no print was asked for', () => {
    const state = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'summary-loaded', sessionId: session.id, summary }, { type: 'event', event: { type: 'print-job', job } });
    expect(state.screen).toBe('summary');
  });
});
