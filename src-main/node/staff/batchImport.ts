// Reading an imported list into a table of strings: CSV (UTF-8, or GB18030 as Excel
// in China saves it) or the first sheet of an XLSX workbook (exceljs).
import ExcelJS from 'exceljs';
import { parseCsv } from '../../common/staff/csvText';
import { checkXlsxExpansion, XLSX_LIMITS, type XlsxLimits } from './xlsxLimits';

export class BatchFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchFileError';
  }
}

export async function readBatchTable(bytes: Buffer, format: 'csv' | 'xlsx', limits: XlsxLimits = XLSX_LIMITS): Promise<string[][]> {
  return format === 'csv' ? parseCsv(decodeText(bytes)) : readXlsx(bytes, limits);
}

/** UTF-8 when it decodes cleanly, else GB18030 (Excel's "CSV" on a Chinese Windows). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function readXlsx(bytes: Buffer, limits: XlsxLimits): Promise<string[][]> {
  try {
    checkXlsxExpansion(bytes, limits);
  } catch (err) {
    throw new BatchFileError((err as Error).message);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new BatchFileError(`无法读取 XLSX 文件 / not a readable XLSX file: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BatchFileError('XLSX 文件没有工作表 / the workbook has no sheet');
  if (sheet.rowCount > limits.maxRows) throw new BatchFileError(`工作表超过 ${limits.maxRows} 行，已拒绝 / the sheet has more than ${limits.maxRows} rows: refused`);
  const table: string[][] = [];
  let cellCount = 0;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cellCount += 1;
      if (cellCount > limits.maxCells) throw new BatchFileError(`工作表超过 ${limits.maxCells} 个单元格，已拒绝 / the sheet has more than ${limits.maxCells} cells: refused`);
      cells[col - 1] = cellText(cell.value);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  // eachRow skips rows past the last used one; fill holes so row numbers stay true.
  return Array.from(table, (r) => r ?? []);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // An 18-digit number has already lost digits in Excel; the check digit will say so.
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : value.toPrecision(18).replace(/\.?0+$/, '');
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value);
}
