// A strict reader for the PDFs this kiosk writes (pdfkit: one revision, a classic
// xref table, FlateDecode streams). Verification reads a report through this and
// nothing else, so anything outside that shape — incremental updates, object or
// xref streams, other filters — is refused rather than half understood.
import zlib from 'node:zlib';

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfString {
  constructor(readonly bytes: Buffer) {}
}
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
export interface PdfObject {
  value: PdfValue;
  /** Raw (still encoded) stream bytes when the object is a stream. */
  stream?: Buffer;
}

export class PdfFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfFormatError';
  }
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export class PdfReader {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly trailer: PdfDict;

  constructor(private readonly buf: Buffer) {
    const tail = buf.subarray(Math.max(0, buf.length - 64)).toString('latin1');
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new PdfFormatError('no startxref at the end of the file');
    if (buf.toString('latin1').split('%%EOF').length !== 2) throw new PdfFormatError('more than one revision (incremental update)');
    let pos = Number(m[1]);
    const lexer = new Lexer(buf, pos);
    if (lexer.keyword() !== 'xref') throw new PdfFormatError('not a classic xref table');
    for (;;) {
      const save = lexer.pos;
      const word = lexer.keyword();
      if (word === 'trailer') break;
      lexer.pos = save;
      const start = lexer.integer();
      const count = lexer.integer();
      lexer.skipSpace();
      pos = lexer.pos;
      for (let i = 0; i < count; i++) {
        const line = buf.subarray(pos + i * 20, pos + i * 20 + 18).toString('latin1');
        const e = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
        if (!e) throw new PdfFormatError(`malformed xref entry ${start + i}`);
        if (e[3] === 'n') this.offsets.set(start + i, Number(e[1]));
      }
      lexer.pos = pos + count * 20;
    }
    const trailer = lexer.value();
    if (!(trailer instanceof Map)) throw new PdfFormatError('trailer is not a dictionary');
    if (trailer.has('Prev') || trailer.has('XRefStm') || trailer.has('Encrypt')) throw new PdfFormatError('unsupported trailer (Prev, XRefStm or Encrypt)');
    this.trailer = trailer;
  }

  /** Byte offset of an object (for tools that rewrite a file, e.g. tamper tests). */
  objectOffset(num: number): number | undefined {
    return this.offsets.get(num);
  }

  objectNumbers(): number[] {
    return [...this.offsets.keys()].sort((a, b) => a - b);
  }

  object(num: number): PdfObject {
    const hit = this.cache.get(num);
    if (hit) return hit;
    const at = this.offsets.get(num);
    if (at === undefined) throw new PdfFormatError(`object ${num} not in the xref table`);
    const lexer = new Lexer(this.buf, at);
    if (lexer.integer() !== num) throw new PdfFormatError(`xref offset of object ${num} is wrong`);
    lexer.integer();
    if (lexer.keyword() !== 'obj') throw new PdfFormatError(`object ${num}: expected obj`);
    const value = lexer.value();
    const save = lexer.pos;
    let obj: PdfObject = { value };
    if (lexer.keyword() === 'stream') {
      if (!(value instanceof Map)) throw new PdfFormatError(`object ${num}: stream without a dictionary`);
      const length = value.get('Length');
      if (typeof length !== 'number') throw new PdfFormatError(`object ${num}: stream length must be direct`);
      let p = lexer.pos;
      if (this.buf[p] === 0x0d) p++;
      if (this.buf[p] === 0x0a) p++;
      const data = this.buf.subarray(p, p + length);
      const after = new Lexer(this.buf, p + length);
      if (after.keyword() !== 'endstream') throw new PdfFormatError(`object ${num}: stream length does not match`);
      obj = { value, stream: data };
    } else {
      lexer.pos = save;
    }
    this.cache.set(num, obj);
    return obj;
  }

  /** Follows a reference (once); other values pass through. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num).value : value;
  }

  dict(value: PdfValue | undefined, what: string): PdfDict {
    const v = this.resolve(value);
    if (!(v instanceof Map)) throw new PdfFormatError(`${what} is not a dictionary`);
    return v;
  }

  /** The decoded bytes of a stream object (FlateDecode or none; PNG predictors undone). */
  streamData(ref: PdfValue | undefined): { dict: PdfDict; data: Buffer } {
    if (!(ref instanceof PdfRef)) throw new PdfFormatError('stream must be referenced indirectly');
    const obj = this.object(ref.num);
    if (!obj.stream || !(obj.value instanceof Map)) throw new PdfFormatError(`object ${ref.num} is not a stream`);
    const dict = obj.value;
    const filter = dict.get('Filter');
    let data: Buffer = obj.stream;
    if (filter instanceof PdfName && filter.name === 'FlateDecode') data = zlib.inflateSync(data);
    else if (filter !== undefined) throw new PdfFormatError(`unsupported stream filter in object ${ref.num}`);
    const parms = this.resolve(dict.get('DecodeParms'));
    if (parms instanceof Map) {
      const predictor = parms.get('Predictor');
      if (typeof predictor === 'number' && predictor >= 10) {
        const colors = (parms.get('Colors') as number | undefined) ?? 1;
        const bpc = (parms.get('BitsPerComponent') as number | undefined) ?? 8;
        const columns = (parms.get('Columns') as number | undefined) ?? 1;
        data = unpredictPng(data, Math.ceil((colors * bpc) / 8), Math.ceil((colors * bpc * columns) / 8));
      }
    }
    return { dict, data };
  }

  /** The page dictionaries in order, with their references. */
  pages(): Array<{ ref: PdfRef; dict: PdfDict }> {
    const root = this.dict(this.trailer.get('Root'), 'Root');
    const out: Array<{ ref: PdfRef; dict: PdfDict }> = [];
    const walk = (ref: PdfValue | undefined, depth: number) => {
      if (!(ref instanceof PdfRef) || depth > 16) throw new PdfFormatError('malformed page tree');
      const node = this.dict(ref, 'page tree node');
      const type = node.get('Type');
      if (type instanceof PdfName && type.name === 'Pages') {
        const kids = this.resolve(node.get('Kids'));
        if (!Array.isArray(kids)) throw new PdfFormatError('page tree node without Kids');
        for (const kid of kids) walk(kid, depth + 1);
      } else if (type instanceof PdfName && type.name === 'Page') {
        out.push({ ref, dict: node });
      } else throw new PdfFormatError('unknown page tree node');
    };
    walk(root.get('Pages'), 0);
    return out;
  }
}

function unpredictPng(data: Buffer, bpp: number, rowBytes: number): Buffer {
  const rows = Math.floor(data.length / (rowBytes + 1));
  const out = Buffer.alloc(rows * rowBytes);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowBytes + 1)]!;
    const src = r * (rowBytes + 1) + 1;
    const dst = r * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowBytes + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowBytes + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0: v = raw; break;
        case 1: v = raw + left; break;
        case 2: v = raw + up; break;
        case 3: v = raw + ((left + up) >> 1); break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
          v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default: throw new PdfFormatError(`bad PNG predictor ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

class Lexer {
  constructor(
    private readonly buf: Buffer,
    public pos: number,
  ) {}

  skipSpace(): void {
    for (;;) {
      const c = this.buf[this.pos];
      if (c === undefined) return;
      if (WHITESPACE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.buf.length && this.buf[this.pos] !== 0x0a && this.buf[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  private regular(): string {
    const start = this.pos;
    while (this.pos < this.buf.length && !WHITESPACE.has(this.buf[this.pos]!) && !DELIMITERS.has(this.buf[this.pos]!)) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  keyword(): string {
    this.skipSpace();
    return this.regular();
  }

  integer(): number {
    const word = this.keyword();
    if (!/^\d+$/.test(word)) throw new PdfFormatError(`expected an integer at ${this.pos}`);
    return Number(word);
  }

  value(depth = 0): PdfValue {
    if (depth > 64) throw new PdfFormatError('nesting too deep');
    this.skipSpace();
    const c = this.buf[this.pos];
    if (c === undefined) throw new PdfFormatError('unexpected end of file');
    if (c === 0x2f) {
      this.pos++;
      return new PdfName(this.regular().replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
    }
    if (c === 0x3c && this.buf[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        const key = this.value(depth + 1);
        if (!(key instanceof PdfName)) throw new PdfFormatError(`dictionary key is not a name at ${this.pos}`);
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (c === 0x3c) {
      const end = this.buf.indexOf(0x3e, this.pos);
      if (end < 0) throw new PdfFormatError('unterminated hex string');
      const hex = this.buf.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'));
    }
    if (c === 0x28) return this.literal();
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.buf[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    const word = this.regular();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // An integer followed by "gen R" is a reference.
      if (/^\d+$/.test(word)) {
        const save = this.pos;
        const gen = this.keyword();
        if (/^\d+$/.test(gen) && this.keyword() === 'R') return new PdfRef(Number(word), Number(gen));
        this.pos = save;
      }
      return Number(word);
    }
    throw new PdfFormatError(`unexpected token '${word}' at ${this.pos}`);
  }

  private literal(): PdfString {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.buf.length) {
      const c = this.buf[this.pos++]!;
      if (c === 0x5c) {
        const n = this.buf[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[n] !== undefined) out.push(simple[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let oct = n - 0x30;
          for (let k = 0; k < 2 && this.buf[this.pos]! >= 0x30 && this.buf[this.pos]! <= 0x37; k++) oct = oct * 8 + (this.buf[this.pos++]! - 0x30);
          out.push(oct & 0xff);
        } else if (n === 0x0d) {
          if (this.buf[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) return new PdfString(Buffer.from(out));
        out.push(c);
      } else out.push(c);
    }
    throw new PdfFormatError('unterminated string');
  }
}
