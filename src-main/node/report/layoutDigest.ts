// The layout digest: one SHA-256 over everything a reader of the PDF sees except the
// QR image itself — each page's dictionary, decoded content streams, fonts (programs and
// ToUnicode maps), graphics states, the issuer's seal image — and the document catalog.
// The QR image is left out because it carries the signature over this digest; the
// verifier checks it separately, pixel by pixel, against the QR the seal must produce.
//
// Which image is the QR: the one named QR_RESOURCE on a page that also carries the seal
// image, else the page's only image (as in every report drawn before the seal image, so
// they still verify). Any other image is hashed with its bytes.
import { createHash } from 'node:crypto';
import { PdfFormatError, PdfName, PdfRef, PdfString, type PdfDict, type PdfReader, type PdfValue } from '../pdf/pdfReader';

/** The resource name the renderer gives the QR image. */
export const QR_RESOURCE = 'QR';

/** The page's QR among its images (see above), or null. */
export function qrImageOf<T extends { name: string }>(images: readonly T[]): T | null {
  if (images.length === 1) return images[0]!;
  return images.find((i) => i.name === QR_RESOURCE) ?? null;
}

/** Catalog entries that differ between the unsigned and the signed rendering, or are checked elsewhere. */
const CATALOG_SKIP = new Set(['Names', 'AF', 'Pages']);

export interface PdfLayout {
  digest: string;
  pages: number;
  /** Per page: the image XObjects, by resource name (the QR, checked apart, and the seal image). */
  images: Array<Array<{ name: string; ref: PdfRef }>>;
}

export function readLayout(reader: PdfReader): PdfLayout {
  const hash = createHash('sha256');
  hash.update('credit-kiosk-layout/v1\n');
  const root = reader.dict(reader.trailer.get('Root'), 'Root');
  hash.update(`catalog ${serialize(reader, root, CATALOG_SKIP, new Set())}\n`);
  const pages = reader.pages();
  const images: PdfLayout['images'] = [];
  for (const page of pages) {
    const pageImages: Array<{ name: string; ref: PdfRef }> = [];
    const resources = reader.dict(page.dict.get('Resources'), 'page resources');
    const xobjects = reader.resolve(resources.get('XObject'));
    if (xobjects instanceof Map) {
      for (const [name, ref] of xobjects) {
        if (!(ref instanceof PdfRef)) throw new PdfFormatError('XObject must be referenced');
        const subtype = reader.dict(ref, 'XObject').get('Subtype');
        if (!(subtype instanceof PdfName) || subtype.name !== 'Image') throw new PdfFormatError('only image XObjects are allowed');
        pageImages.push({ name, ref });
      }
    }
    images.push(pageImages);
    hash.update(`page ${serialize(reader, page.dict, new Set(['Parent']), new Set())}\n`);
  }
  hash.update(`pages ${pages.length}\n`);
  return { digest: hash.digest('hex'), pages: pages.length, images };
}

/**
 * A canonical text of a PDF value, following references: dictionaries with sorted keys,
 * streams as their dictionary (minus Length) and the SHA-256 of their decoded bytes.
 * Image XObjects contribute their resource name only.
 */
function serialize(reader: PdfReader, value: PdfValue, skip: ReadonlySet<string>, visiting: Set<number>): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof PdfName) return `/${value.name}`;
  if (value instanceof PdfString) return `<${value.bytes.toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map((v) => serialize(reader, v, new Set(), visiting)).join(' ')}]`;
  if (value instanceof PdfRef) {
    if (visiting.has(value.num)) throw new PdfFormatError('reference cycle');
    // Every page refers to the same fonts: an object's text is the same wherever it is
    // reached from, so each is decoded and hashed once.
    const known = serialized(reader).get(value.num);
    if (known !== undefined) return known;
    const obj = reader.object(value.num);
    visiting.add(value.num);
    try {
      let text: string;
      if (obj.stream) {
        const { dict, data } = reader.streamData(value);
        const d = serializeDict(reader, dict, new Set(['Length']), visiting);
        text = `stream(${d} ${createHash('sha256').update(data).digest('hex')})`;
      } else {
        text = serialize(reader, obj.value, new Set(), visiting);
      }
      serialized(reader).set(value.num, text);
      return text;
    } finally {
      visiting.delete(value.num);
    }
  }
  return serializeDict(reader, value, skip, visiting);
}

const serializedTexts = new WeakMap<PdfReader, Map<number, string>>();

function serialized(reader: PdfReader): Map<number, string> {
  let map = serializedTexts.get(reader);
  if (!map) {
    map = new Map();
    serializedTexts.set(reader, map);
  }
  return map;
}

function serializeDict(reader: PdfReader, dict: PdfDict, skip: ReadonlySet<string>, visiting: Set<number>): string {
  const keys = [...dict.keys()].filter((k) => !skip.has(k)).sort();
  const parts = keys.map((k) => {
    const v = dict.get(k)!;
    if (k === 'XObject') {
      const xo = reader.resolve(v);
      if (xo instanceof Map) {
        const qr = qrImageOf([...xo.keys()].map((name) => ({ name })))?.name;
        return `/XObject<<${[...xo.keys()]
          .sort()
          .map((n) => (n === qr ? `/${n} /image` : `/${n} ${serialize(reader, xo.get(n)!, new Set(), visiting)}`))
          .join(' ')}>>`;
      }
    }
    return `/${k} ${serialize(reader, v, new Set(), visiting)}`;
  });
  return `<<${parts.join(' ')}>>`;
}
