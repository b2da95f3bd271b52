// The journey's state: what each event does to the screen, and that ending a
// session leaves nothing of the person behind.
import { describe, expect, it } from 'vitest';
import type { CreditSummary, SessionInfo } from '../../../src-main/common/contract/views';
import { initialState, kioskReducer, type KioskAction, type KioskState } from '../../../src-renderer/state/kioskState';

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

function apply(state: KioskState, ...actions: KioskAction[]): KioskState {
  return actions.reduce(kioskReducer, state);
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

  it('opens the objection journey from the summary, and a lifted card ends it with nothing of the person left', () => {
    const shown = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id }, { type: 'summary-loaded', sessionId: session.id, summary });
    const objecting = apply(shown, { type: 'open-objection' });
    expect(objecting.screen).toBe('objection');
    expect(apply(objecting, { type: 'close-objection' }).screen).toBe('summary');
    const lifted = apply(objecting, { type: 'event', event: { type: 'card-removed' } });
    expect(lifted.screen).toBe('idle');
    expect(lifted.session).toBeNull();
    expect(lifted.summary).toBeNull();
    // Nothing to object to without a summary on screen.
    expect(apply(initialState(), { type: 'open-objection' }).screen).toBe('idle');
  });

  it('opens 报告核验 from the idle menu without a card; a card placed meanwhile starts its session', () => {
    const verifying = run({ type: 'open-verify' });
    expect(verifying.screen).toBe('verify-report');
    expect(apply(verifying, { type: 'close-verify' }).screen).toBe('idle');
    expect(apply(verifying, { type: 'event', event: { type: 'card-inserted', session } }).screen).toBe('consent');
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

describe('the boundary between people', () => {
  const other: SessionInfo = { ...session, id: 'ZyXwVuTsRqPoNmLkJiHgFe', holder: { ...session.holder, name: '王小二' } };

  it('a card swapped without a pause (removed, then another inserted) opens the second person’s consent with nothing of the first', () => {
    const state = run(
      { type: 'event', event: { type: 'card-inserted', session } },
      { type: 'summary-loaded', sessionId: session.id, summary },
      { type: 'event', event: { type: 'card-removed' } },
      { type: 'event', event: { type: 'card-inserted', session: other } },
    );
    expect(state).toMatchObject({ screen: 'consent', session: other, summary: null });
    expect(JSON.stringify(state)).not.toContain('李明华');
  });

  it('结束查询 with the card still on the reader asks for the card; lifting it returns to the start', () => {
    const asked = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'summary-loaded', sessionId: session.id, summary }, { type: 'reset' });
    expect(asked.screen).toBe('take-card');
    expect(JSON.stringify(asked)).not.toContain('李明华');
    expect(kioskReducer(asked, { type: 'event', event: { type: 'card-removed' } }).screen).toBe('idle');
  });

  it('a session the services end (time limit) with the card on the reader asks for the card too', () => {
    const state = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'event', event: { type: 'session-ended', sessionId: session.id, reason: 'idle' } });
    expect(state.screen).toBe('take-card');
  });

  it('the unreadable-card screen clears when that card is lifted', () => {
    const state = run({ type: 'event', event: { type: 'card-error', code: 'CARD_UNREADABLE', message: '' } });
    expect(state).toMatchObject({ screen: 'error', error: 'CARD_UNREADABLE' });
    expect(kioskReducer(state, { type: 'event', event: { type: 'card-removed' } }).screen).toBe('idle');
  });
});

describe('screens that do what they say', () => {
  const job = { jobId: 'j4', reportNumber: '20261121080000ABCDEFGH', state: 'queued' as const, pages: 2, createdAt: '' };
  const shown = (): KioskState => run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'summary-loaded', sessionId: session.id, summary: { ...summary, printsLeftToday: 2 } });

  it('a refused enterprise (NOT_THE_SUBJECT) returns, on 我知道了, to the summary the person had', () => {
    const refused = apply(
      shown(),
      { type: 'view', viewing: { kind: 'enterprise', uscc: '91370302MA3D8N5Q2G' } },
      { type: 'failed', sessionId: session.id, code: 'NOT_THE_SUBJECT' },
    );
    expect(refused.screen).toBe('error');
    const back = kioskReducer(refused, { type: 'dismiss-error' });
    expect(back).toMatchObject({ screen: 'summary', viewing: { kind: 'self' }, session });
    expect(back.summary?.subject.name).toBe('李明华');
  });

  it('打印 shows the printing screen at once, before the job exists', () => {
    const state = kioskReducer(shown(), { type: 'print-requested', sessionId: session.id });
    expect(state).toMatchObject({ screen: 'printing', job: null });
  });

  it.each(['PRINTER_UNAVAILABLE', 'QUOTA_REACHED'] as const)('a print refused with %s keeps the summary and says why', (code) => {
    const state = apply(
      shown(),
      { type: 'print-requested', sessionId: session.id },
      { type: 'print-refused', sessionId: session.id, code },
    );
    expect(state).toMatchObject({ screen: 'summary', printRefusal: code });
    expect(state.summary?.subject.name).toBe('李明华');
  });

  it('a print counts against the free prints left, and the session goes on after it', () => {
    const printed = apply(
      shown(),
      { type: 'print-requested', sessionId: session.id },
      { type: 'print-started', sessionId: session.id, job },
      { type: 'event', event: { type: 'print-job', job: { ...job, state: 'completed' } } },
    );
    expect(printed).toMatchObject({ screen: 'done', session });
    expect(printed.summary?.printsLeftToday).toBe(1);
    expect(kioskReducer(printed, { type: 'back-to-summary' })).toMatchObject({ screen: 'summary', job: null });
  });

  it('企业信用报告 chosen on the menu opens the enterprise choice after consent', () => {
    const state = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id, then: 'enterprise' });
    expect(state.screen).toBe('enterprise');
  });

  it('无违法违规记录证明版 chosen on the idle menu opens the enterprise choice with that edition; the next card starts with the standard one', () => {
    const chosen = run({ type: 'event', event: { type: 'card-inserted', session } }, { type: 'consented', sessionId: session.id, then: 'certificate' });
    expect(chosen).toMatchObject({ screen: 'enterprise', edition: 'no-violation' });
    const back = kioskReducer(chosen, { type: 'choose-edition', edition: 'standard' });
    expect(back.edition).toBe('standard');
    const next = apply(chosen, { type: 'event', event: { type: 'card-removed' } }, { type: 'event', event: { type: 'card-inserted', session: { ...session, id: 'ZyXwVuTsRqPoNmLkJiHgFe' } } });
    expect(next.edition).toBe('standard');
  });
});
