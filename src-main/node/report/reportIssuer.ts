// The kiosk's ReportIssuer: the self-service "打印报告" path, wired to issueReport with
// the kiosk's key folder and registry under its data folder.
import path from 'node:path';
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import type { KioskConfig } from '../config/kioskConfig';
import type { KeyStore } from '../keys/keyStore';
import { issueReport } from './issueReport';

export interface IssuedReport {
  pdf: Uint8Array;
  pages: number;
  reportNumber: string;
}

/** What the kiosk service asks of the report room: a signed report for the card holder's own subject. */
export type ReportIssuer = (input: { subject: Subject; records: CreditRecord[]; provenance: Provenance; now: Date }) => Promise<IssuedReport>;

export interface ReportIssuerHandle {
  issue: ReportIssuer;
  close(): void;
}

export function createReportIssuer(options: { config: Pick<KioskConfig, 'dataDir' | 'issuer' | 'kioskId'>; keys: KeyStore }): ReportIssuerHandle {
  const { dataDir, issuer, kioskId } = options.config;
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
      keyDir: path.join(dataDir, 'report-keys'),
      registryFile: path.join(dataDir, 'reports.sqlite'),
    });
    return { pdf: issued.pdf, pages: issued.pages, reportNumber: issued.reportNumber };
  };
  return { issue, close: () => undefined };
}
