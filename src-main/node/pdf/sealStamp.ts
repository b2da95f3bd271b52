// The issuer's electronic seal image (电子印章), as the operator provides it (config
// report.sealImage; the demo's own, marked 演示, in resources/report/demo-seal.png):
// a PNG read and checked once at start, then stamped on every page of a document
// from one image object (pdfkit opens it once per document, every page refers to it).
// It must be opaque: transparency makes CUPS filters rasterise the whole page.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';

/** The resource name of the seal image on a page (the QR's is QR_RESOURCE, see layoutDigest). */
export const SEAL_RESOURCE = 'Seal';

export interface SealImage {
  /** The PNG file's bytes, as embedded. */
  png: Buffer;
  /** SHA-256 of the file (hex), for logs and the operator. */
  sha256: string;
  width: number;
  height: number;
}

export class SealImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealImageError';
  }
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Colour types without an alpha channel: grey, RGB, palette. */
const OPAQUE_TYPES: Record<number, number> = { 0: 1, 2: 3, 3: 1 };
const MAX_SIDE = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Reads and checks the seal image; every refusal says what is wrong, Chinese first. */
export function loadSealImage(file: string): SealImage {
  const fail = (zh: string, en: string): never => {
    throw new SealImageError(`出具机构电子印章图片${zh}（${file}）/ the issuer's seal image ${en} (${file})`);
  };
  let png: Buffer;
  try {
    if (fs.statSync(file).size > MAX_FILE_BYTES) fail('超过 2 MB', 'is larger than 2 MB');
    png = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof SealImageError) throw err;
    return fail('无法读取', `cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (!png.subarray(0, 8).equals(SIGNATURE)) fail('不是 PNG 文件', 'is not a PNG file');
  let at = 8;
  let header: { width: number; height: number; depth: number; type: number; interlace: number } | null = null;
  const data: Buffer[] = [];
  let transparency = false;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (body.length !== length || at + 12 + length > png.length) fail('已损坏（数据不完整）', 'is damaged (truncated)');
    if ((zlib.crc32(png.subarray(at + 4, at + 8 + length)) >>> 0) !== png.readUInt32BE(at + 8 + length)) fail(`已损坏（${type} 校验错误）`, `is damaged (bad ${type} checksum)`);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8]!, type: body[9]!, interlace: body[12]! };
    if (type === 'tRNS') transparency = true;
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (!header || data.length === 0) return fail('已损坏（缺少图像数据）', 'is damaged (no image data)');
  const { width, height, depth, type, interlace } = header;
  if (OPAQUE_TYPES[type] === undefined || transparency) fail('须为不透明图片（不含透明通道）：透明会使打印机把整页转为位图', 'must be opaque (no alpha channel or transparency): transparency makes the printer rasterise the page');
  if (depth !== 8) fail('须为每通道 8 位', 'must have 8 bits per channel');
  if (interlace !== 0) fail('不能使用隔行扫描', 'must not be interlaced');
  if (width < 32 || height < 32 || width > MAX_SIDE || height > MAX_SIDE) fail(`尺寸须在 32–${MAX_SIDE} 像素之间`, `must be 32–${MAX_SIDE} pixels on each side`);
  let pixels: Buffer;
  try {
    pixels = zlib.inflateSync(Buffer.concat(data));
  } catch {
    return fail('已损坏（无法解压）', 'is damaged (cannot be inflated)');
  }
  if (pixels.length !== height * (1 + width * OPAQUE_TYPES[type]!)) fail('已损坏（像素数据长度不符）', 'is damaged (wrong amount of pixel data)');
  return { png, sha256: createHash('sha256').update(png).digest('hex'), width, height };
}
