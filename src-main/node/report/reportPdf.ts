// Lays a ReportModel out as an A4 PDF with pdfkit: title and header, 报告说明, the
// summary, numbered sections with tables that break across pages (header row repeated),
// data cut-off and provenance; on every page a running header, 第 x 页 共 y 页, the
// report number, a light watermark and the verification QR.
//
// Signed reports are drawn twice: the first drawing fixes the page content, whose
// digest is signed; the second carries the QR with that signature. The QR is an image
// XObject, so the page content streams of both drawings are byte-identical.
import PDFDocument from 'pdfkit';
import type { ReportBlock, ReportField, ReportModel } from '../../common/report/reportModel';
import { REPORT_TEXTS as T } from '../../common/report/reportTexts';
import { formatDisplayTime } from '../../common/time/displayTime';
import { readLayout } from './layoutDigest';
import { PdfReader } from './pdfReader';
import { qrPng } from './qrImage';
import { loadReportFonts, type ReportFonts } from './reportFonts';
import { contentHashOf, encodeQrPayload, ENVELOPE_FILE_NAME, sealMessage, type ReportSigner, type SealEnvelope } from './reportSeal';

export interface RenderOptions {
  /** Font bytes; default the Noto Sans SC package, or the files named by fontPaths. */
  fonts?: ReportFonts;
  fontPaths?: { regular: string; bold?: string };
  /** Seals the report (QR on every page, verification data embedded). Without it: an unsigned draft. */
  signer?: ReportSigner;
}

export interface RenderedReport {
  pdf: Buffer;
  pages: number;
  contentHash: string;
  /** Set when signed. */
  layoutDigest?: string;
  qrPayload?: string;
}

const MARGIN = 48;
const TOP = 64;
const BOTTOM = 96;
const QR_SIZE = 64;
const COLORS = { text: '#1a2230', muted: '#4a5568', brand: '#1d4f91', rule: '#b8c2d0', headerFill: '#e8eef7', warn: '#a35c00', watermark: '#eef1f6' };

export async function renderReportPdf(model: ReportModel, options: RenderOptions = {}): Promise<RenderedReport> {
  const fonts = options.fonts ?? loadReportFonts(options.fontPaths);
  const contentHash = contentHashOf(model);
  if (!options.signer) {
    const draft = await draw(model, fonts, null);
    return { pdf: draft.pdf, pages: draft.pages, contentHash };
  }
  // Pass 1: the page content, with a stand-in QR of the same placement.
  const placeholder = qrPng(model.reportNumber);
  const first = await draw(model, fonts, { png: placeholder, envelope: null });
  const layoutDigest = readLayout(new PdfReader(first.pdf)).digest;
  const signature = options.signer.sign(sealMessage(model.reportNumber, contentHash, layoutDigest)).toString('base64url');
  const seal = { reportNumber: model.reportNumber, contentHash, layoutDigest, keyId: options.signer.keyId, signature };
  const qrPayload = encodeQrPayload(seal);
  const envelope: SealEnvelope = { format: 'credit-kiosk-report-seal/v1', ...seal, model };
  // Pass 2: the same pages, now with the real QR and the embedded envelope.
  const png = qrPng(qrPayload);
  const second = await draw(model, fonts, { png, envelope });
  const check = readLayout(new PdfReader(second.pdf)).digest;
  if (check !== layoutDigest) throw new Error('report layout changed between the two drawings; refusing to issue an unverifiable report');
  return { pdf: second.pdf, pages: second.pages, contentHash, layoutDigest, qrPayload };
}

type Doc = PDFKit.PDFDocument;
/** pdfkit opens an image once so every page can reference the same XObject (missing from its types). */
type OpenedImage = { width: number; height: number };
type DocWithImages = Doc & { openImage(src: Buffer): OpenedImage };

function draw(model: ReportModel, fonts: ReportFonts, seal: { png: Buffer; envelope: SealEnvelope | null } | null): Promise<{ pdf: Buffer; pages: number }> {
  const created = new Date(model.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    info: {
      Title: `${model.title} ${model.reportNumber}`,
      Author: model.issuer,
      Subject: model.subject.name,
      Keywords: seal?.envelope ? `${model.reportNumber} sha256:${seal.envelope.contentHash}` : model.reportNumber,
      Creator: 'credit-kiosk',
      Producer: 'credit-kiosk',
      CreationDate: Number.isNaN(created.getTime()) ? new Date(0) : created,
    },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  // The watermark goes under the content of each page as it starts, in a light solid
  // colour: transparency would make CUPS filters rasterise the whole page.
  const mark = `${model.kioskId}  ${model.generatedAt}`;
  watermark(doc, mark);
  doc.on('pageAdded', () => watermark(doc, mark));

  // Title and header.
  doc.font('bold').fontSize(20).fillColor(COLORS.brand).text(model.title, MARGIN, doc.y, { width, align: 'center' });
  doc.font('body').fontSize(10).fillColor(COLORS.muted).text(model.subtitle, MARGIN, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);
  fieldsBlock(doc, width, model.header);
  if (model.staleWarning) {
    doc.moveDown(0.3);
    doc.font('bold').fontSize(10).fillColor(COLORS.warn).text(model.staleWarning, MARGIN, doc.y, { width });
  }

  heading(doc, width, model.notes.title);
  doc.font('body').fontSize(9).fillColor(COLORS.muted);
  model.notes.paragraphs.forEach((p, i) => paragraph(doc, width, `${i + 1}. ${p}`, 9, COLORS.muted));

  if (model.summary) {
    heading(doc, width, model.summary.title);
    table(doc, width, {
      columns: model.summary.items.map((s) => ({ label: s.label, weight: 1 })),
      rows: [model.summary.items.map((s) => `${s.count} ${T.summaryCount}`)],
    });
  }

  for (const section of model.sections) {
    heading(doc, width, `${section.number}、${section.title}`);
    for (const block of section.blocks) renderBlock(doc, width, block);
  }

  doc.moveDown(0.6);
  fieldsBlock(doc, width, [
    { label: T.dataCutoff, value: formatDisplayTime(model.dataCutoff) },
    { label: T.provenanceTitle, value: model.provenanceText },
  ]);

  // Page furniture, now that the page count is known.
  const qr = seal ? (doc as DocWithImages).openImage(seal.png) : null;
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    furniture(doc, model, i + 1, range.count, qr);
  }
  if (seal?.envelope) {
    doc.file(Buffer.from(JSON.stringify(seal.envelope), 'utf8'), {
      name: ENVELOPE_FILE_NAME,
      type: 'application/json',
      description: 'credit-kiosk report seal',
      creationDate: created,
      modifiedDate: created,
    });
  }
  doc.end();
  return done.then((pdf) => ({ pdf, pages: range.count }));
}

function furniture(doc: Doc, model: ReportModel, page: number, pages: number, qr: OpenedImage | null): void {
  const { width: pw, height: ph } = doc.page;
  const width = pw - 2 * MARGIN;
  const saved = { ...doc.page.margins };
  // Writing inside the margins must never start a new page.
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };


  doc.font('body').fontSize(8).fillColor(COLORS.muted);
  doc.text(model.issuer, MARGIN, 30, { width: width / 2, lineBreak: false });
  doc.text(model.title, MARGIN + width / 2, 30, { width: width / 2, align: 'right', lineBreak: false });
  doc.moveTo(MARGIN, 44).lineTo(MARGIN + width, 44).lineWidth(0.5).strokeColor(COLORS.rule).stroke();

  const footerTop = ph - BOTTOM + 14;
  doc.moveTo(MARGIN, footerTop - 6).lineTo(MARGIN + width, footerTop - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  doc.font('body').fontSize(8).fillColor(COLORS.muted);
  doc.text(`${T.reportNumber}：${model.reportNumber}`, MARGIN, footerTop + 4, { width: width - QR_SIZE - 8, lineBreak: false });
  doc.text(T.pageOf(page, pages), MARGIN, footerTop + 18, { width: width - QR_SIZE - 8, lineBreak: false });
  if (qr) {
    doc.image(qr as unknown as Buffer, MARGIN + width - QR_SIZE, footerTop, { width: QR_SIZE, height: QR_SIZE });
    doc.font('body').fontSize(6).fillColor(COLORS.muted).text(T.verifyHint, MARGIN + width - QR_SIZE - 40, footerTop + QR_SIZE - 8, { width: 36, align: 'right', lineBreak: false });
  }
  doc.page.margins = saved;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function heading(doc: Doc, width: number, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font('bold').fontSize(13).fillColor(COLORS.brand).text(text, MARGIN, doc.y, { width });
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.8).strokeColor(COLORS.brand).stroke();
  doc.y = y + 6;
}

function renderBlock(doc: Doc, width: number, block: ReportBlock): void {
  if ('caption' in block && block.caption) {
    ensureSpace(doc, 40);
    doc.font('bold').fontSize(10.5).fillColor(COLORS.text).text(block.caption, MARGIN, doc.y, { width });
    doc.moveDown(0.2);
  }
  switch (block.kind) {
    case 'paragraphs':
      for (const p of block.paragraphs) paragraph(doc, width, p, 10, COLORS.text);
      doc.moveDown(0.3);
      return;
    case 'none':
      doc.font('body').fontSize(10).fillColor(COLORS.text).text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      return;
    case 'fields':
      fieldsBlock(doc, width, block.fields);
      return;
    case 'table':
      table(doc, width, block);
  }
}

/** A paragraph kept on one page, so pdfkit never breaks a page on its own. */
function paragraph(doc: Doc, width: number, text: string, size: number, color: string): void {
  doc.font('body').fontSize(size);
  ensureSpace(doc, doc.heightOfString(text, { width }) + 3);
  doc.font('body').fontSize(size).fillColor(color).text(text, MARGIN, doc.y, { width, paragraphGap: 3 });
}

function fieldsBlock(doc: Doc, width: number, fields: readonly ReportField[]): void {
  const labelWidth = 118;
  doc.fontSize(10);
  for (const { label, value } of fields) {
    const h = Math.max(doc.font('body').heightOfString(value, { width: width - labelWidth }), doc.font('bold').heightOfString(label, { width: labelWidth - 8 }), 13) + 4;
    ensureSpace(doc, h);
    const y = doc.y;
    doc.font('bold').fillColor(COLORS.muted).text(label, MARGIN, y, { width: labelWidth - 8 });
    doc.font('body').fillColor(COLORS.text).text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.y = y + h;
  }
  doc.x = MARGIN;
}

function table(doc: Doc, width: number, t: { columns: ReadonlyArray<{ label: string; weight: number }>; rows: ReadonlyArray<readonly string[]> }): void {
  const total = t.columns.reduce((s, c) => s + c.weight, 0);
  const widths = t.columns.map((c) => (c.weight / total) * width);
  const pad = 2.5;
  const fontSize = t.columns.length > 8 ? 7 : t.columns.length > 6 ? 7.5 : 8.5;
  const rowHeight = (cells: readonly string[], font: 'body' | 'bold') => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], font: 'body' | 'bold', fill?: string) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (fill) doc.rect(x, y, w, h).fill(fill);
      doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      doc.font(font).fontSize(fontSize).fillColor(COLORS.text).text(cell, x + pad, y + pad, { width: w - 2 * pad });
      x += w;
    });
    doc.y = y + h;
  };
  const header = t.columns.map((c) => c.label);
  const first = t.rows[0];
  ensureSpace(doc, rowHeight(header, 'bold') + (first ? rowHeight(first, 'body') : 0));
  drawRow(header, 'bold', COLORS.headerFill);
  for (const row of t.rows) {
    if (doc.y + rowHeight(row, 'body') > bottomLimit(doc)) {
      // A row never splits; the header row repeats on the new page.
      doc.addPage();
      drawRow(header, 'bold', COLORS.headerFill);
    }
    drawRow(row, 'body');
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

function watermark(doc: Doc, text: string): void {
  const { width, height } = doc.page;
  const { x, y: savedY } = doc;
  const margins = { ...doc.page.margins };
  // It may run inside a page break in the middle of a table: the caller's font stays.
  const fontState = doc as unknown as { _font: unknown; _fontSize: number };
  const { _font: font, _fontSize: fontSize } = fontState;
  doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
  doc.save();
  doc.font('body').fontSize(22).fillColor(COLORS.watermark);
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
