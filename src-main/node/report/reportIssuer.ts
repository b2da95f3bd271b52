// The kiosk's ReportIssuer: the self-service "打印报告" path, wired to issueReport with
// the kiosk's key folder and registry under its data folder.
import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfig';
import type { IssuedReport, ReportIssuer } from '../kiosk/kioskService';
import { issueReport } from './issueReport';
import { warmUpReports } from './reportWarmUp';

/** Where a kiosk keeps its report signing key and its issued-report registry. */
export function reportPaths(dataDir: string): { keyDir: string; registryFile: string } {
  return { keyDir: path.join(dataDir, 'report-keys'), registryFile: path.join(dataDir, 'reports.sqlite') };
}

export interface ReportIssuerHandle {
  issue: ReportIssuer;
  /** Prepares fonts, key and drawing code in the background (call once at start, not awaited). */
  warmUp(): Promise<void>;
  close(): void;
}

export function createReportIssuer(options: { config: Pick<KioskConfig, 'dataDir' | 'issuer' | 'kioskId' | 'report'> }): ReportIssuerHandle {
  const { dataDir, issuer, kioskId, report } = options.config;
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
      ...reportPaths(dataDir),
      verifyUrl: report.verifyUrl,
      maskOwnIdNumber: report.maskOwnIdNumber,
      sealLabel: report.sealLabel,
    });
    return { pdf: issued.pdf, pages: issued.pages, reportNumber: issued.reportNumber };
  };
  return { issue, warmUp: () => warmUpReports({ keyDir: reportPaths(dataDir).keyDir }), close: () => undefined };
}
