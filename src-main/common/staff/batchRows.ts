// Turning an imported table (CSV or the first XLSX sheet) into batch rows: find the
// code column (and a name column) from the header, keep each row's line number so
// every problem is reported against the row a person can find in their file.
import { validateSubjectCode } from '../codes/subjectCode';

/** Whether a cell reads as a code (valid or mistyped) rather than a header or a name. */
const looksLikeCode = (cell: string): boolean => validateSubjectCode(cell).kind !== 'unknown';

export interface BatchInputRow {
  /** 1-based row number in the file (the header is row 1 when there is one). */
  row: number;
  code: string;
  name: string;
}

export interface BatchTable {
  rows: BatchInputRow[];
  /** Whether the first row was taken as a header. */
  header: boolean;
  codeColumn: number;
  nameColumn: number | null;
}

const CODE_HEADER = /统一社会信用代码|信用代码|身份证|证件号|代码|code|uscc|id.?number/i;
const NAME_HEADER = /名称|姓名|单位|企业|name/i;

export function tableToBatchRows(table: ReadonlyArray<ReadonlyArray<string>>): BatchTable {
  const first = table[0] ?? [];
  const codeHeader = first.findIndex((c) => CODE_HEADER.test(c.trim()) && !looksLikeCode(c));
  const header = codeHeader >= 0;
  const codeColumn = header ? codeHeader : guessCodeColumn(table);
  let nameColumn: number | null = header ? first.findIndex((c, i) => i !== codeColumn && NAME_HEADER.test(c.trim())) : codeColumn === 0 ? 1 : 0;
  if (nameColumn !== null && nameColumn < 0) nameColumn = null;
  const rows: BatchInputRow[] = [];
  table.forEach((cells, index) => {
    if (header && index === 0) return;
    // A wholly empty line is layout, not data; a line with anything in it is a row to report on.
    if (cells.every((c) => c.trim() === '')) return;
    rows.push({ row: index + 1, code: (cells[codeColumn] ?? '').trim(), name: nameColumn === null ? '' : (cells[nameColumn] ?? '').trim() });
  });
  return { rows, header, codeColumn, nameColumn };
}

/** Without a header: the column where most cells read as codes. */
function guessCodeColumn(table: ReadonlyArray<ReadonlyArray<string>>): number {
  const votes: number[] = [];
  for (const cells of table.slice(0, 50)) cells.forEach((c, i) => (votes[i] = (votes[i] ?? 0) + (looksLikeCode(c) ? 1 : 0)));
  let best = 0;
  votes.forEach((v, i) => {
    if (v > (votes[best] ?? 0)) best = i;
  });
  return best;
}
