// A table that breaks across pages: a row never splits, the header row repeats at the
// top of every page it continues on, and the header never sits alone at a page's foot.
import { bottomOf, PDF_COLORS } from './pdfDocument';
import type { PdfText, TextStyle } from './pdfText';

export interface TableColumn {
  label: string;
  /** Share of the table's width. */
  weight: number;
}

export interface TableRow {
  cells: readonly string[];
  fill?: string;
}

export interface TableOptions {
  x: number;
  width: number;
  fontSize: number;
  /** 'cells' draws every cell's box; 'rows' a rule under each row. */
  grid?: 'cells' | 'rows';
  pad?: number;
}

export function drawTable(text: PdfText, columns: readonly TableColumn[], rows: readonly TableRow[], options: TableOptions): void {
  const doc = text.doc;
  const total = columns.reduce((s, c) => s + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * options.width);
  const pad = options.pad ?? 2.5;
  const grid = options.grid ?? 'cells';
  const body: TextStyle = { font: 'body', size: options.fontSize, color: PDF_COLORS.text };
  const bold: TextStyle = { ...body, font: 'bold' };
  const layout = (cells: readonly string[], style: TextStyle) => {
    const lines = cells.map((cell, i) => text.wrap(cell, style, widths[i]! - 2 * pad));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * text.lineHeight(style) + 2 * pad };
  };
  const draw = (row: ReturnType<typeof layout>, style: TextStyle, fill?: string) => {
    const y = doc.y;
    const h = row.height;
    if (fill) doc.rect(options.x, y, options.width, h).fill(fill);
    let x = options.x;
    row.lines.forEach((lines, i) => {
      const w = widths[i]!;
      if (grid === 'cells') doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(PDF_COLORS.rule).stroke();
      text.drawLines(lines, style, x + pad, y + pad, w - 2 * pad);
      x += w;
    });
    if (grid === 'rows') doc.moveTo(options.x, y + h).lineTo(options.x + options.width, y + h).lineWidth(0.4).strokeColor(PDF_COLORS.rule).stroke();
    doc.y = y + h;
  };
  const header = layout(
    columns.map((c) => c.label),
    bold,
  );
  const laid = rows.map((r) => layout(r.cells, body));
  if (doc.y + header.height + (laid[0]?.height ?? 0) > bottomOf(doc)) doc.addPage();
  draw(header, bold, PDF_COLORS.headerFill);
  rows.forEach((row, i) => {
    const l = laid[i]!;
    if (doc.y + l.height > bottomOf(doc)) {
      doc.addPage();
      draw(header, bold, PDF_COLORS.headerFill);
    }
    draw(l, body, row.fill);
  });
  doc.x = options.x;
}
