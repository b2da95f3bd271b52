// CSV in and out (RFC 4180: quotes, doubled quotes, CRLF or LF, a leading BOM), pure
// so the same rules serve the batch import, the exports and the tests.

/** Rows of fields. A quoted field may span lines; an unterminated quote runs to the end. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One CSV line; fields that could be read as formulas by a spreadsheet are defused. */
export function csvLine(fields: ReadonlyArray<string | number>): string {
  return fields
    .map((f) => {
      let s = String(f);
      // CSV injection: a cell starting with = + - @ runs as a formula in Excel.
      if (/^[=+\-@]/.test(s) && typeof f === 'string') s = `'${s}`;
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}
