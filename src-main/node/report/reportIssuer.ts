// The kiosk's ReportIssuer: the self-service "打印报告" path, wired to issueReport with
// the kiosk's key folder and registry under its data folder.
import path from 'node:path';
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import type { KioskConfig } from '../config/kioskConfig';
import type { KeyStore } from '../keys/keyStore';
import { issueReport } from './issueReport';
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

export function createReportIssuer(options: { config: Pick<KioskConfig, 'dataDir' | 'issuer' | 'kioskId' | 'report'>; keys: KeyStore }): ReportIssuerHandle {
  // issuer and report are read at each issue: fleet configuration changes them live.
  const { dataDir, kioskId } = options.config;
  const issue: ReportIssuer = async ({ subject, records, provenance, now }): Promise<IssuedReport> => {
    const issued = await issueReport({
      subject,
      records,
      provenance,
      now,
      edition: 'standard',
      // The self-service path only ever reaches here for the card holder's own subject.
      audience: 'subject',
      issuer: options.config.issuer,
      kioskId,
      keys: options.keys,
      ...reportPaths(dataDir),
      verifyUrl: options.config.report.verifyUrl,
      maskOwnIdNumber: options.config.report.maskOwnIdNumber,
      sealLabel: options.config.report.sealLabel,
    });
    return { pdf: issued.pdf, pages: issued.pages, reportNumber: issued.reportNumber };
  };
  return { issue, warmUp: () => warmUpReports({ keys: options.keys, keyDir: reportPaths(dataDir).keyDir }), close: () => undefined };
}
