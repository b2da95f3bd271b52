import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_TYPES, type IdCard } from '../../../src-main/common/domain/idCard';
import { cardFromReadData } from '../../../native/reader/cardFromRead';
import { decodeCardText, encodeCardText } from '../../../native/reader/cardText';
import { parseHex } from '../../../native/reader/hex';
import { decodeReadPayload } from '../../../native/reader/readPayload';
import { decodeRequest, decodeResponse } from '../../../native/reader/samFrame';
import { decodeFeatureSegment } from '../../../native/reader/transports/featureLength';
import { createPacketReplyUnwrapper, decodePacketRequest } from '../../../native/reader/transports/packet64';

describe('parsers of outside bytes never throw', () => {
  it.each([
    ['decodeResponse', decodeResponse],
    ['decodeRequest', decodeRequest],
    ['decodeReadPayload', decodeReadPayload],
    ['cardFromReadData', cardFromReadData],
    ['decodeCardText', decodeCardText],
    ['decodePacketRequest', decodePacketRequest],
    ['decodeFeatureSegment', decodeFeatureSegment],
  ] as const)('%s', (_name, parse) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1500 }), (bytes) => void parse(bytes)), { numRuns: 300 });
  });

  it('decodeCardText on any 256 bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (bytes) => void decodeCardText(bytes)), { numRuns: 500 });
  });

  it('the packet reply unwrapper', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 })), (reports) => {
        const u = createPacketReplyUnwrapper();
        for (const r of reports) u.push(r);
      }),
    );
  });

  it('parseHex', () => {
    fc.assert(fc.property(fc.string(), (s) => void parseHex(s)));
  });
});

// Text that fits a card field: no padding characters at the ends (they are trimmed), at most n characters.
const fieldText = (chars: string, max: number) =>
  fc
    .array(fc.constantFrom(...chars), { maxLength: max })
    .map((a) => a.join('').trim());
const date = fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const han = '张王李赵陈刘杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const latin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ ,-';

describe('card text encode → decode (property-based)', () => {
  it('round-trips any card whose fields fit', () => {
    const card = fc.record({
      type: fc.constantFrom(...CARD_TYPES),
      name: fieldText(han, 15),
      nameEn: fieldText(latin, 46),
      sexCode: fc.constantFrom('0', '1', '2', '9'),
      birthDate: date,
      address: fieldText(han + '0123456789号', 35),
      idNumber: fieldText('0123456789X', 15),
      issuer: fieldText(han, 4),
      validFrom: date,
      validTo: fc.oneof(date, fc.constant('长期')),
    });
    fc.assert(
      fc.property(card, (c) => {
        const input: IdCard = { ...c, sex: '', idNumberValid: false };
        const r = decodeCardText(encodeCardText(input));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.card.type).toBe(c.type);
        expect(r.card.sexCode).toBe(c.sexCode);
        expect(r.card.birthDate).toBe(c.birthDate);
        expect(r.card.validTo).toBe(c.validTo);
        expect(r.card.idNumber).toBe(c.idNumber);
        expect(r.card.name).toBe(c.name);
        if (c.type.startsWith('foreign')) expect(r.card.nameEn).toBe(c.nameEn);
        else expect(r.card.address).toBe(c.address);
      }),
      { numRuns: 300 },
    );
  });
});
