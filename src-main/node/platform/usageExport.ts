// The city-wide usage table as a file for the plans' reports: CSV (UTF-8 with BOM, so
// Excel reads the Chinese) or XLSX (rows, and a sheet of totals per function), the same
// columns as the fleet view's table. No personal data: kiosks and staff by their numbers.
import ExcelJS from 'exceljs';
import { usageTotals } from '../../common/platform/fleetStatus';
import type { UsageRowView } from '../../common/platform/fleetViews';
import { usageFunctionLabel } from '../../common/platform/usageFunctionLabels';
import { csvLine } from '../../common/staff/csvText';

const HEADERS = ['日期 Day', '一体机 Kiosk', '功能 Function', '功能代码 Code', '工号 Staff', '人次 Count'];

function cells(r: UsageRowView): Array<string | number> {
  return [r.day, r.kioskId, usageFunctionLabel(r.fn, 'zh'), r.fn, r.staffId ?? '', r.count];
}

export function usageCsv(rows: readonly UsageRowView[]): string {
  return `\ufeff${[csvLine(HEADERS), ...rows.map((r) => csvLine(cells(r)))].join('\r\n')}\r\n`;
}

export async function usageXlsx(rows: readonly UsageRowView[], range: { from: string; to: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'credit-kiosk';
  const sheet = wb.addWorksheet('使用人次', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((header, i) => ({ header, width: [12, 18, 18, 16, 12, 10][i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(cells(r));
    // Kiosk and staff numbers as text, so Excel never turns them into numbers.
    row.getCell(2).numFmt = '@';
    row.getCell(5).numFmt = '@';
  }
  sheet.autoFilter = { from: 'A1', to: 'F1' };
  const totals = wb.addWorksheet('按功能合计');
  totals.columns = [{ header: '功能 Function', width: 20 }, { header: '人次 Count', width: 12 }];
  totals.getRow(1).font = { bold: true };
  for (const t of usageTotals(rows, 'fn')) totals.addRow([usageFunctionLabel(t.key, 'zh'), t.count]);
  totals.addRow(['合计 Total', rows.reduce((n, r) => n + r.count, 0)]);
  totals.addRow(['期间 Period', `${range.from} – ${range.to}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
