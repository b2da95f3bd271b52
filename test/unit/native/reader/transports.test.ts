import { describe, expect, it } from 'vitest';
import { parseHex, toHex } from '../../../../native/reader/hex';
import { SAM_COMMANDS } from '../../../../native/reader/samCommands';
import { encodeRequest, encodeResponse } from '../../../../native/reader/samFrame';
import { decodeFeatureSegment, encodeFeatureSegments } from '../../../../native/reader/transports/featureLength';
import {
  createPacketReplyUnwrapper,
  decodePacketRequest,
  encodePacketReplies,
  encodePacketRequest,
} from '../../../../native/reader/transports/packet64';
import { splitIntoReports } from '../../../../native/reader/transports/transport';

const FIND = parseHex('AA AA AA 96 69 00 03 20 01 22')!;

describe('packet64 (Miaxis 10C4:0007)', () => {
  it('wraps a request as 88 00 00 | len LE | B1 | frame | sum16 LE', () => {
    // len = 1 + 10 = 0x0B; sum16 from byte 3: 0B+00+B1+AA*3+96+69+00+03+20+01+22 = 0x3FF
    expect(toHex(encodePacketRequest(FIND))).toBe('88 00 00 0B 00 B1 AA AA AA 96 69 00 03 20 01 22 FF 03');
    expect(decodePacketRequest(encodePacketRequest(FIND))).toEqual({ ok: true, value: FIND });
  });

  it('refuses a request whose sum is wrong', () => {
    const bad = encodePacketRequest(FIND);
    bad[bad.length - 2] = bad[bad.length - 2]! ^ 1;
    expect(decodePacketRequest(bad)).toMatchObject({ ok: false, error: { code: 'FRAME_CHECKSUM' } });
  });

  it('sends a 1295-byte reply in ceil((LEN+7)/54) = 24 packets of 64 bytes', () => {
    const reply = encodeResponse({ sw3: 0x90, data: new Uint8Array(1284) });
    const packets = encodePacketReplies(reply);
    expect(packets).toHaveLength(Math.ceil(1295 / 54));
    expect(packets.every((p) => p.length === 64 && p[0] === 0xaa)).toBe(true);
    expect([packets[1]![1], packets[1]![2]]).toEqual([0, 1]);
    const unwrap = createPacketReplyUnwrapper();
    const joined = packets.flatMap((p) => Array.from(unwrap.push(p) ?? []));
    expect(Uint8Array.from(joined.slice(0, reply.length))).toEqual(reply);
  });

  it('drops a reply whose packets arrive out of sequence', () => {
    const packets = encodePacketReplies(encodeResponse({ sw3: 0x90, data: new Uint8Array(200) }));
    const unwrap = createPacketReplyUnwrapper();
    expect(unwrap.push(packets[0]!)).not.toBeNull();
    expect(unwrap.push(packets[2]!)).toBeNull();
    expect(unwrap.push(packets[3]!)).toBeNull();
  });
});

describe('feature-length reports', () => {
  it('strips the preamble and prefixes a big-endian length', () => {
    const [seg] = encodeFeatureSegments(FIND.subarray(5), 64);
    expect(toHex(seg!.subarray(0, 7))).toBe('00 05 00 03 20 01 22');
    expect(toHex(decodeFeatureSegment(seg!)!)).toBe('00 03 20 01 22');
  });

  it('reads a zero length as "not ready" and an impossible length as nothing', () => {
    expect(decodeFeatureSegment(new Uint8Array(64))).toBeNull();
    expect(decodeFeatureSegment(Uint8Array.from([0x01, 0x00, 1, 2, 3]))).toBeNull();
  });
});

describe('raw interrupt reports', () => {
  it('splits a frame into zero-padded 64-byte reports', () => {
    const reports = splitIntoReports(encodeRequest(SAM_COMMANDS.read), 64);
    expect(reports).toHaveLength(1);
    expect(toHex(reports[0]!.subarray(0, 11))).toBe('AA AA AA 96 69 00 03 30 01 32 00');
  });
});
