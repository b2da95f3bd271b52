// Rewrites objects of a PDF and rebuilds a consistent xref table: a tamperer's tool
// that produces a structurally valid file, so verification must catch the content.
import zlib from 'node:zlib';
import { PdfReader } from '../../../src-main/node/pdf/pdfReader';

export interface ObjectEdit {
  /** New raw object body (between "n 0 obj" and "endobj"), or a new decoded stream. */
  body?: Buffer;
  stream?: { dict: (old: string) => string; data: Buffer };
}

function objectSlice(pdf: Buffer, reader: PdfReader, num: number): Buffer {
  const start = reader.objectOffset(num)!;
  const end = pdf.indexOf('endobj', start) + 'endobj'.length;
  return pdf.subarray(start, end);
}

/** Returns the raw text of an object's dictionary (before "stream"). */
export function objectDictText(pdf: Buffer, num: number): string {
  const reader = new PdfReader(pdf);
  const slice = objectSlice(pdf, reader, num).toString('latin1');
  const s = slice.indexOf('stream');
  return slice.slice(slice.indexOf('obj') + 3, s < 0 ? slice.lastIndexOf('endobj') : s).trim();
}

export function rewritePdf(pdf: Buffer, edits: Map<number, ObjectEdit>): Buffer {
  const reader = new PdfReader(pdf);
  const header = pdf.subarray(0, reader.objectOffset(reader.objectNumbers()[0]!)!);
  const parts: Buffer[] = [header];
  const offsets = new Map<number, number>();
  let pos = header.length;
  for (const num of reader.objectNumbers()) {
    const edit = edits.get(num);
    let bytes: Buffer;
    if (edit?.stream) {
      const compressed = zlib.deflateSync(edit.stream.data);
      const dict = edit.stream.dict(objectDictText(pdf, num)).replace(/\/Length \d+/, `/Length ${compressed.length}`);
      bytes = Buffer.concat([Buffer.from(`${num} 0 obj\n${dict}\nstream\n`, 'latin1'), compressed, Buffer.from('\nendstream\nendobj', 'latin1')]);
    } else if (edit?.body) {
      bytes = Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), edit.body, Buffer.from('\nendobj', 'latin1')]);
    } else {
      bytes = objectSlice(pdf, reader, num);
    }
    offsets.set(num, pos);
    parts.push(bytes, Buffer.from('\n'));
    pos += bytes.length + 1;
  }
  const size = Math.max(...offsets.keys()) + 1;
  let xref = `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) {
    const at = offsets.get(n);
    xref += at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  const trailerStart = pdf.lastIndexOf('trailer');
  const trailer = pdf.subarray(trailerStart, pdf.lastIndexOf('startxref')).toString('latin1');
  parts.push(Buffer.from(`${xref}${trailer}startxref\n${pos}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** The first page's content stream object number and its decoded bytes. */
export function firstPageContent(pdf: Buffer): { num: number; data: Buffer } {
  const reader = new PdfReader(pdf);
  const page = reader.pages()[0]!;
  const ref = page.dict.get('Contents') as { num: number };
  return { num: ref.num, data: reader.streamData(page.dict.get('Contents')).data };
}
