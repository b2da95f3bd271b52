// Small pdfkit helpers for the counter's documents (核查单, batch results): a document
// with the report engineer's Noto Sans SC fonts, and a table that breaks across pages
// with its header row repeated.
import PDFDocument from 'pdfkit';
import { loadPdfFonts } from '../pdf/pdfFonts';

export const PDF_COLORS = { text: '#1a2230', muted: '#4a5568', brand: '#1d4f91', rule: '#b8c2d0', headerFill: '#e8eef7', hitFill: '#fde8e6', okFill: '#e6f4ec', bad: '#b42318' };

export interface PdfDoc {
  doc: PDFKit.PDFDocument;
  /** Resolves with the whole file once doc.end() has been called. */
  done: Promise<Buffer>;
}

export function newPdf(options: { layout?: 'portrait' | 'landscape'; title: string; margin?: number }): PdfDoc {
  const fonts = loadPdfFonts();
  const doc = new PDFDocument({ size: 'A4', layout: options.layout ?? 'portrait', margin: options.margin ?? 40, bufferPages: true, info: { Title: options.title, Creator: 'credit-kiosk' } });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export interface Column {
  header: string;
  /** Share of the usable width. */
  width: number;
}

/** Draws rows under a header, starting a page (and repeating the header) when full. */
export function drawTable(doc: PDFKit.PDFDocument, columns: Column[], rows: ReadonlyArray<{ cells: string[]; fill?: string }>, fontSize = 8): void {
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * usable);
  const pad = 3;
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const heightOf = (cells: string[], font: string): number => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 20) - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: string[], font: string, fill?: string): void => {
    const h = heightOf(cells, font);
    let y = doc.y;
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      if (font !== 'bold') {
        doc.y = y;
        drawRow(columns.map((c) => c.header), 'bold', PDF_COLORS.headerFill);
        y = doc.y;
      }
    }
    let x = left;
    if (fill) doc.rect(left, y, usable, h).fill(fill);
    doc.fillColor(PDF_COLORS.text).font(font).fontSize(fontSize);
    cells.forEach((text, i) => {
      const w = widths[i] ?? 20;
      doc.text(text, x + pad, y + pad, { width: w - 2 * pad, lineBreak: true });
      x += w;
    });
    doc.moveTo(left, y + h).lineTo(left + usable, y + h).lineWidth(0.4).strokeColor(PDF_COLORS.rule).stroke();
    doc.x = left;
    doc.y = y + h;
  };
  drawRow(columns.map((c) => c.header), 'bold', PDF_COLORS.headerFill);
  for (const row of rows) drawRow(row.cells, 'regular', row.fill);
}

/** 第 x 页 共 y 页 on every page (needs bufferPages). */
export function numberPages(doc: PDFKit.PDFDocument, footer: string): number {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - doc.page.margins.bottom + 12;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the margin must not start a new page
    doc.font('regular').fontSize(8).fillColor(PDF_COLORS.muted).text(`${footer}    第 ${i + 1} 页 共 ${range.count} 页`, doc.page.margins.left, y, { lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
  return range.count;
}
