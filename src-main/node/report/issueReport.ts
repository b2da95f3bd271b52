// Issuing one report: number → model (disclosure policy applied) → sealed PDF →
// registered. The `report` CLI command and the kiosk's "打印报告" both come here.
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import type { ErrorCode } from '../../common/contract/errorCodes';
import type { NoViolationConfig } from '../../common/report/noViolationConfig';
import { buildReportModel, type ReportEdition, type ReportModel } from '../../common/report/reportModel';
import { civilTime, makeReportNumber, type RandomBytes } from '../../common/report/reportNumber';
import type { Audience } from '../../common/rules/masking';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import type { PdfFonts } from '../pdf/pdfFonts';
import type { SealImage } from '../pdf/sealStamp';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import { ensureReportKey } from './reportKeys';
import { renderReportPdf } from './reportPdf';
import { recordIssued } from './reportRegistry';

export interface IssueReportInput {
  subject: Subject;
  /** All the subject's records: the disclosure policy decides which are printed. */
  records: readonly CreditRecord[];
  provenance: Provenance;
  edition: ReportEdition;
  audience: Audience;
  issuer: string;
  kioskId: string;
  /** Holds the report signing key and the subject key (created on first use). */
  keys: KeyStore;
  /** Folder the signing key's public half is written to. */
  keyDir: string;
  /** SQLite file of the issued-report registry. */
  registryFile: string;
  now: Date;
  /** Required for the no-violation edition (loadNoViolationConfig). */
  noViolationScope?: { config: NoViolationConfig; domainIds?: string[] };
  disclosurePolicy?: DisclosurePolicy;
  randomBytes?: RandomBytes;
  fonts?: PdfFonts;
  /** The configured verification service (config report.verifyUrl): the QR points a phone there. */
  verifyUrl?: string;
  /** Config report.maskOwnIdNumber (default true). */
  maskOwnIdNumber?: boolean;
  /** The issuer's electronic seal image (config report.sealImage, loadSealImage), stamped on every page. */
  sealImage?: SealImage;
  fontPaths?: { regular: string; bold?: string };
}

export interface IssuedReportResult {
  pdf: Buffer;
  pages: number;
  reportNumber: string;
  model: ReportModel;
  contentHash: string;
}

export class ReportRefusedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReportRefusedError';
  }
}

export async function issueReport(input: IssueReportInput): Promise<IssuedReportResult> {
  const reportNumber = makeReportNumber(input.now, input.randomBytes ?? ((n) => nodeRandomBytes(n)));
  const built = buildReportModel({
    subject: input.subject,
    records: input.records.slice(),
    audience: input.audience,
    edition: input.edition,
    generatedAt: input.now,
    // The disclosure deadline is a civil date in China, not a UTC one.
    today: civilTime(input.now).date,
    reportNumber,
    issuer: input.issuer,
    kioskId: input.kioskId,
    provenance: input.provenance,
    ...(input.noViolationScope && { noViolationScope: input.noViolationScope }),
    ...(input.disclosurePolicy && { disclosurePolicy: input.disclosurePolicy }),
    ...(input.verifyUrl && { verifyUrl: input.verifyUrl }),
    ...(input.maskOwnIdNumber !== undefined && { maskOwnIdNumber: input.maskOwnIdNumber }),
  });
  if (!built.ok) throw new ReportRefusedError(built.error.code, built.error.message);
  const model = built.value;
  const key = ensureReportKey(input.keys, input.keyDir);
  const rendered = await renderReportPdf(model, {
    signer: key.signer,
    ...(input.sealImage && { sealImage: input.sealImage }),
    ...(input.fonts && { fonts: input.fonts }),
    ...(input.fontPaths && { fontPaths: input.fontPaths }),
  });
  recordIssued(input.registryFile, input.keys, {
    reportNumber,
    subjectKeyHash: loadSubjectKeyer(input.keys).reportSubject(input.subject.code),
    issuedAt: input.now.toISOString(),
    pages: rendered.pages,
    edition: input.edition,
    kind: model.kind,
    contentHash: rendered.contentHash,
    keyId: key.keyId,
  });
  return { pdf: rendered.pdf, pages: rendered.pages, reportNumber, model, contentHash: rendered.contentHash };
}
