// Streaming de-framer: bytes arrive in arbitrary pieces (HID reports, serial reads);
// whole, checked frames come out. Garbage before a preamble is skipped, a bad
// checksum or impossible LEN yields an error object and a resync one byte further
// on. Memory is one fixed buffer of the largest allowed frame. Never throws.
import { HEADER_LENGTH, MAX_LEN, MIN_RESPONSE_LEN, PREAMBLE, xorChecksum, type FrameError } from './samFrame';

export type DeframerOutput = { type: 'frame'; frame: Uint8Array } | { type: 'error'; error: FrameError };

export interface DeframerOptions {
  /** Smallest LEN accepted: 4 for responses (SW1 SW2 SW3 CHK), 3 for requests. */
  minLen?: number;
  /** Largest LEN accepted; also fixes the buffer size. */
  maxLen?: number;
}

export interface DeframerStats {
  frames: number;
  errors: number;
  /** Bytes skipped while looking for a preamble. */
  garbageBytes: number;
}

const P0 = PREAMBLE[0]!;

export class Deframer {
  private readonly minLen: number;
  private readonly maxLen: number;
  private readonly buf: Uint8Array;
  private start = 0;
  private end = 0;
  readonly stats: DeframerStats = { frames: 0, errors: 0, garbageBytes: 0 };

  constructor(options: DeframerOptions = {}) {
    this.minLen = Math.max(3, options.minLen ?? MIN_RESPONSE_LEN);
    this.maxLen = Math.max(this.minLen, Math.min(0xffff, options.maxLen ?? MAX_LEN));
    this.buf = new Uint8Array(HEADER_LENGTH + this.maxLen);
  }

  /** Bytes held back waiting for the rest of a frame (at most one frame's worth). */
  get buffered(): number {
    return this.end - this.start;
  }

  /** Drops a partial frame, e.g. after an exchange timed out. */
  reset(): void {
    this.start = 0;
    this.end = 0;
  }

  push(chunk: Uint8Array): DeframerOutput[] {
    const out: DeframerOutput[] = [];
    let offset = 0;
    // Feed the chunk in pieces that fit the fixed buffer, parsing after each.
    while (offset < chunk.length) {
      if (this.end === this.buf.length || (this.start > 0 && this.end + (chunk.length - offset) > this.buf.length)) this.compact();
      const room = this.buf.length - this.end;
      if (room === 0) {
        // Unreachable after parse() (a full buffer always holds a whole frame), but never spin.
        this.reset();
        continue;
      }
      const n = Math.min(room, chunk.length - offset);
      this.buf.set(chunk.subarray(offset, offset + n), this.end);
      this.end += n;
      offset += n;
      this.parse(out);
    }
    return out;
  }

  private compact(): void {
    if (this.start === 0) return;
    this.buf.copyWithin(0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
  }

  private parse(out: DeframerOutput[]): void {
    const buf = this.buf;
    for (;;) {
      const at = this.findPreamble();
      if (at < 0) {
        // Keep a tail that may be the beginning of a preamble split across pieces.
        const keep = this.preamblePrefixTail();
        this.stats.garbageBytes += this.end - keep - this.start;
        this.start = this.end - keep;
        if (this.start === this.end) this.start = this.end = 0;
        return;
      }
      this.stats.garbageBytes += at - this.start;
      this.start = at;
      if (this.end - this.start < HEADER_LENGTH) return;
      const len = (buf[this.start + 5]! << 8) | buf[this.start + 6]!;
      if (len < this.minLen || len > this.maxLen) {
        this.fail(out, 'FRAME_LENGTH', `impossible LEN ${len} (expected ${this.minLen}..${this.maxLen}); resynchronising`);
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.end - this.start < total) return;
      const chk = xorChecksum(buf, this.start + 5, this.start + total - 1);
      if (chk !== buf[this.start + total - 1]) {
        this.fail(out, 'FRAME_CHECKSUM', `bad checksum in a frame of LEN ${len}; resynchronising`);
        continue;
      }
      out.push({ type: 'frame', frame: buf.slice(this.start, this.start + total) });
      this.stats.frames++;
      this.start += total;
    }
  }

  /** Reports an error and moves one byte past the false or broken preamble. */
  private fail(out: DeframerOutput[], code: FrameError['code'], message: string): void {
    out.push({ type: 'error', error: { code, message } });
    this.stats.errors++;
    this.stats.garbageBytes += 1;
    this.start += 1;
  }

  private findPreamble(): number {
    const buf = this.buf;
    const last = this.end - PREAMBLE.length;
    for (let i = this.start; i <= last; i++) {
      if (buf[i] !== P0) continue;
      if (buf[i + 1] === 0xaa && buf[i + 2] === 0xaa && buf[i + 3] === 0x96 && buf[i + 4] === 0x69) return i;
    }
    return -1;
  }

  private preamblePrefixTail(): number {
    const avail = this.end - this.start;
    for (let keep = Math.min(PREAMBLE.length - 1, avail); keep > 0; keep--) {
      let match = true;
      for (let j = 0; j < keep; j++) {
        if (this.buf[this.end - keep + j] !== PREAMBLE[j]) {
          match = false;
          break;
        }
      }
      if (match) return keep;
    }
    return 0;
  }
}
