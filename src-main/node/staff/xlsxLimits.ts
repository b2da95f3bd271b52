// What an uploaded workbook may expand to, checked before exceljs sees it. A zip's
// declared sizes can lie, so each entry is inflated here with a hard output cap and
// the real total counted: a zip bomb is refused after at most the cap of work.
import zlib from 'node:zlib';

export interface XlsxLimits {
  /** Total decompressed bytes of every entry. */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Rows of the first sheet, and cells of it. */
  maxRows: number;
  maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 200, maxRows: 50_001, maxCells: 1_000_000 };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Throws a message (Chinese first) when the zip is malformed or would expand past the limits. */
export function checkXlsxExpansion(zip: Buffer, limits: XlsxLimits = XLSX_LIMITS): void {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.length < eocd + 22 || zip.readUInt32LE(eocd) !== EOCD) throw new Error('不是 XLSX（ZIP）文件 / not an XLSX (zip) file');
  const entries = zip.readUInt16LE(eocd + 10);
  if (entries > limits.maxEntries) throw new Error(`工作簿包含的部件过多（${entries}） / the workbook has too many parts (${entries})`);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new Error('XLSX 目录损坏 / the workbook’s directory is damaged');
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || localAt === 0xffffffff) throw new Error('不支持 ZIP64 工作簿 / ZIP64 workbooks are not accepted');
    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== LOCAL) throw new Error('XLSX 部件损坏 / a part of the workbook is damaged');
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressed);
    const room = limits.maxUncompressedBytes - total;
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, room) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) size = room + 1;
        else throw new Error('XLSX 部件无法解压 / a part of the workbook cannot be decompressed');
      }
    } else throw new Error(`不支持的压缩方式（${method}） / unsupported compression method ${method}`);
    total += size;
    if (total > limits.maxUncompressedBytes) {
      throw new Error(`工作簿解压后超过 ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB，已拒绝 / the workbook expands past ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB: refused`);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
}
