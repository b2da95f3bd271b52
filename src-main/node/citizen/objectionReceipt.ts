// 异议申请回执: the receipt of one objection — application number (numbered like a
// report), the record disputed, the reason, the masked contact phone, what happens
// next and the answer period. Drawn and sealed by the report's one PDF path (the
// check slip's path: QR on every page, seal embedded), so `verify-report` checks it.
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isPerson, type Subject } from '../../common/domain/subject';
import type { ReportModel } from '../../common/report/reportModel';
import { sealedDocumentHead } from '../../common/report/sealedDocument';
import { CATEGORY_LABELS, REPORT_TEXTS as T, SUBJECT_KIND_LABELS } from '../../common/report/reportTexts';
import { maskIdNumber, maskPhone } from '../../common/rules/masking';
import { formatDisplayTime } from '../../common/time/displayTime';
import type { SealImage } from '../pdf/sealStamp';
import type { KeyStore } from '../keys/keyStore';
import type { PdfFonts } from '../pdf/pdfFonts';
import { reportPaths } from '../report/reportIssuer';
import { ensureReportKey } from '../report/reportKeys';
import { renderReportPdf } from '../report/reportPdf';

export interface ReceiptInput {
  applicationNumber: string;
  subject: Subject;
  applicant: 'subject' | 'legal-representative';
  /** The card holder's name (the legal representative, for an enterprise). */
  applicantName: string;
  record: CreditRecord;
  reasonText: string;
  phone: string;
  answerWorkingDays: number;
  submittedAt: string;
  issuer: string;
  kioskId: string;
  provenance: Provenance;
  verifyUrl?: string;
  timeZone?: string;
}

export function objectionReceiptModel(input: ReceiptInput): ReportModel {
  const person = isPerson(input.subject);
  const code = person ? maskIdNumber(input.subject.code) : input.subject.code;
  const time = formatDisplayTime(input.submittedAt, input.timeZone);
  const r = input.record;
  return {
    ...sealedDocumentHead({
      kind: person ? 'natural-person' : 'legal-person',
      edition: 'objection-receipt',
      title: '信用信息异议申请回执',
      subtitle: '（请妥善保管，凭申请编号查询办理进度）',
      number: input.applicationNumber,
      at: input.submittedAt,
      issuer: input.issuer,
      kioskId: input.kioskId,
      provenance: input.provenance,
      noun: '本回执',
    }),
    header: [
      { label: '申请编号', value: input.applicationNumber },
      { label: '申请时间', value: time },
      { label: person ? T.personName : T.subjectName, value: input.subject.name },
      { label: person ? T.personCode : T.subjectCode, value: code },
      { label: '申请人', value: input.applicant === 'subject' ? `${input.applicantName}（本人）` : `${input.applicantName}（法定代表人）` },
    ],
    subject: { name: input.subject.name, code, kindLabel: SUBJECT_KIND_LABELS[input.subject.kind] },
    statusTags: [],
    notes: {
      title: '说明',
      paragraphs: [
        '本回执证明您已在本终端提交信用信息异议申请，申请已转交公共信用信息平台处理。',
        '每页均载有二维码，可在本终端“报告核验”或窗口扫码核验本回执的编号与内容。',
      ],
    },
    summary: null,
    sections: [
      {
        id: 'record',
        number: '一',
        title: '异议信息',
        blocks: [
          {
            kind: 'fields',
            fields: [
              { label: '信息类别', value: CATEGORY_LABELS[r.category] },
              { label: '信息名称', value: r.title },
              { label: '文书号', value: r.documentNumber ?? '—' },
              { label: '决定机关', value: r.authority ?? '—' },
              { label: '决定日期', value: r.decisionDate ?? '—' },
            ],
          },
        ],
      },
      { id: 'reason', number: '二', title: '异议理由及联系方式', blocks: [{ kind: 'fields', fields: [{ label: '异议理由', value: input.reasonText }, { label: '联系电话', value: maskPhone(input.phone) }] }] },
      {
        id: 'next',
        number: '三',
        title: '后续办理',
        blocks: [
          {
            kind: 'paragraphs',
            paragraphs: [
              `公共信用信息平台将在 ${input.answerWorkingDays} 个工作日内核查并答复，结果通过您留下的联系电话告知。`,
              '平台受理后，该条信息在信用报告和查询结果中标注“异议处理中”；经核实有误的信息将予以更正或删除，并在各处同步更新。',
              '您可再次在本终端放置身份证，查看本申请的办理状态。',
            ],
          },
        ],
      },
      { id: 'kiosk', number: '四', title: '受理终端', blocks: [{ kind: 'fields', fields: [{ label: T.kioskId, value: input.kioskId }, { label: '出具机构', value: input.issuer }] }] },
    ],
    noViolation: null,
    staleWarning: null,
    visibleRecords: 1,
    ...(input.verifyUrl && { verifyUrl: input.verifyUrl }),
  };
}

export async function renderObjectionReceipt(input: ReceiptInput, sealing: { dataDir: string; keys: KeyStore; fonts?: PdfFonts; sealImage?: SealImage | null }): Promise<{ pdf: Buffer; pages: number; model: ReportModel }> {
  const model = objectionReceiptModel(input);
  const key = ensureReportKey(sealing.keys, reportPaths(sealing.dataDir).keyDir);
  const rendered = await renderReportPdf(model, { signer: key.signer, ...(sealing.fonts && { fonts: sealing.fonts }), ...(sealing.sealImage && { sealImage: sealing.sealImage }) });
  return { pdf: rendered.pdf, pages: rendered.pages, model };
}
