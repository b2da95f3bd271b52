import { describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../../../native/reader/hex';
import { SAM_COMMANDS } from '../../../../native/reader/samCommands';
import { decodeRequest, decodeResponse, encodeRequest, encodeResponse, xorChecksum } from '../../../../native/reader/samFrame';
import { KNOWN_SAM_STATUSES, samStatus } from '../../../../native/reader/samStatus';

describe('SAM request frames', () => {
  it('encodes find card exactly as the reference example', () => {
    expect(toHex(encodeRequest(SAM_COMMANDS.find))).toBe('AA AA AA 96 69 00 03 20 01 22');
  });

  it('encodes the other commands with LEN 3 and the XOR of LEN..PARA', () => {
    expect(toHex(encodeRequest(SAM_COMMANDS.reset))).toBe('AA AA AA 96 69 00 03 10 FF EC');
    expect(toHex(encodeRequest(SAM_COMMANDS.status))).toBe('AA AA AA 96 69 00 03 11 FF ED');
    expect(toHex(encodeRequest(SAM_COMMANDS.select))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(toHex(encodeRequest(SAM_COMMANDS.read))).toBe('AA AA AA 96 69 00 03 30 01 32');
  });

  it('decodes the example request back to CMD and PARA', () => {
    const request = decodeRequest(parseHex('AA AA AA 96 69 00 03 20 01 22')!);
    expect(request).toMatchObject({ ok: true, value: { cmd: 0x20, para: 0x01 } });
  });
});

describe('SAM response frames', () => {
  it('decodes a hand-built "no card" reply', () => {
    // LEN 00 04, SW 00 00 80, CHK = 00^04^00^00^80 = 84
    const r = decodeResponse(parseHex('AA AA AA 96 69 00 04 00 00 80 84')!);
    expect(r).toEqual({ ok: true, value: { sw1: 0, sw2: 0, sw3: 0x80, data: new Uint8Array(0) } });
  });

  it('round-trips a reply with data', () => {
    const data = Uint8Array.from([1, 2, 3, 4]);
    const frame = encodeResponse({ sw3: 0x9f, data });
    // CHK = 00^08^00^00^9F^01^02^03^04 = 93
    expect(toHex(frame)).toBe('AA AA AA 96 69 00 08 00 00 9F 01 02 03 04 93');
    const r = decodeResponse(frame);
    expect(r.ok && r.value.sw3).toBe(0x9f);
    expect(r.ok && Array.from(r.value.data)).toEqual([1, 2, 3, 4]);
  });

  it('computes CHK from the LEN high byte to the last data byte', () => {
    const frame = encodeResponse({ sw3: 0x90, data: Uint8Array.from([0xde, 0xad]) });
    expect(frame[frame.length - 1]).toBe(xorChecksum(frame, 5, frame.length - 1));
  });

  it.each([
    ['bad checksum', 'AA AA AA 96 69 00 04 00 00 80 85', 'FRAME_CHECKSUM'],
    ['truncated', 'AA AA AA 96 69 00 04 00 00', 'FRAME_TRUNCATED'],
    ['no preamble', 'AA AA 96 69 00 04 00 00 80 84', 'FRAME_PREAMBLE'],
    ['LEN too small', 'AA AA AA 96 69 00 01 01', 'FRAME_LENGTH'],
    ['LEN too large', 'AA AA AA 96 69 FF FF 00', 'FRAME_LENGTH'],
    ['bytes after the frame', 'AA AA AA 96 69 00 04 00 00 80 84 00', 'FRAME_TRAILING'],
    ['a request, not a response', 'AA AA AA 96 69 00 03 20 01 22', 'FRAME_IS_REQUEST'],
  ])('refuses a frame with %s', (_what, hex, code) => {
    const r = decodeResponse(parseHex(hex)!);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe(code);
  });

  it('names the command when given a request to decode as a response', () => {
    const r = decodeResponse(parseHex('AA AA AA 96 69 00 03 20 01 22')!);
    expect(!r.ok && r.error.message).toContain('find card');
  });
});

describe('SW3 status table', () => {
  it('maps statuses to stable codes and contract error codes', () => {
    expect(samStatus(0x90)).toMatchObject({ code: 'OK', hex: '90' });
    expect(samStatus(0x9f)).toMatchObject({ code: 'CARD_FOUND' });
    expect(samStatus(0x80)).toMatchObject({ code: 'NO_CARD', zh: expect.stringContaining('无卡') });
    expect(samStatus(0x80).errorCode).toBeUndefined();
    for (const sw3 of [0x41, 0x31, 0x32, 0x33]) expect(samStatus(sw3).errorCode).toBe('CARD_UNREADABLE');
    expect(samStatus(0x40).errorCode).toBe('CARD_UNSUPPORTED');
    expect(samStatus(0x60).errorCode).toBe('READER_UNAVAILABLE');
  });

  it('answers an unknown SW3 by its hex value', () => {
    expect(samStatus(0x77)).toMatchObject({ code: 'SAM_STATUS_77', hex: '77', errorCode: 'READER_UNAVAILABLE' });
  });

  it('has Chinese and English text for every known status', () => {
    for (const s of KNOWN_SAM_STATUSES) {
      expect(s.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.en).toMatch(/[a-z]/);
    }
  });
});

describe('hex', () => {
  it('accepts spaces, 0x prefixes and either case; refuses odd lengths and non-hex', () => {
    expect(Array.from(parseHex('0xAA aa:96')!)).toEqual([0xaa, 0xaa, 0x96]);
    expect(parseHex('AAA')).toBeNull();
    expect(parseHex('ZZ')).toBeNull();
    expect(parseHex('')).toBeNull();
  });
});
