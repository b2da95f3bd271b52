// 核查单: the printed record of one counter check — item, subject (a person's number
// masked), every hit, the measures or incentives with their legal basis, the decision,
// who checked and from which data. Numbered like a report and sealed with the kiosk's
// report key (QR on every page, seal embedded), so `verify-report` checks a slip as it
// checks a report; signed by hand at the counter and kept with the file.
import type { KeyStore } from '../keys/keyStore';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import type { CheckResultView, DecisionKind } from '../../common/contract/staffViews';
import { isPerson } from '../../common/domain/subject';
import type { ReportBlock, ReportModel } from '../../common/report/reportModel';
import { sealedDocumentHead } from '../../common/report/sealedDocument';
import { makeReportNumber, type RandomBytes } from '../../common/report/reportNumber';
import { REPORT_TEXTS as T, SUBJECT_KIND_LABELS } from '../../common/report/reportTexts';
import type { LegalBasis } from '../../common/staff/catalogue';
import type { PdfFonts } from '../pdf/pdfFonts';
import { reportPaths } from '../report/reportIssuer';
import { ensureReportKey } from '../report/reportKeys';
import { renderReportPdf } from '../report/reportPdf';
import { recordIssued } from '../report/reportRegistry';
import { DECISION_LABELS, HIT_LABELS, VERDICT_LABELS } from './labels';
import { formatDisplayTime } from '../../common/time/displayTime';

export interface SlipInput {
  check: CheckResultView;
  staff: { staffNo: string; name: string };
  kioskId: string;
  /** The issuing body printed on the slip (the kiosk's configured issuer). */
  issuer?: string;
  decision?: { decision: DecisionKind; note?: string; recordedAt: string };
  /** ISO 8601: when the slip is printed; its number is made from it. */
  printedAt: string;
  /** The kiosk's data folder: the slip is sealed with the report signing key kept there. */
  dataDir: string;
  /** The kiosk's KeyStore, which holds the report signing key. */
  keys: KeyStore;
  /** The checked subject's key in the report registry (SubjectKeyer.reportSubject of its full code): the slip is registered like a report. */
  registrySubject: string;
  randomBytes?: RandomBytes;
  fonts?: PdfFonts;
  /** The zone the slip's times are shown in (default China time). */
  timeZone?: string;
}

export interface RenderedSlip {
  pdf: Buffer;
  pages: number;
  /** 核查单编号, in the report number format. */
  slipNumber: string;
  model: ReportModel;
}

const DEFAULT_ISSUER = '信用核查窗口';

export function basisText(basis: readonly LegalBasis[]): string {
  return basis.map((b) => `${b.title}${b.article ? b.article : ''}`).join('；');
}

/** The slip as the document model the report renderer draws and the verifier reads back. */
export function checkSlipModel(input: SlipInput, slipNumber: string): ReportModel {
  const { check } = input;
  const time = (iso: string): string => formatDisplayTime(iso, input.timeZone);
  const person = isPerson(check.subject);
  const p = check.provenance;
  const hits = tableOr(
    '未发现公示期内的失信或守信激励信息。',
    [['类别', 2], ['名称', 4], ['文号', 3], ['决定机关', 3], ['决定日期', 2]],
    check.hits.map((h) => [HIT_LABELS[h.kind], h.record.title, h.record.documentNumber ?? '—', h.record.authority ?? '—', h.record.decisionDate ?? '—']),
  );
  const measures = tableOr(
    '本事项无适用的联合奖惩措施。',
    [['类型', 2], ['措施', 5], ['法律依据', 5], ['实施主体', 3]],
    [
      ...check.measures.map((m) => [`惩戒${m.scope === 'local' ? '（地方）' : m.listNumber ? `（清单第${m.listNumber}项）` : ''}`, `${m.name}：${m.measure}`, basisText(m.legalBasis), m.implementingBody]),
      ...check.incentives.map((i) => ['激励', `${i.name}：${i.measure}`, basisText(i.legalBasis), i.implementingBody]),
    ],
  );
  const decision: ReportBlock = input.decision
    ? {
        kind: 'fields',
        fields: [
          { label: '决定', value: DECISION_LABELS[input.decision.decision] },
          ...(input.decision.note ? [{ label: '说明', value: input.decision.note }] : []),
          { label: '记录时间', value: time(input.decision.recordedAt) },
        ],
      }
    : { kind: 'none', text: '尚未记录处理决定。' };
  const issuer = input.issuer ?? DEFAULT_ISSUER;
  return {
    ...sealedDocumentHead({
      kind: person ? 'natural-person' : 'legal-person',
      edition: 'check-slip',
      title: '信用核查单',
      subtitle: '（联合奖惩信用核查记录）',
      number: slipNumber,
      at: input.printedAt,
      issuer,
      kioskId: input.kioskId,
      provenance: p,
      noun: '本核查单',
    }),
    header: [
      { label: '核查单编号', value: slipNumber },
      { label: '核查事项', value: check.item.name },
      { label: person ? T.personName : T.subjectName, value: check.subject.name },
      { label: person ? T.personCode : T.subjectCode, value: check.subject.code },
      { label: '核查时间', value: time(check.checkedAt) },
      { label: '核查结论', value: VERDICT_LABELS[check.verdict] },
      ...(check.statusTags.length > 0 ? [{ label: T.statusTags, value: check.statusTags.join(' / ') }] : []),
      { label: '措施目录版本', value: check.catalogueVersion },
    ],
    subject: { name: check.subject.name, code: check.subject.code, kindLabel: SUBJECT_KIND_LABELS[check.subject.kind] },
    statusTags: [...check.statusTags],
    notes: { title: '说明', paragraphs: ['本核查单记录窗口办理事项时的信用核查结果，由核查人员签字后随办件归档。', '每页均载有二维码，可扫码或使用报告核验功能核验核查单编号与内容是否一致、是否被篡改。'] },
    summary: null,
    sections: [
      { id: 'hits', number: '一', title: '命中信息', blocks: [hits] },
      { id: 'measures', number: '二', title: '适用于本事项的措施', blocks: [measures] },
      { id: 'decision', number: '三', title: '处理决定', blocks: [decision] },
      {
        id: 'staff',
        number: '四',
        title: '核查人员',
        blocks: [
          {
            kind: 'fields',
            fields: [
              { label: '核查人员', value: `${input.staff.name}（工号 ${input.staff.staffNo}）` },
              { label: T.kioskId, value: input.kioskId },
              { label: '打印时间', value: time(input.printedAt) },
            ],
          },
          { kind: 'paragraphs', paragraphs: ['核查人员签字：______________        日期：______________'] },
        ],
      },
    ],
    noViolation: null,
    staleWarning: p.source === 'cache' && p.stale ? T.staleWarning : null,
    visibleRecords: check.hits.length,
  };
}

/** A table of rows, or the sentence that says there are none. */
function tableOr(none: string, columns: ReadonlyArray<[string, number]>, rows: string[][]): ReportBlock {
  if (rows.length === 0) return { kind: 'none', text: none };
  return { kind: 'table', columns: columns.map(([label, weight]) => ({ label, weight })), rows };
}

export async function renderCheckSlip(input: SlipInput): Promise<RenderedSlip> {
  const slipNumber = makeReportNumber(new Date(input.printedAt), input.randomBytes ?? ((n) => nodeRandomBytes(n)));
  const model = checkSlipModel(input, slipNumber);
  const key = ensureReportKey(input.keys, reportPaths(input.dataDir).keyDir);
  const rendered = await renderReportPdf(model, { signer: key.signer, ...(input.fonts && { fonts: input.fonts }) });
  // Registered like a report, so verify-report finds the slip's number in this kiosk's registry.
  recordIssued(reportPaths(input.dataDir).registryFile, input.keys, {
    reportNumber: slipNumber,
    subjectKeyHash: input.registrySubject,
    issuedAt: model.issuedAt,
    pages: rendered.pages,
    edition: model.edition,
    kind: model.kind,
    contentHash: rendered.contentHash,
    keyId: key.keyId,
  });
  return { pdf: rendered.pdf, pages: rendered.pages, slipNumber, model };
}
