// Lays a ReportModel out as an A4 PDF with the PDF toolkit (node/pdf): title and header,
// 报告说明, the summary, numbered sections with tables that break across pages (header row
// repeated), data cut-off and provenance; on every page a running header, 第 x 页 共 y 页,
// the report number, a light watermark, the issuer's seal image (when the kiosk has one)
// and the verification QR. Each image is one object in the file, however many pages.
//
// Signed reports are drawn once: with a stand-in QR image and a stand-in seal
// attachment. The layout digest is read from that file — it covers everything but the
// QR image's pixels and the attachment — and signed; then only those two objects are
// replaced (pdfPatch), so the signed pages are the very pages drawn.
import type { ReportBlock, ReportField, ReportModel } from '../../common/report/reportModel';
import { REPORT_TEXTS as T } from '../../common/report/reportTexts';
import { ensureSpace, openPdf, PDF_COLORS as COLORS } from '../pdf/pdfDocument';
import { loadPdfFonts, type PdfFonts } from '../pdf/pdfFonts';
import { embeddedFileBody, grayImageBody, replaceObjects } from '../pdf/pdfPatch';
import { drawTable } from '../pdf/pdfTable';
import { SEAL_RESOURCE, type SealImage } from '../pdf/sealStamp';
import { drawSignatureStrokes } from '../pdf/signatureStrokes';
import type { PdfDoc, PdfText, TextStyle } from '../pdf/pdfText';
import { eachPage, watermarkPages } from '../pdf/pageFurniture';
import { formatDisplayTime } from '../../common/time/displayTime';
import { QR_RESOURCE, qrImageOf, readLayout } from './layoutDigest';
import { PdfFormatError, PdfReader, PdfString } from '../pdf/pdfReader';
import { qrPixels, qrPng } from '../pdf/qrImage';
import { contentHashOf, ENVELOPE_FILE_NAME, qrText, sealMessage, type ReportSigner, type SealEnvelope } from './reportSeal';

export interface RenderOptions {
  /** Font bytes; default the Noto Sans SC package, or the files named by fontPaths. */
  fonts?: PdfFonts;
  fontPaths?: { regular: string; bold?: string };
  /** Seals the report (QR on every page, verification data embedded). Without it: an unsigned draft. */
  signer?: ReportSigner;
  /** The issuer's electronic seal (config report.sealImage), stamped on every page; the layout digest covers its bytes. */
  sealImage?: SealImage;
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
const SEAL_SIZE = 64;

export async function renderReportPdf(model: ReportModel, options: RenderOptions = {}): Promise<RenderedReport> {
  const fonts = options.fonts ?? loadPdfFonts(options.fontPaths);
  const contentHash = contentHashOf(model);
  if (!options.signer) {
    const draft = await draw(model, fonts, null, options.sealImage ?? null);
    return { pdf: draft.pdf, pages: draft.pages, contentHash };
  }
  // The stand-ins: a QR of the same placement, and the envelope the seal will fill.
  const standIn: SealEnvelope = { format: 'credit-kiosk-report-seal/v1', reportNumber: model.reportNumber, contentHash, layoutDigest: '', keyId: options.signer.keyId, signature: '', model };
  const drawn = await draw(model, fonts, { png: qrPng(model.reportNumber), envelope: standIn }, options.sealImage ?? null);
  const reader = new PdfReader(drawn.pdf);
  const layout = readLayout(reader);
  const layoutDigest = layout.digest;
  const signature = options.signer.sign(sealMessage(model.reportNumber, contentHash, layoutDigest)).toString('base64url');
  const seal = { reportNumber: model.reportNumber, contentHash, layoutDigest, keyId: options.signer.keyId, signature };
  const qrPayload = qrText(seal, model.verifyUrl);
  const envelope: SealEnvelope = { ...standIn, layoutDigest, signature };
  const qr = qrPixels(qrPayload);
  const qrs = layout.images.map((images) => qrImageOf(images)?.ref);
  const qrRef = qrs[0];
  if (!qrRef || qrs.some((ref) => ref?.num !== qrRef.num)) throw new Error('every page must carry the one QR image');
  const pdf = replaceObjects(
    drawn.pdf,
    reader,
    new Map([
      [qrRef.num, () => grayImageBody(qr.side, qr.side, qr.pixels)],
      [envelopeObject(reader), (original: Buffer) => embeddedFileBody(original, Buffer.from(JSON.stringify(envelope), 'utf8'))],
    ]),
  );
  return { pdf, pages: drawn.pages, contentHash, layoutDigest, qrPayload };
}

/** The object number of the seal attachment's stream (Names → EmbeddedFiles → EF/F). */
function envelopeObject(reader: PdfReader): number {
  const root = reader.dict(reader.trailer.get('Root'), 'Root');
  const names = reader.dict(root.get('Names'), 'Names');
  const list = reader.resolve(reader.dict(names.get('EmbeddedFiles'), 'EmbeddedFiles').get('Names'));
  if (Array.isArray(list)) {
    for (let i = 0; i + 1 < list.length; i += 2) {
      const name = list[i];
      if (!(name instanceof PdfString) || name.bytes.toString('latin1') !== ENVELOPE_FILE_NAME) continue;
      const file = reader.dict(reader.dict(list[i + 1], 'file specification').get('EF'), 'embedded file').get('F');
      if (file && typeof file === 'object' && 'num' in file && typeof file.num === 'number') return file.num;
    }
  }
  throw new PdfFormatError('the seal attachment is missing');
}

/** pdfkit opens an image once so every page can reference the same XObject (missing from its types). */
type OpenedImage = { width: number; height: number; label: string };
type DocWithImages = PdfDoc & { openImage(src: Buffer): OpenedImage };

const style = (font: TextStyle['font'], size: number, color: string): TextStyle => ({ font, size, color });

async function draw(model: ReportModel, fonts: PdfFonts, seal: { png: Buffer; envelope: SealEnvelope } | null, sealImage: SealImage | null): Promise<{ pdf: Buffer; pages: number }> {
  const created = new Date(model.issuedAt);
  const { doc, text, width, done } = openPdf({
    fonts,
    margins: { top: TOP, bottom: BOTTOM, left: MARGIN, right: MARGIN },
    info: {
      Title: `${model.title} ${model.reportNumber}`,
      Author: model.issuer,
      Subject: model.subject.name,
      Keywords: seal ? `${model.reportNumber} sha256:${seal.envelope.contentHash}` : model.reportNumber,
      CreationDate: Number.isNaN(created.getTime()) ? new Date(0) : created,
    },
  });
  watermarkPages(doc, `${model.kioskId}  ${model.generatedAt}`);

  // Title and header.
  doc.y = text.draw(model.title, style('bold', 20, COLORS.brand), MARGIN, doc.y, width, 'center');
  doc.y = text.draw(model.subtitle, style('body', 10, COLORS.muted), MARGIN, doc.y, width, 'center');
  doc.y += 8;
  fieldsBlock(text, width, model.header);
  if (model.staleWarning) {
    doc.y += 3;
    paragraph(text, width, model.staleWarning, style('bold', 10, COLORS.warn));
  }

  heading(text, width, model.notes.title);
  model.notes.paragraphs.forEach((p, i) => paragraph(text, width, `${i + 1}. ${p}`, style('body', 9, COLORS.muted)));

  if (model.summary) {
    heading(text, width, model.summary.title);
    drawTable(
      text,
      model.summary.items.map((s) => ({ label: s.label, weight: 1 })),
      [{ cells: model.summary.items.map((s) => `${s.count} ${T.summaryCount}`) }],
      { x: MARGIN, width, fontSize: 8.5 },
    );
    doc.y += 6;
  }

  for (const section of model.sections) {
    heading(text, width, `${section.number}、${section.title}`);
    for (const block of section.blocks) renderBlock(text, width, block);
  }

  doc.y += 8;
  fieldsBlock(text, width, [
    { label: T.dataCutoff, value: formatDisplayTime(model.dataCutoff) },
    { label: T.provenanceTitle, value: model.provenanceText },
  ]);

  // Page furniture, now that the page count is known. Each image is opened once: every
  // page refers to the same object, under a name the verifier knows it by.
  const qr = seal ? openNamed(doc, seal.png, QR_RESOURCE) : null;
  const stamp = sealImage ? openNamed(doc, sealImage.png, SEAL_RESOURCE) : null;
  const pages = eachPage(doc, (page, count) => furniture(doc, text, model, page, count, qr, stamp));
  if (seal) {
    doc.file(Buffer.from(JSON.stringify(seal.envelope), 'utf8'), {
      name: ENVELOPE_FILE_NAME,
      type: 'application/json',
      description: 'credit-kiosk report seal',
      creationDate: created,
      modifiedDate: created,
    });
  }
  doc.end();
  return { pdf: await done, pages };
}

function openNamed(doc: PdfDoc, png: Buffer, name: string): OpenedImage {
  const image = (doc as DocWithImages).openImage(png);
  image.label = name;
  return image;
}

function furniture(doc: PdfDoc, text: PdfText, model: ReportModel, page: number, pages: number, qr: OpenedImage | null, stamp: OpenedImage | null): void {
  const { width: pw, height: ph } = doc.page;
  const width = pw - 2 * MARGIN;
  const small = style('body', 8, COLORS.muted);
  text.draw(model.issuer, small, MARGIN, 30, width / 2);
  text.draw(model.title, small, MARGIN + width / 2, 30, width / 2, 'right');
  doc.moveTo(MARGIN, 44).lineTo(MARGIN + width, 44).lineWidth(0.5).strokeColor(COLORS.rule).stroke();

  const footerTop = ph - BOTTOM + 14;
  doc.moveTo(MARGIN, footerTop - 6).lineTo(MARGIN + width, footerTop - 6).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
  const textWidth = width - QR_SIZE - 8 - (stamp ? SEAL_SIZE + 48 : 0);
  text.drawLines([`${T.reportNumber}：${model.reportNumber}`], small, MARGIN, footerTop + 4, textWidth);
  text.drawLines([T.pageOf(page, pages)], small, MARGIN, footerTop + 18, textWidth);
  // The issuer's seal, left of the QR and its hint, its height the QR's.
  if (stamp) doc.image(stamp as unknown as Buffer, MARGIN + width - QR_SIZE - 44 - SEAL_SIZE, footerTop, { fit: [SEAL_SIZE, SEAL_SIZE], align: 'right' });
  if (qr) {
    doc.image(qr as unknown as Buffer, MARGIN + width - QR_SIZE, footerTop, { width: QR_SIZE, height: QR_SIZE });
    text.drawLines([T.verifyHint], style('body', 6, COLORS.muted), MARGIN + width - QR_SIZE - 40, footerTop + QR_SIZE - 8, 36, 'right');
  }
}

function heading(text: PdfText, width: number, title: string): void {
  const doc = text.doc;
  ensureSpace(doc, 60);
  const s = style('bold', 13, COLORS.brand);
  doc.y = text.draw(title, s, MARGIN, doc.y + 0.6 * text.lineHeight(s), width);
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.8).strokeColor(COLORS.brand).stroke();
  doc.y = y + 6;
}

function renderBlock(text: PdfText, width: number, block: ReportBlock): void {
  const doc = text.doc;
  const body = style('body', 10, COLORS.text);
  if ('caption' in block && block.caption) {
    ensureSpace(doc, 40);
    doc.y = text.draw(block.caption, style('bold', 10.5, COLORS.text), MARGIN, doc.y, width) + 3;
  }
  switch (block.kind) {
    case 'paragraphs':
      for (const p of block.paragraphs) paragraph(text, width, p, body);
      doc.y += 4;
      return;
    case 'none':
      paragraph(text, width, block.text, body);
      doc.y += 4;
      return;
    case 'fields':
      fieldsBlock(text, width, block.fields);
      return;
    case 'signature':
      signatureBlock(text, width, block);
      return;
    case 'table': {
      // The widest (penalties, 14 columns) keeps the other tables' proportions in a smaller size.
      const fontSize = block.columns.length > 12 ? 6.2 : block.columns.length > 8 ? 7 : block.columns.length > 6 ? 7.5 : 8.5;
      drawTable(
        text,
        block.columns,
        block.rows.map((cells) => ({ cells })),
        { x: MARGIN, width, fontSize },
      );
      doc.y += 6;
    }
  }
}

/** The label, the signature in its frame (strokes, or the blank line staff confirmed for), and the note, kept on one page. */
function signatureBlock(text: PdfText, width: number, block: Extract<ReportBlock, { kind: 'signature' }>): void {
  const doc = text.doc;
  const label = style('bold', 10, COLORS.muted);
  const frameWidth = Math.min(200, width - 118);
  const noteLines = text.wrap(block.note, style('body', 9, COLORS.muted), width);
  ensureSpace(doc, frameWidth * 0.4 + noteLines.length * 14 + 12);
  const top = doc.y;
  text.drawLines([block.label], label, MARGIN, top + frameWidth * 0.3 - text.lineHeight(label), 110);
  const bottom = drawSignatureStrokes(doc, block.strokes, { x: MARGIN + 118, y: top, width: frameWidth });
  doc.y = text.drawLines(noteLines, style('body', 9, COLORS.muted), MARGIN, bottom + 4, width) + 6;
}

/** A paragraph kept on one page, so a page never breaks inside it. */
function paragraph(text: PdfText, width: number, value: string, s: TextStyle): void {
  const doc = text.doc;
  const lines = text.wrap(value, s, width);
  ensureSpace(doc, lines.length * text.lineHeight(s) + 3);
  doc.y = text.drawLines(lines, s, MARGIN, doc.y, width) + 3;
}

function fieldsBlock(text: PdfText, width: number, fields: readonly ReportField[]): void {
  const doc = text.doc;
  const labelWidth = 118;
  const label = style('bold', 10, COLORS.muted);
  const value = style('body', 10, COLORS.text);
  for (const field of fields) {
    const labelLines = text.wrap(field.label, label, labelWidth - 8);
    const valueLines = text.wrap(field.value, value, width - labelWidth);
    const h = Math.max(valueLines.length * text.lineHeight(value), labelLines.length * text.lineHeight(label), 13) + 4;
    ensureSpace(doc, h);
    const y = doc.y;
    text.drawLines(labelLines, label, MARGIN, y, labelWidth - 8);
    text.drawLines(valueLines, value, MARGIN + labelWidth, y, width - labelWidth);
    doc.y = y + h;
  }
  doc.x = MARGIN;
}
