// Opening a document: A4 with the CJK fonts registered as 'body' and 'bold', pages kept
// in memory so the furniture (page x of y) can be drawn once the count is known, and
// the bytes collected.
import PDFDocument from 'pdfkit';
import { loadPdfFonts, parsedFont, type PdfFonts } from './pdfFonts';
import { PdfText, type PdfDoc } from './pdfText';

export const PDF_COLORS = {
  text: '#1a2230',
  muted: '#4a5568',
  brand: '#1d4f91',
  rule: '#b8c2d0',
  headerFill: '#e8eef7',
  warn: '#a35c00',
  watermark: '#eef1f6',
  hitFill: '#fde8e6',
  okFill: '#e6f4ec',
  attentionFill: '#fff4d6',
  bad: '#b42318',
} as const;

export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface OpenPdfOptions {
  fonts?: PdfFonts;
  layout?: 'portrait' | 'landscape';
  margins: Margins;
  info: PDFKit.DocumentInfo;
  lang?: string;
}

export interface OpenPdf {
  doc: PdfDoc;
  text: PdfText;
  /** The usable width between the side margins. */
  width: number;
  /** Resolves with the whole file once doc.end() has been called. */
  done: Promise<Buffer>;
}

export function openPdf(options: OpenPdfOptions): OpenPdf {
  const fonts = options.fonts ?? loadPdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margins: options.margins,
    bufferPages: true,
    compress: true,
    lang: options.lang ?? 'zh-CN',
    info: { Creator: 'credit-kiosk', Producer: 'credit-kiosk', ...options.info },
  });
  // pdfkit takes a parsed font in place of bytes (its types know only the bytes).
  doc.registerFont('body', parsedFont(fonts.regular) as unknown as Buffer);
  doc.registerFont('bold', parsedFont(fonts.bold) as unknown as Buffer);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, text: new PdfText(doc, fonts), width: doc.page.width - options.margins.left - options.margins.right, done };
}

/** The lowest y content may reach on the current page. */
export function bottomOf(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page when height does not fit below doc.y. */
export function ensureSpace(doc: PdfDoc, height: number): void {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}
