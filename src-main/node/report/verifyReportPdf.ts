// Offline verification of an issued report PDF (docs/report-verification.md):
// the embedded model hashes to the sealed content hash, the pages hash to the sealed
// layout digest (which covers the issuer's seal image too), a registered kiosk key signed
// both, every page carries exactly the expected images — the QR, and the issuer's seal
// image where there is one, each the same object on every page — and the QR is exactly
// the QR that seal produces. Any failure names its reason; nothing is repaired.
import { isReportNumber } from '../../common/report/reportNumber';
import type { ReportModel } from '../../common/report/reportModel';
import { qrImageOf, readLayout } from './layoutDigest';
import { SEAL_RESOURCE } from '../pdf/sealStamp';
import { PdfFormatError, PdfName, PdfReader, PdfString, type PdfRef } from '../pdf/pdfReader';
import { QR_MARGIN, qrModules } from '../pdf/qrImage';
import { contentHashOf, ENVELOPE_FILE_NAME, keyIdOf, qrText, verifySeal, type SealEnvelope } from './reportSeal';

export type VerifyFailure =
  | 'malformed-pdf'
  | 'no-seal'
  | 'content-mismatch'
  | 'layout-mismatch'
  | 'unknown-key'
  | 'bad-signature'
  | 'qr-mismatch';

export type VerifyResult =
  | { valid: true; reportNumber: string; keyId: string; pages: number; contentHash: string; model: ReportModel }
  | { valid: false; reportNumber: string | null; reason: VerifyFailure; message: string };

const MESSAGES: Record<VerifyFailure, string> = {
  'malformed-pdf': '文件不是本系统出具的报告 PDF，或已被其他软件改写',
  'no-seal': '报告中没有核验信息',
  'content-mismatch': '报告内容与核验信息不一致（内容被修改）',
  'layout-mismatch': '报告页面与签名时不一致（页面被修改）',
  'unknown-key': '签名密钥未登记，无法确认出具终端',
  'bad-signature': '签名无效',
  'qr-mismatch': '页面上的二维码与报告不符（二维码被替换）',
};

export function verifyReportPdf(pdf: Uint8Array, publicKeys: readonly string[]): VerifyResult {
  let envelope: SealEnvelope | null = null;
  const fail = (reason: VerifyFailure, detail?: string): VerifyResult => ({
    valid: false,
    reportNumber: envelope && isReportNumber(envelope.reportNumber) ? envelope.reportNumber : null,
    reason,
    message: detail ? `${MESSAGES[reason]}: ${detail}` : MESSAGES[reason],
  });
  try {
    const reader = new PdfReader(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    envelope = readEnvelope(reader);
    if (!envelope) return fail('no-seal');
    if (envelope.model.reportNumber !== envelope.reportNumber || contentHashOf(envelope.model) !== envelope.contentHash) return fail('content-mismatch');
    const layout = readLayout(reader);
    if (layout.digest !== envelope.layoutDigest) return fail('layout-mismatch');
    const key = publicKeys.find((pem) => safeKeyId(pem) === envelope!.keyId);
    if (!key) return fail('unknown-key', envelope.keyId);
    if (!verifySeal(envelope, key)) return fail('bad-signature');
    let text: string;
    try {
      text = qrText(envelope, envelope.model.verifyUrl);
    } catch {
      return fail('qr-mismatch', 'verification URL');
    }
    const expected = qrModules(text);
    const unexpected = unexpectedImages(layout.images);
    if (unexpected) return fail('qr-mismatch', unexpected);
    for (const [i, images] of layout.images.entries()) {
      if (!qrMatches(reader, qrImageOf(images)!.ref, expected)) return fail('qr-mismatch', `page ${i + 1}`);
    }
    return { valid: true, reportNumber: envelope.reportNumber, keyId: envelope.keyId, pages: layout.pages, contentHash: envelope.contentHash, model: envelope.model };
  } catch (err) {
    if (err instanceof PdfFormatError || err instanceof SyntaxError || (err as NodeJS.ErrnoException).code?.startsWith('Z_')) return fail('malformed-pdf', (err as Error).message);
    throw err;
  }
}

/**
 * The images a report may carry: on every page the QR, and either no other image or the
 * seal image (SEAL_RESOURCE); each the same object on every page. Returns what is wrong, or null.
 */
function unexpectedImages(pages: ReadonlyArray<ReadonlyArray<{ name: string; ref: PdfRef }>>): string | null {
  const first = pages[0] ?? [];
  const objects = (images: ReadonlyArray<{ name: string; ref: PdfRef }>): string =>
    images
      .map((i) => `${i.name}=${i.ref.num}`)
      .sort()
      .join(' ');
  for (const [i, images] of pages.entries()) {
    const qr = qrImageOf(images);
    const others = images.filter((image) => image !== qr);
    if (!qr || others.length > 1 || (others.length === 1 && others[0]!.name !== SEAL_RESOURCE)) return `page ${i + 1}: unexpected images`;
    if (objects(images) !== objects(first)) return `page ${i + 1}: not the same images as page 1`;
  }
  return null;
}

/** What the QR on each page of a sealed PDF says (as a scanner reads it), or null when it carries no seal. Not a verification. */
export function sealedQrText(pdf: Uint8Array): string | null {
  const envelope = readEnvelope(new PdfReader(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)));
  return envelope ? qrText(envelope, envelope.model.verifyUrl) : null;
}

function safeKeyId(pem: string): string | null {
  try {
    return keyIdOf(pem);
  } catch {
    return null;
  }
}

function readEnvelope(reader: PdfReader): SealEnvelope | null {
  const root = reader.dict(reader.trailer.get('Root'), 'Root');
  const names = reader.resolve(root.get('Names'));
  if (!(names instanceof Map)) return null;
  const files = reader.resolve(names.get('EmbeddedFiles'));
  if (!(files instanceof Map)) return null;
  const list = reader.resolve(files.get('Names'));
  if (!Array.isArray(list)) return null;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const name = list[i];
    if (!(name instanceof PdfString) || name.bytes.toString('latin1') !== ENVELOPE_FILE_NAME) continue;
    const spec = reader.dict(list[i + 1], 'file specification');
    const ef = reader.dict(spec.get('EF'), 'embedded file');
    const parsed = JSON.parse(reader.streamData(ef.get('F')).data.toString('utf8')) as Partial<SealEnvelope>;
    if (
      parsed.format !== 'credit-kiosk-report-seal/v1' ||
      typeof parsed.reportNumber !== 'string' ||
      typeof parsed.contentHash !== 'string' ||
      typeof parsed.layoutDigest !== 'string' ||
      typeof parsed.keyId !== 'string' ||
      typeof parsed.signature !== 'string' ||
      typeof parsed.model !== 'object' ||
      parsed.model === null
    ) {
      return null;
    }
    return parsed as SealEnvelope;
  }
  return null;
}

/** Samples the image at each module's centre and compares with the expected QR modules. */
function qrMatches(reader: PdfReader, ref: PdfRef, expected: { size: number; data: Uint8Array }): boolean {
  const { dict, data } = reader.streamData(ref);
  const width = dict.get('Width');
  const height = dict.get('Height');
  const space = reader.resolve(dict.get('ColorSpace'));
  if (typeof width !== 'number' || typeof height !== 'number' || width !== height || dict.get('BitsPerComponent') !== 8) return false;
  const comps = space instanceof PdfName && space.name === 'DeviceGray' ? 1 : space instanceof PdfName && space.name === 'DeviceRGB' ? 3 : 0;
  if (comps === 0 || data.length < width * height * comps) return false;
  // A soft mask could make the QR invisible: it must be fully opaque.
  const smask = dict.get('SMask');
  if (smask !== undefined) {
    const mask = reader.streamData(smask).data;
    if (mask.length < width * height || mask.some((a) => a !== 255)) return false;
  }
  if (dict.has('Mask') || dict.has('Decode')) return false;
  const modules = expected.size + 2 * QR_MARGIN;
  const scale = width / modules;
  if (!Number.isInteger(scale) || scale < 1) return false;
  const dark = (x: number, y: number) => data[(y * width + x) * comps]! < 128;
  for (let r = -QR_MARGIN; r < expected.size + QR_MARGIN; r++) {
    for (let c = -QR_MARGIN; c < expected.size + QR_MARGIN; c++) {
      const x = Math.floor((c + QR_MARGIN) * scale + scale / 2);
      const y = Math.floor((r + QR_MARGIN) * scale + scale / 2);
      const inside = r >= 0 && c >= 0 && r < expected.size && c < expected.size;
      const want = inside ? expected.data[r * expected.size + c] === 1 : false;
      if (dark(x, y) !== want) return false;
    }
  }
  return true;
}
