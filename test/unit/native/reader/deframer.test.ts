import { describe, expect, it } from 'vitest';
import { Deframer, type DeframerOutput } from '../../../../native/reader/deframer';
import { parseHex, toHex } from '../../../../native/reader/hex';
import { encodeResponse, HEADER_LENGTH, MAX_LEN } from '../../../../native/reader/samFrame';

const NO_CARD = parseHex('AA AA AA 96 69 00 04 00 00 80 84')!;
const frames = (out: DeframerOutput[]): string[] => out.flatMap((o) => (o.type === 'frame' ? [toHex(o.frame)] : []));
const errors = (out: DeframerOutput[]): string[] => out.flatMap((o) => (o.type === 'error' ? [o.error.code] : []));

describe('Deframer', () => {
  it('gives a frame fed one byte at a time once its last byte arrives', () => {
    const d = new Deframer();
    const out: DeframerOutput[] = [];
    for (const b of NO_CARD) out.push(...d.push(Uint8Array.of(b)));
    expect(frames(out)).toEqual([toHex(NO_CARD)]);
    expect(d.buffered).toBe(0);
  });

  it('skips garbage before the preamble, including a preamble look-alike', () => {
    const d = new Deframer();
    const out = d.push(Uint8Array.from([0x00, 0xaa, 0xaa, 0x96, 0x13, 0xaa, ...NO_CARD]));
    expect(frames(out)).toEqual([toHex(NO_CARD)]);
    expect(errors(out)).toEqual([]);
    expect(d.stats.garbageBytes).toBe(6);
  });

  it('keeps a preamble split across two pushes', () => {
    const d = new Deframer();
    expect(d.push(Uint8Array.from([0x01, 0x02, 0xaa, 0xaa]))).toEqual([]);
    expect(frames(d.push(NO_CARD.subarray(2)))).toEqual([toHex(NO_CARD)]);
  });

  it('reports a bad checksum and finds the next good frame', () => {
    const bad = NO_CARD.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0xff;
    const d = new Deframer();
    const out = d.push(Uint8Array.from([...bad, ...NO_CARD]));
    expect(errors(out)).toEqual(['FRAME_CHECKSUM']);
    expect(frames(out)).toEqual([toHex(NO_CARD)]);
  });

  it('reports an impossible LEN without waiting for bytes that will never come', () => {
    const d = new Deframer();
    const out = d.push(Uint8Array.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff, ...NO_CARD]));
    expect(errors(out)).toEqual(['FRAME_LENGTH']);
    expect(frames(out)).toEqual([toHex(NO_CARD)]);
  });

  it('refuses LEN 3 for responses (they carry three status bytes) but accepts it for requests', () => {
    const find = parseHex('AA AA AA 96 69 00 03 20 01 22')!;
    expect(errors(new Deframer().push(find))).toEqual(['FRAME_LENGTH']);
    expect(frames(new Deframer({ minLen: 3 }).push(find))).toEqual([toHex(find)]);
  });

  it('gives several frames from one push, in order', () => {
    const a = encodeResponse({ sw3: 0x90 });
    const b = encodeResponse({ sw3: 0x9f, data: new Uint8Array(4) });
    expect(frames(new Deframer().push(Uint8Array.from([...a, ...b])))).toEqual([toHex(a), toHex(b)]);
  });

  it('handles a chunk much larger than its buffer with bounded memory', () => {
    const frame = encodeResponse({ sw3: 0x90, data: new Uint8Array(1288) });
    const many = new Uint8Array(frame.length * 20 + 5000);
    for (let i = 0; i < 20; i++) many.set(frame, 5000 + i * frame.length);
    const d = new Deframer();
    expect(frames(d.push(many))).toHaveLength(20);
    expect(d.buffered).toBeLessThanOrEqual(HEADER_LENGTH + MAX_LEN);
  });

  it('forgets a partial frame on reset()', () => {
    const d = new Deframer();
    d.push(NO_CARD.subarray(0, 8));
    d.reset();
    expect(d.push(NO_CARD.subarray(8))).toEqual([]);
    expect(frames(d.push(NO_CARD))).toHaveLength(1);
  });
});
