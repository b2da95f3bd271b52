// 核查单: the printed record of one counter check — item, subject (a person's number
// masked), every hit, the measures or incentives with their legal basis, the decision,
// who checked and from which data. Signed by hand at the counter, kept with the file.
import type { CheckResultView, DecisionKind } from '../../common/contract/staffViews';
import type { LegalBasis } from '../../common/staff/catalogue';
import { formatDisplayTime } from '../../common/time/displayTime';
import { drawTable, newPdf, numberPages, PDF_COLORS } from './pdfKit';
import { HIT_LABELS, VERDICT_LABELS, DECISION_LABELS } from './labels';

export interface SlipInput {
  check: CheckResultView;
  staff: { staffNo: string; name: string };
  kioskId: string;
  decision?: { decision: DecisionKind; note?: string; recordedAt: string };
  printedAt: string;
  /** The zone the slip's times are shown in (default China time). */
  timeZone?: string;
}

export function basisText(basis: readonly LegalBasis[]): string {
  return basis.map((b) => `${b.title}${b.article ? b.article : ''}`).join('；');
}

export async function renderCheckSlip(input: SlipInput): Promise<{ pdf: Buffer; pages: number }> {
  const { check } = input;
  const { doc, done } = newPdf({ title: `信用核查单 ${check.checkId}` });
  doc.font('bold').fontSize(18).fillColor(PDF_COLORS.brand).text('信用核查单', { align: 'center' });
  doc.moveDown(0.5);
  doc.font('regular').fontSize(10).fillColor(PDF_COLORS.text);
  const line = (label: string, value: string): void => {
    doc.font('bold').text(`${label}：`, { continued: true }).font('regular').text(value);
  };
  line('核查编号', check.checkId);
  line('核查事项', `${check.item.name}（${check.item.id}）`);
  line('核查对象', `${check.subject.name}    ${check.subject.code}`);
  const time = (iso: string): string => formatDisplayTime(iso, input.timeZone);
  line('核查时间', time(check.checkedAt));
  const p = check.provenance;
  line('数据来源', p.source === 'cache' ? `本地信用库 版本 ${p.dataVersion}，数据截止 ${time(p.dataAsOf)}${p.stale ? '（数据可能不是最新）' : ''}` : `市公共信用信息平台，查询时间 ${time(p.askedAt)}`);
  line('核查结论', VERDICT_LABELS[check.verdict]);
  doc.moveDown(0.6);

  doc.font('bold').fontSize(12).fillColor(PDF_COLORS.brand).text('一、命中信息');
  doc.moveDown(0.3);
  if (check.hits.length === 0) doc.font('regular').fontSize(10).fillColor(PDF_COLORS.text).text('未发现公示期内的失信或守信激励信息。');
  else
    drawTable(
      doc,
      [
        { header: '类别', width: 2 },
        { header: '名称', width: 4 },
        { header: '文号', width: 3 },
        { header: '决定机关', width: 3 },
        { header: '决定日期', width: 2 },
      ],
      check.hits.map((h) => ({
        cells: [HIT_LABELS[h.kind], h.record.title, h.record.documentNumber ?? '—', h.record.authority ?? '—', h.record.decisionDate ?? '—'],
        ...(h.kind !== 'red-list' && { fill: PDF_COLORS.hitFill }),
      })),
      9,
    );
  doc.moveDown(0.6);
  doc.font('bold').fontSize(12).fillColor(PDF_COLORS.brand).text('二、适用于本事项的措施');
  doc.moveDown(0.3);
  const measures = [
    ...check.measures.map((m) => ({ cells: [`惩戒${m.scope === 'local' ? '（地方）' : m.listNumber ? `（清单第${m.listNumber}项）` : ''}`, `${m.name}：${m.measure}`, basisText(m.legalBasis), m.implementingBody] })),
    ...check.incentives.map((i) => ({ cells: ['激励', `${i.name}：${i.measure}`, basisText(i.legalBasis), i.implementingBody] })),
  ];
  if (measures.length === 0) doc.font('regular').fontSize(10).fillColor(PDF_COLORS.text).text('本事项无适用的联合奖惩措施。');
  else
    drawTable(
      doc,
      [
        { header: '类型', width: 2 },
        { header: '措施', width: 5 },
        { header: '法律依据', width: 5 },
        { header: '实施主体', width: 3 },
      ],
      measures,
      9,
    );
  doc.moveDown(0.6);
  doc.font('bold').fontSize(12).fillColor(PDF_COLORS.brand).text('三、处理决定');
  doc.moveDown(0.3);
  doc.font('regular').fontSize(10).fillColor(PDF_COLORS.text);
  if (input.decision) {
    line('决定', DECISION_LABELS[input.decision.decision]);
    if (input.decision.note) line('说明', input.decision.note);
    line('记录时间', time(input.decision.recordedAt));
  } else doc.text('尚未记录处理决定。');
  doc.moveDown(1);
  line('核查人员', `${input.staff.name}（工号 ${input.staff.staffNo}）`);
  line('终端', input.kioskId);
  doc.moveDown(1.5);
  doc.text('核查人员签字：______________        日期：______________');
  const pages = numberPages(doc, `核查编号 ${check.checkId}  打印时间 ${time(input.printedAt)}`);
  doc.end();
  return { pdf: await done, pages };
}
