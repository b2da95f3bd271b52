// The kiosk's ReportIssuer: the self-service "打印报告" path, wired to issueReport with
// the kiosk's key folder and registry under its data folder.
import path from 'node:path';
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import type { KioskConfig } from '../config/kioskConfig';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { EventSink } from '../outbox/outbox';
import { moveRegisteredReports, reportEventId, reportIssuedPayload } from '../outbox/reportIssuedEvent';
import { issueReport } from './issueReport';
import { ReportRegistry } from './reportRegistry';
import { warmUpReports } from './reportWarmUp';

/** Where a kiosk keeps its report signing key and its issued-report registry. */
export function reportPaths(dataDir: string): { keyDir: string; registryFile: string } {
  return { keyDir: path.join(dataDir, 'report-keys'), registryFile: path.join(dataDir, 'reports.sqlite') };
}

export interface IssuedReport {
  pdf: Uint8Array;
  pages: number;
  reportNumber: string;
}

/** What the kiosk service asks of the report room: a signed report for the card holder's own subject. */
export type ReportIssuer = (input: { subject: Subject; records: CreditRecord[]; provenance: Provenance; now: Date }) => Promise<IssuedReport>;

export interface ReportIssuerHandle {
  issue: ReportIssuer;
  /** Prepares fonts, key and drawing code in the background (call once at start, not awaited). */
  warmUp(): Promise<void>;
  close(): void;
}

export function createReportIssuer(options: { config: Pick<KioskConfig, 'dataDir' | 'issuer' | 'kioskId' | 'report'>; keys: KeyStore; outbox?: EventSink }): ReportIssuerHandle {
  const { dataDir, issuer, kioskId, report } = options.config;
  const keyer = loadSubjectKeyer(options.keys);
  if (options.outbox) {
    const registry = new ReportRegistry(reportPaths(dataDir).registryFile, { keyer });
    try {
      moveRegisteredReports(registry, options.outbox);
    } finally {
      registry.close();
    }
  }
  const issue: ReportIssuer = async ({ subject, records, provenance, now }): Promise<IssuedReport> => {
    const issued = await issueReport({
      subject,
      records,
      provenance,
      now,
      edition: 'standard',
      // The self-service path only ever reaches here for the card holder's own subject.
      audience: 'subject',
      issuer,
      kioskId,
      keys: options.keys,
      ...reportPaths(dataDir),
      verifyUrl: report.verifyUrl,
      maskOwnIdNumber: report.maskOwnIdNumber,
      sealLabel: report.sealLabel,
    });
    // The platform's registry learns it through the outbox (stored before the report is handed out).
    options.outbox?.enqueue(
      'report-issued',
      reportIssuedPayload(keyer, { reportNumber: issued.reportNumber, edition: 'standard', issuedAt: now.toISOString(), contentHash: issued.contentHash, subject }),
      { id: reportEventId(issued.reportNumber) },
    );
    return { pdf: issued.pdf, pages: issued.pages, reportNumber: issued.reportNumber };
  };
  return { issue, warmUp: () => warmUpReports({ keys: options.keys, keyDir: reportPaths(dataDir).keyDir }), close: () => undefined };
}
