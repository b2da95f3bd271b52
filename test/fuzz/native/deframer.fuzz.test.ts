import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deframer, type DeframerOutput } from '../../../native/reader/deframer';
import { decodeResponse, encodeResponse, HEADER_LENGTH, MAX_LEN } from '../../../native/reader/samFrame';

/** Cuts bytes at the given points (any order, duplicates allowed). */
function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(from, p));
    from = p;
  }
  return pieces;
}

function feed(d: Deframer, pieces: Uint8Array[]): DeframerOutput[] {
  return pieces.flatMap((p) => d.push(p));
}

const anyFrame = fc
  .record({ sw1: fc.integer({ min: 0, max: 255 }), sw2: fc.integer({ min: 0, max: 255 }), sw3: fc.integer({ min: 0, max: 255 }), data: fc.uint8Array({ maxLength: 1400 }) })
  .map((r) => encodeResponse(r));

/** Noise that cannot start a preamble (0xAA-free), so it cannot swallow the frame after it. */
const noise = fc.uint8Array({ maxLength: 64 }).map((b) => b.map((x) => (x === 0xaa ? 0x55 : x)));

describe('Deframer (property-based)', () => {
  it('never throws, whatever bytes arrive in whatever pieces, and stays within its buffer', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 40 }), (chunks) => {
        const d = new Deframer();
        for (const chunk of chunks) {
          for (const out of d.push(chunk)) {
            // Everything it calls a frame really is one.
            if (out.type === 'frame') expect(decodeResponse(out.frame).ok).toBe(true);
          }
          expect(d.buffered).toBeLessThanOrEqual(HEADER_LENGTH + MAX_LEN);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on streams rich in preambles and plausible lengths', () => {
    const tricky = fc.array(
      fc.oneof(
        fc.constant(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69])),
        fc.constant(Uint8Array.from([0xaa, 0xaa])),
        fc.uint8Array({ minLength: 2, maxLength: 2 }),
        fc.constant(Uint8Array.from([0x00, 0x04, 0x00, 0x00, 0x80, 0x84])),
        fc.uint8Array({ maxLength: 8 }),
      ),
      { maxLength: 200 },
    );
    fc.assert(
      fc.property(tricky, (parts) => {
        const d = new Deframer();
        for (const p of parts) d.push(p);
        expect(d.buffered).toBeLessThanOrEqual(HEADER_LENGTH + MAX_LEN);
      }),
      { numRuns: 500 },
    );
  });

  it('gives back every valid frame exactly, split at any points, after any preamble-free noise', () => {
    fc.assert(
      fc.property(noise, anyFrame, fc.array(fc.nat(), { maxLength: 12 }), (junk, frame, cuts) => {
        const stream = new Uint8Array(junk.length + frame.length);
        stream.set(junk);
        stream.set(frame, junk.length);
        const out = feed(new Deframer(), splitAt(stream, cuts));
        expect(out).toEqual([{ type: 'frame', frame }]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back a run of frames in order, split at any points', () => {
    fc.assert(
      fc.property(fc.array(anyFrame, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 20 }), (frames, cuts) => {
        const stream = Uint8Array.from(frames.flatMap((f) => Array.from(f)));
        const out = feed(new Deframer(), splitAt(stream, cuts));
        expect(out).toEqual(frames.map((frame) => ({ type: 'frame', frame })));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a frame with any single corrupted byte after the preamble, and recovers for the next', () => {
    fc.assert(
      fc.property(anyFrame, fc.nat(), fc.integer({ min: 1, max: 255 }), (frame, at, flip) => {
        const bad = frame.slice();
        const i = 5 + (at % (frame.length - 5));
        bad[i] = bad[i]! ^ flip;
        const good = encodeResponse({ sw3: 0x90 });
        const d = new Deframer();
        const out = [...d.push(bad), ...d.push(good)];
        // A corrupted LEN may make the de-framer wait for more bytes; a reset (the loop's timeout) then clears it.
        const frames = out.filter((o) => o.type === 'frame');
        expect(frames.every((o) => o.type === 'frame' && decodeResponse(o.frame).ok)).toBe(true);
        expect(frames.some((o) => o.type === 'frame' && o.frame.length === bad.length && o.frame.every((b, j) => b === bad[j]))).toBe(false);
        d.reset();
        expect(d.push(good)).toEqual([{ type: 'frame', frame: good }]);
      }),
      { numRuns: 300 },
    );
  });
});
