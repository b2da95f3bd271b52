// What every page carries besides its content: a light watermark under it, drawn as the
// page starts, and the running header and footer, drawn once the page count is known.
import { PDF_COLORS } from './pdfDocument';
import type { PdfDoc } from './pdfText';

/**
 * Repeats text diagonally under the content of every page from now on, in a light solid
 * colour: transparency would make CUPS filters rasterise the whole page.
 */
export function watermarkPages(doc: PdfDoc, text: string): void {
  watermark(doc, text);
  doc.on('pageAdded', () => watermark(doc, text));
}

function watermark(doc: PdfDoc, text: string): void {
  const { width, height } = doc.page;
  const { x, y: savedY } = doc;
  const margins = { ...doc.page.margins };
  // It may run inside a page break in the middle of a table: the caller's font stays.
  const fontState = doc as unknown as { _font: unknown; _fontSize: number };
  const { _font: font, _fontSize: fontSize } = fontState;
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  doc.save();
  doc.font('body').fontSize(22).fillColor(PDF_COLORS.watermark);
  for (let y = 160; y < height - 120; y += 240) {
    doc.rotate(-30, { origin: [width / 2, y] });
    doc.text(text, 0, y, { width, align: 'center', lineBreak: false });
    doc.rotate(30, { origin: [width / 2, y] });
  }
  doc.restore();
  fontState._font = font;
  fontState._fontSize = fontSize;
  doc.page.margins = margins;
  doc.x = x;
  doc.y = savedY;
}

/**
 * Calls draw on every page with its number and the count (needs bufferPages). Writing
 * inside the margins there never starts a new page. Returns the page count.
 */
export function eachPage(doc: PdfDoc, draw: (page: number, pages: number) => void): number {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const saved = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    draw(i + 1, range.count);
    doc.page.margins = saved;
  }
  return range.count;
}
