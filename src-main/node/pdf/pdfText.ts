// Text set by hand for speed: lines are broken here, from advance widths cached per font
// for the life of the process, and each line is drawn once with pdfkit's no-wrap path.
// pdfkit's own wrapper shapes every character again for each measure and each drawing,
// which made a 12-page report cost 28 plain documents.
import type { PdfFonts } from './pdfFonts';

export type PdfDoc = PDFKit.PDFDocument;
export type FontName = 'body' | 'bold';

export interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

/** Advance widths at 1 pt, per font file and character: shared by every document. */
const widthCache = new WeakMap<Buffer, Map<string, number>>();

// A line never starts with closing punctuation nor ends with opening punctuation.
const NO_START = new Set([...'，。、；：？！）》」』】〕”’%,.;:?!)]}']);
const NO_END = new Set([...'（《「『【〔“‘([{']);

function isBreakable(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  // CJK, full-width forms and CJK punctuation break between any two characters.
  return cp >= 0x2e80;
}

export class PdfText {
  private readonly lineHeights = new Map<string, number>();

  constructor(
    readonly doc: PdfDoc,
    private readonly fonts: PdfFonts,
  ) {}

  /** The distance between two baselines, as pdfkit advances a line. */
  lineHeight(style: Pick<TextStyle, 'font' | 'size'>): number {
    const key = `${style.font}/${style.size}`;
    let h = this.lineHeights.get(key);
    if (h === undefined) {
      h = this.doc.font(style.font).fontSize(style.size).currentLineHeight(true);
      this.lineHeights.set(key, h);
    }
    return h;
  }

  width(text: string, style: Pick<TextStyle, 'font' | 'size'>): number {
    const widths = this.widths(style.font);
    let w = 0;
    for (const ch of text) w += this.charWidth(widths, ch, style.font);
    return w * style.size;
  }

  /** The lines text takes in width: explicit newlines kept, CJK broken anywhere, other words whole. */
  wrap(text: string, style: Pick<TextStyle, 'font' | 'size'>, width: number): string[] {
    const widths = this.widths(style.font);
    const max = width / style.size;
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const token of tokens(paragraph)) {
        const w = this.tokenWidth(widths, token, style.font);
        if (lineWidth + w <= max) {
          line += token;
          lineWidth += w;
          continue;
        }
        let rest = token;
        if (line !== '') {
          lines.push(line.trimEnd());
          rest = token.trimStart();
        }
        line = '';
        lineWidth = 0;
        // A word wider than the column is broken where it must be.
        for (const ch of rest) {
          const cw = this.charWidth(widths, ch, style.font);
          if (lineWidth + cw > max && line !== '') {
            lines.push(line);
            line = '';
            lineWidth = 0;
          }
          line += ch;
          lineWidth += cw;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  height(text: string, style: Pick<TextStyle, 'font' | 'size'>, width: number): number {
    return this.wrap(text, style, width).length * this.lineHeight(style);
  }

  /** Draws the lines from y (top of the first line); returns the y below the last. */
  drawLines(lines: readonly string[], style: TextStyle, x: number, y: number, width: number, align: 'left' | 'center' | 'right' = 'left'): number {
    const doc = this.doc;
    const lh = this.lineHeight(style);
    doc.font(style.font).fontSize(style.size).fillColor(style.color);
    for (const line of lines) {
      if (line !== '') {
        const dx = align === 'left' ? 0 : align === 'center' ? (width - this.width(line, style)) / 2 : width - this.width(line, style);
        doc.text(line, x + dx, y, { lineBreak: false });
      }
      y += lh;
    }
    return y;
  }

  draw(text: string, style: TextStyle, x: number, y: number, width: number, align: 'left' | 'center' | 'right' = 'left'): number {
    return this.drawLines(this.wrap(text, style, width), style, x, y, width, align);
  }

  private widths(font: FontName): Map<string, number> {
    const bytes = font === 'bold' ? this.fonts.bold : this.fonts.regular;
    let map = widthCache.get(bytes);
    if (!map) {
      map = new Map();
      widthCache.set(bytes, map);
    }
    return map;
  }

  private charWidth(widths: Map<string, number>, ch: string, font: FontName): number {
    let w = widths.get(ch);
    if (w === undefined) {
      w = this.doc.font(font).fontSize(1000).widthOfString(ch) / 1000;
      widths.set(ch, w);
    }
    return w;
  }

  private tokenWidth(widths: Map<string, number>, token: string, font: FontName): number {
    let w = 0;
    for (const ch of token) w += this.charWidth(widths, ch, font);
    return w;
  }
}

/** Break units: one CJK character (with the punctuation bound to it), a word, or a space. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let pendingOpen = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    if (NO_START.has(ch) && (word !== '' || out.length > 0)) {
      if (word) word += ch;
      else out[out.length - 1] += ch;
      continue;
    }
    if (NO_END.has(ch)) {
      flush();
      pendingOpen += ch;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      flush();
      out.push(pendingOpen + ch);
      pendingOpen = '';
      continue;
    }
    if (isBreakable(ch)) {
      flush();
      out.push(pendingOpen + ch);
      pendingOpen = '';
      continue;
    }
    word = pendingOpen + word + ch;
    pendingOpen = '';
  }
  flush();
  if (pendingOpen) out.push(pendingOpen);
  return out;
}
