// A signed credit commitment (信用承诺书) as the document model the one PDF toolkit draws
// and seals like a report: the letter's filled items, who commits and who signed, and the
// signature itself — so the seal's content hash covers the strokes and the layout digest
// covers them as drawn.
import type { Provenance } from '../contract/views';
import type { Subject } from '../domain/subject';
import { isPerson } from '../domain/subject';
import { REPORT_FORMAT, type ReportModel } from '../report/reportModel';
import { civilTime } from '../report/reportNumber';
import { SUBJECT_KIND_LABELS } from '../report/reportTexts';
import { maskIdNumber } from '../rules/masking';
import { addMonths } from '../time/isoDate';
import type { SignatureStrokes } from '../signature/signatureStrokes';
import { fillItem, type ChosenFields, type CommitmentCatalogue, type CommitmentKind } from './commitmentCatalogue';

/** How the letter was signed: on the screen, or confirmed by staff for a person who cannot sign. */
export type CommitmentSignature = { kind: 'drawn'; strokes: SignatureStrokes } | { kind: 'staff-confirmed'; staff: { staffNo: string; name: string } };

export interface CommitmentLetterInput {
  catalogue: Pick<CommitmentCatalogue, 'version' | 'acceptingUnit'>;
  kind: CommitmentKind;
  fields: ChosenFields;
  /** Who commits: the card holder, or the enterprise they are the legal representative of. */
  subject: Pick<Subject, 'kind' | 'name' | 'code'>;
  /** Who signs: the holder (for an enterprise, its legal representative). */
  signerName: string;
  signature: CommitmentSignature;
  commitmentNumber: string;
  signedAt: Date;
  /** Where: the kiosk or counter, and the issuer printed on it. */
  issuer: string;
  kioskId: string;
  channel: 'kiosk' | 'counter';
  provenance: Provenance;
  verifyUrl?: string;
  /** What the letter is for, printed as its own section (e.g. the penalty a 信用修复承诺书 is signed for). */
  about?: { title: string; fields: { label: string; value: string }[] };
}

export function commitmentValidUntil(kind: Pick<CommitmentKind, 'validMonths'>, signedAt: Date): string {
  return addMonths(civilTime(signedAt).date, kind.validMonths);
}

export function commitmentLetterModel(input: CommitmentLetterInput): ReportModel {
  const person = isPerson(input.subject);
  const signed = civilTime(input.signedAt);
  // A person's number is masked on their own copy, as on their report.
  const code = person ? maskIdNumber(input.subject.code) : input.subject.code;
  const values: Record<string, string> = { ...input.fields, subjectName: input.subject.name, subjectCode: code, signerName: input.signerName, date: signed.date };
  const validUntil = commitmentValidUntil(input.kind, input.signedAt);
  const signer = person ? '承诺人' : '法定代表人';
  const note =
    input.signature.kind === 'drawn'
      ? `${signer}${input.signerName}于${signed.display}在${input.channel === 'kiosk' ? '自助终端' : '服务窗口'}（${input.kioskId}）当面签署。`
      : `${signer}${input.signerName}无法亲笔签名，经窗口工作人员${input.signature.staff.name}（工号 ${input.signature.staff.staffNo}）当面核实身份并宣读承诺内容后确认，于${signed.display}记录在案。`;
  return {
    format: REPORT_FORMAT,
    kind: person ? 'natural-person' : 'legal-person',
    edition: 'commitment',
    title: input.kind.title,
    subtitle: `（${input.kind.type}信用承诺 · 承诺书目录 ${input.catalogue.version}）`,
    reportNumber: input.commitmentNumber,
    generatedAt: signed.display,
    issuedAt: input.signedAt.toISOString(),
    issuer: input.issuer,
    kioskId: input.kioskId,
    header: [
      { label: '承诺书编号', value: input.commitmentNumber },
      { label: '承诺类型', value: input.kind.type },
      { label: '承诺主体', value: input.subject.name },
      { label: person ? '身份号码' : '统一社会信用代码', value: code },
      { label: signer, value: input.signerName },
      { label: '受理单位', value: input.catalogue.acceptingUnit },
      { label: '签署时间', value: signed.display },
      { label: '有效期至', value: validUntil },
    ],
    subject: { name: input.subject.name, code, kindLabel: SUBJECT_KIND_LABELS[input.subject.kind] },
    statusTags: [],
    notes: {
      title: '说明',
      paragraphs: ['本承诺书由承诺人当面签署，报送市公共信用信息平台，履约情况记入信用记录；页脚二维码可核验编号、内容与签名是否被篡改。'],
    },
    summary: null,
    sections: [
      { id: 'items', number: '一', title: '承诺事项', blocks: [{ kind: 'paragraphs', paragraphs: input.kind.items.map((item, i) => `${i + 1}. ${fillItem(item['zh-CN'], values)}`) }] },
      ...(input.about ? [{ id: 'about', number: '二', title: input.about.title, blocks: [{ kind: 'fields' as const, fields: input.about.fields }] }] : []),
      { id: 'signature', number: input.about ? '三' : '二', title: '承诺人签名', blocks: [{ kind: 'signature', label: `${signer}签名`, strokes: input.signature.kind === 'drawn' ? input.signature.strokes : null, note }] },
    ],
    noViolation: null,
    dataCutoff: input.provenance.source === 'cache' ? input.provenance.dataAsOf : input.provenance.askedAt,
    provenance: input.provenance,
    provenanceText: `承诺主体信息核对自本机信用数据（${input.provenance.source === 'cache' ? `数据截至 ${input.provenance.dataAsOf}` : `在线查询于 ${input.provenance.askedAt}`}）。`,
    staleWarning: null,
    visibleRecords: 0,
    ...(input.verifyUrl && { verifyUrl: input.verifyUrl }),
  };
}
