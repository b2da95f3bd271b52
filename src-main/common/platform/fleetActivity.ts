// The fleet view's lists of what kiosks did: each counter check joined with its decision
// (one row per kiosk and check id), and the reports they registered. Pure: built from the
// stored events the platform's store returns, newest first.
import type { CheckFeedbackView, IssuedReportView } from './fleetViews';
import type { EventPayload, EventType } from './platformEvents';

export interface ActivityEvent {
  kioskId: string;
  type: EventType;
  at: string;
  receivedAt: string;
  payload: Record<string, unknown>;
}

export function checkFeedback(events: readonly ActivityEvent[]): CheckFeedbackView[] {
  const rows = new Map<string, CheckFeedbackView>();
  for (const e of events) {
    if (e.type !== 'check-record' && e.type !== 'check-decision') continue;
    const checkId = (e.payload as { checkId: string }).checkId;
    const key = `${e.kioskId}\u0000${checkId}`;
    const row = rows.get(key) ?? { kioskId: e.kioskId, checkId, itemCode: null, subject: null, hits: null, staffId: '', checkedAt: null, decision: null, measuresApplied: [], decidedAt: null };
    if (e.type === 'check-record') {
      const p = e.payload as EventPayload<'check-record'>;
      Object.assign(row, { itemCode: p.itemCode, subject: { kind: p.subject.kind, maskedCode: p.subject.maskedCode }, hits: p.hits.length, staffId: row.staffId || p.staffId, checkedAt: e.at });
    } else {
      const p = e.payload as EventPayload<'check-decision'>;
      Object.assign(row, { decision: p.decision, measuresApplied: p.measuresApplied, staffId: p.staffId, decidedAt: e.at });
    }
    rows.set(key, row);
  }
  return [...rows.values()];
}

export function issuedReports(events: readonly ActivityEvent[]): IssuedReportView[] {
  return events
    .filter((e) => e.type === 'report-issued')
    .map((e) => {
      const p = e.payload as EventPayload<'report-issued'>;
      return { kioskId: e.kioskId, reportNumber: p.reportNumber, edition: p.edition, subject: { kind: p.subject.kind, maskedCode: p.subject.maskedCode }, issuedAt: p.issuedAt, receivedAt: e.receivedAt };
    });
}
