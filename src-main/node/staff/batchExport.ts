// A finished batch as a file: XLSX (hit rows highlighted, a sheet of facts about the
// run), PDF (landscape table) or CSV. Codes of persons are masked as on screen;
// measures and incentives by their names, times as the hall reads them.
import ExcelJS from 'exceljs';
import type { BatchRowView } from '../../common/contract/staffViews';
import type { Catalogue } from '../../common/staff/catalogue';
import { formatDisplayTime } from '../../common/time/displayTime';
import { csvLine } from '../../common/staff/csvText';
import { HIT_KINDS, type HitKind } from '../../common/staff/hits';
import type { Batch } from './batchRunner';
import { HIT_LABELS, ROW_STATUS_LABELS, VERDICT_LABELS } from './labels';
import { openPdf, PDF_COLORS } from '../pdf/pdfDocument';
import { eachPage } from '../pdf/pageFurniture';
import { drawTable } from '../pdf/pdfTable';

const HEADERS = ['行号', '代码', '导入名称', '登记名称', '核查状态', '核查结论', '命中信息', '适用惩戒措施', '适用激励措施', '说明'];

/** How an export shows what the rows only hold as ids and ISO times. */
export interface ExportShown {
  /** The moment of the export, already as shown. */
  at: string;
  timeZone: string;
  /** Measure and incentive names by id (the catalogue's). */
  names: ReadonlyMap<string, string>;
}

/** Measure and incentive names by id, for an export's columns. */
export function catalogueNames(catalogue: Pick<Catalogue, 'measures' | 'incentives'>): Map<string, string> {
  return new Map([...catalogue.measures, ...catalogue.incentives].map((m) => [m.id, m.name]));
}

function cells(r: BatchRowView, names: ExportShown['names']): string[] {
  return [
    String(r.row),
    r.code,
    r.inputName,
    r.subjectName ?? '',
    ROW_STATUS_LABELS[r.status],
    r.verdict ? VERDICT_LABELS[r.verdict] : '',
    r.hitKinds.map((k: HitKind) => HIT_LABELS[k] ?? k).join('、'),
    r.measureIds.map((id) => names.get(id) ?? id).join('、'),
    r.incentiveIds.map((id) => names.get(id) ?? id).join('、'),
    r.reason ?? '',
  ];
}

function facts(batch: Batch, shown: ExportShown): Array<[string, string]> {
  const s = batch.summary;
  const time = (iso: string | undefined): string => (iso === undefined ? '' : formatDisplayTime(iso, shown.timeZone));
  return [
    ['核查事项', `${batch.item.name}（${batch.item.id}）`],
    ['导入文件', s.fileName],
    ['批次编号', s.batchId],
    ['核查人员工号', batch.staffNo],
    ['开始时间', time(s.startedAt)],
    ['完成时间', time(s.finishedAt)],
    ['数据截止', time(batch.dataAsOf)],
    ['措施目录版本', batch.catalogueVersion],
    ['总行数', String(s.total)],
    ...Object.entries(s.counts).map(([k, n]): [string, string] => [ROW_STATUS_LABELS[k as keyof typeof ROW_STATUS_LABELS], String(n)]),
    ['导出时间', shown.at],
  ];
}

export async function batchXlsx(batch: Batch, shown: ExportShown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'credit-kiosk';
  const sheet = wb.addWorksheet('核查结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: [8, 22, 28, 28, 14, 26, 30, 36, 30, 40][i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of batch.rows) {
    const row = sheet.addRow(cells(r, shown.names));
    // Codes as text, so Excel never turns them into numbers (and loses digits).
    row.getCell(2).numFmt = '@';
    const fill = r.status === 'hit' ? 'FFFDE8E6' : r.status === 'incentive' ? 'FFE6F4EC' : r.status === 'clear' ? undefined : 'FFFFF4D6';
    if (fill) row.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } }));
  }
  sheet.autoFilter = { from: 'A1', to: 'J1' };
  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 16 }, { width: 60 }];
  for (const [k, v] of facts(batch, shown)) about.addRow([k, v]);
  about.addRow(['命中类别', HIT_KINDS.map((k) => HIT_LABELS[k]).join('、')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function batchPdf(batch: Batch, shown: ExportShown): Promise<{ pdf: Buffer; pages: number }> {
  const margin = 32;
  const { doc, text, width, done } = openPdf({ layout: 'landscape', margins: { top: margin, bottom: margin + 14, left: margin, right: margin }, info: { Title: `批量信用核查结果 ${batch.summary.batchId}` } });
  doc.y = text.draw('批量信用核查结果', { font: 'bold', size: 16, color: PDF_COLORS.brand }, margin, doc.y, width, 'center') + 6;
  const f = facts(batch, shown);
  doc.y = text.draw(f.map(([k, v]) => `${k}：${v}`).join('    '), { font: 'body', size: 9, color: PDF_COLORS.text }, margin, doc.y, width) + 8;
  drawTable(
    text,
    HEADERS.map((label, i) => ({ label, weight: [3, 8, 9, 9, 5, 8, 9, 10, 8, 10][i] ?? 5 })),
    batch.rows.map((r) => ({
      cells: cells(r, shown.names),
      ...(r.status === 'hit' ? { fill: PDF_COLORS.hitFill } : r.status === 'incentive' ? { fill: PDF_COLORS.okFill } : r.status === 'clear' ? {} : { fill: PDF_COLORS.attentionFill }),
    })),
    { x: margin, width, fontSize: 7, grid: 'rows', pad: 3 },
  );
  const footer = `批次 ${batch.summary.batchId}  导出时间 ${shown.at}`;
  const pages = eachPage(doc, (page, count) => text.drawLines([`${footer}    第 ${page} 页 共 ${count} 页`], { font: 'body', size: 8, color: PDF_COLORS.muted }, margin, doc.page.height - margin - 2, width));
  doc.end();
  return { pdf: await done, pages };
}

export function batchCsv(batch: Batch, shown: ExportShown): string {
  const lines = [csvLine(HEADERS), ...batch.rows.map((r) => csvLine(cells(r, shown.names)))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
