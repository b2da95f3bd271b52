// A report-issued event: the platform's registry learns each report (number, edition,
// subject masked and keyed, time, digest) so it can answer "is report X genuine". The id
// is the report number's, so a report is registered there once however often it is sent.
import crypto from 'node:crypto';
import type { EventPayload } from '../../common/platform/platformEvents';
import { EventId } from '../../common/platform/platformEvents';
import type { SubjectKeyer } from '../keys/subjectKeyer';
import type { IssuedReportEntry, ReportRegistry } from '../report/reportRegistry';
import { eventSubject } from './eventSubject';
import type { EventSink } from './outbox';

export function reportEventId(reportNumber: string): string {
  const id = `report-${reportNumber}`;
  return EventId.safeParse(id).success ? id : `report-${crypto.createHash('sha256').update(reportNumber).digest('hex').slice(0, 40)}`;
}

export function reportIssuedPayload(
  keyer: Pick<SubjectKeyer, 'reportSubject'>,
  report: { reportNumber: string; edition: string; issuedAt: string; contentHash: string; subject: { kind: string; code: string } },
): EventPayload<'report-issued'> {
  return { reportNumber: report.reportNumber, edition: report.edition, subject: eventSubject(keyer, report.subject), issuedAt: report.issuedAt, digest: report.contentHash };
}

/** Queues an issued report for the platform's registry (the kiosk's screen and the CLI `report` alike); its id is the number's. */
export function enqueueReportIssued(outbox: EventSink, keyer: Pick<SubjectKeyer, 'reportSubject'>, report: Parameters<typeof reportIssuedPayload>[1]): string {
  return outbox.enqueue('report-issued', reportIssuedPayload(keyer, report), { id: reportEventId(report.reportNumber) });
}

/**
 * Reports the registry holds from before the outbox (flagged pending_upload, never sent):
 * moved once. Their code was never kept, so the subject goes by its keyed hash alone.
 */
export function moveRegisteredReports(registry: ReportRegistry, outbox: EventSink): number {
  const entries: IssuedReportEntry[] = registry.registeredBeforeOutbox();
  for (const e of entries) {
    outbox.enqueue(
      'report-issued',
      {
        reportNumber: e.reportNumber,
        edition: e.edition,
        subject: { kind: e.kind === 'natural-person' ? 'person' : 'enterprise', maskedCode: '', key: e.subjectKeyHash },
        issuedAt: e.issuedAt,
        digest: e.contentHash,
      },
      { id: reportEventId(e.reportNumber), at: e.issuedAt },
    );
    registry.markMovedToOutbox(e.reportNumber);
  }
  return entries.length;
}
