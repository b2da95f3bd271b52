// The kiosk's ReportIssuer: the self-service "预览" and "打印报告" paths, wired to
// issueReport with the kiosk's key folder and registry under its data folder, its
// report settings and the no-violation edition's domains — so the preview is the very
// model the print is drawn from.
import path from 'node:path';
import type { Provenance } from '../../common/contract/views';
import type { Result } from '../../common/contract/result';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import type { NoViolationConfig } from '../../common/report/noViolationConfig';
import { buildReportModel, type ReportEdition, type ReportModel } from '../../common/report/reportModel';
import { civilTime, makeReportNumber } from '../../common/report/reportNumber';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { ConfigError, type KioskConfig } from '../config/kioskConfig';
import { findResourcesDir } from '../config/resourcesDir';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { EventSink } from '../outbox/outbox';
import { enqueueReportIssued, moveRegisteredReports } from '../outbox/reportIssuedEvent';
import { loadSealImage, SealImageError, type SealImage } from '../pdf/sealStamp';
import { issueReport } from './issueReport';
import { defaultNoViolationConfigFile, loadNoViolationConfig } from './noViolationDomains';
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

/** A report the kiosk service asks for: the card holder's own subject, or an enterprise they represent. */
export interface ReportRequest {
  subject: Subject;
  records: CreditRecord[];
  provenance: Provenance;
  now: Date;
  /** Default standard; the no-violation edition checks the domains of resources/report/no-violation-domains.json. */
  edition?: ReportEdition;
}

/** What the kiosk service asks of the report room: a signed report. */
export type ReportIssuer = (input: ReportRequest) => Promise<IssuedReport>;
/** The model the report will be drawn from (its number is drawn at printing). */
export type ReportPreviewer = (input: ReportRequest & { disclosurePolicy?: DisclosurePolicy }) => Result<ReportModel>;

export interface ReportIssuerHandle {
  issue: ReportIssuer;
  preview: ReportPreviewer;
  /** Prepares fonts, key and drawing code in the background (call once at start, not awaited). */
  warmUp(): Promise<void>;
  close(): void;
}

/** The demo kiosk's seal, marked 演示 (drawn by scripts/make-demo-seal.ts). */
export function demoSealFile(resourcesDir: string): string {
  return path.join(resourcesDir, 'report', 'demo-seal.png');
}

/**
 * The issuer's seal image: the configured file, else the demo's on a demo kiosk, else
 * none. A file that is missing or not a usable PNG stops the start with what is wrong.
 */
export function issuerSeal(config: Pick<KioskConfig, 'mode' | 'report'>, resourcesDir: string): SealImage | null {
  const file = config.report.sealImage ?? (config.mode === 'demo' ? demoSealFile(resourcesDir) : null);
  if (file === null) return null;
  try {
    return loadSealImage(file);
  } catch (err) {
    if (err instanceof SealImageError) throw new ConfigError(`配置项 report.sealImage 无效：${err.message}`);
    throw err;
  }
}

export interface ReportIssuerOptions {
  config: Pick<KioskConfig, 'dataDir' | 'issuer' | 'kioskId' | 'report' | 'mode'>;
  keys: KeyStore;
  /** Where the no-violation domains are read from (default: the resources folder found beside the code). */
  resourcesDir?: string;
  /** The one outbox: each issued report is owed to the platform's registry. */
  outbox?: EventSink;
}

export function createReportIssuer(options: ReportIssuerOptions): ReportIssuerHandle {
  // issuer and report settings are read at each issue: fleet configuration changes them live.
  const { dataDir, kioskId } = options.config;
  const resourcesDir = options.resourcesDir ?? findResourcesDir();
  const noViolation: NoViolationConfig = loadNoViolationConfig(defaultNoViolationConfigFile(resourcesDir));
  const scope = (edition: ReportEdition) => (edition === 'no-violation' ? { noViolationScope: { config: noViolation } } : {});
  const settings = () => ({ verifyUrl: options.config.report.verifyUrl, maskOwnIdNumber: options.config.report.maskOwnIdNumber });
  const sealImage = issuerSeal(options.config, resourcesDir);
  const keyer = loadSubjectKeyer(options.keys);
  if (options.outbox) {
    const registry = new ReportRegistry(reportPaths(dataDir).registryFile, { keyer });
    try {
      moveRegisteredReports(registry, options.outbox);
    } finally {
      registry.close();
    }
  }

  const issue: ReportIssuer = async ({ subject, records, provenance, now, edition = 'standard' }): Promise<IssuedReport> => {
    const issued = await issueReport({
      subject,
      records,
      provenance,
      now,
      edition,
      // The self-service path only ever reaches here for the card holder's own subject or an enterprise they represent.
      audience: 'subject',
      issuer: options.config.issuer,
      kioskId,
      keys: options.keys,
      ...reportPaths(dataDir),
      ...settings(),
      ...(sealImage && { sealImage }),
      ...scope(edition),
    });
    // The platform's registry learns it through the outbox (stored before the report is handed out).
    if (options.outbox) enqueueReportIssued(options.outbox, keyer, { reportNumber: issued.reportNumber, edition, issuedAt: now.toISOString(), contentHash: issued.contentHash, subject });
    return { pdf: issued.pdf, pages: issued.pages, reportNumber: issued.reportNumber };
  };

  const preview: ReportPreviewer = ({ subject, records, provenance, now, edition = 'standard', disclosurePolicy }) =>
    buildReportModel({
      subject,
      records,
      audience: 'subject',
      edition,
      generatedAt: now,
      today: civilTime(now).date,
      reportNumber: makeReportNumber(now, (n) => new Uint8Array(n)),
      issuer: options.config.issuer,
      kioskId,
      provenance,
      ...(disclosurePolicy && { disclosurePolicy }),
      ...settings(),
      ...scope(edition),
    });

  return { issue, preview, warmUp: () => warmUpReports({ keys: options.keys, keyDir: reportPaths(dataDir).keyDir }), close: () => undefined };
}
