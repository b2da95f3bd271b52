// Replacing a few objects of a finished single-revision PDF and rewriting its xref table:
// how a document is sealed in one drawing. The pages are drawn once with a stand-in QR
// and a stand-in seal attachment; the seal is computed over that file, then only those
// two objects — which the seal by design does not cover — are swapped for the real ones.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { PdfFormatError, type PdfReader } from './pdfReader';

/**
 * Returns pdf with numbered objects replaced: each function gets the object's original
 * bytes and returns its new body (what goes between `N 0 obj` and `endobj`).
 */
export function replaceObjects(pdf: Buffer, reader: PdfReader, bodies: ReadonlyMap<number, (original: Buffer) => Buffer>): Buffer {
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.subarray(Math.max(0, pdf.length - 64)).toString('latin1'))?.[1]);
  const trailerAt = pdf.lastIndexOf('trailer');
  const startAt = pdf.lastIndexOf('startxref');
  if (!Number.isInteger(startxref) || trailerAt < startxref || startAt < trailerAt) throw new PdfFormatError('cannot find the xref table');
  const nums = reader.objectNumbers();
  const placed = nums.map((num) => ({ num, at: reader.objectOffset(num)! })).sort((a, b) => a.at - b.at);
  for (const num of bodies.keys()) if (!nums.includes(num)) throw new PdfFormatError(`object ${num} not in the xref table`);
  const parts: Buffer[] = [pdf.subarray(0, placed[0]?.at ?? startxref)];
  let offset = parts[0]!.length;
  const offsets = new Map<number, number>();
  placed.forEach(({ num, at }, i) => {
    const end = placed[i + 1]?.at ?? startxref;
    const original = pdf.subarray(at, end);
    const body = bodies.get(num);
    const bytes = body ? Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body(original), Buffer.from('\nendobj\n', 'latin1')]) : original;
    offsets.set(num, offset);
    parts.push(bytes);
    offset += bytes.length;
  });
  const size = Math.max(0, ...nums) + 1;
  const xref = ['xref', `0 ${size}`, '0000000000 65535 f '];
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    xref.push(at === undefined ? '0000000000 65535 f ' : `${String(at).padStart(10, '0')} 00000 n `);
  }
  parts.push(Buffer.from(`${xref.join('\n')}\n`, 'latin1'), pdf.subarray(trailerAt, startAt), Buffer.from(`startxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** The body of an 8-bit grayscale image XObject, Flate-compressed. */
export function grayImageBody(width: number, height: number, pixels: Uint8Array): Buffer {
  const data = zlib.deflateSync(pixels);
  const dict = `<<\n/Type /XObject\n/Subtype /Image\n/Width ${width}\n/Height ${height}\n/BitsPerComponent 8\n/ColorSpace /DeviceGray\n/Filter /FlateDecode\n/Length ${data.length}\n>>\nstream\n`;
  return Buffer.concat([Buffer.from(dict, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/**
 * The body of an embedded file stream with new content: pdfkit's dictionary kept, with
 * its length, size and MD5 checksum (the attachment's own integrity fields) updated.
 */
export function embeddedFileBody(original: Buffer, content: Buffer): Buffer {
  const text = original.toString('latin1');
  const dictEnd = text.indexOf('stream');
  const headAt = text.indexOf('obj');
  if (dictEnd < 0 || headAt < 0) throw new PdfFormatError('embedded file is not a stream');
  const data = zlib.deflateSync(content);
  const md5 = createHash('md5').update(content).digest('hex');
  let dict = text.slice(headAt + 3, dictEnd).trim();
  const swap = (re: RegExp, value: string) => {
    if (!re.test(dict)) throw new PdfFormatError(`embedded file dictionary lacks ${re.source}`);
    dict = dict.replace(re, value);
  };
  if (!dict.includes('/Filter /FlateDecode')) throw new PdfFormatError('embedded file is not Flate-compressed');
  swap(/\/Length \d+/, `/Length ${data.length}`);
  swap(/\/Size \d+/, `/Size ${content.length}`);
  swap(/\/CheckSum \([0-9a-f]{32}\)/, `/CheckSum (${md5})`);
  return Buffer.concat([Buffer.from(`${dict}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}
