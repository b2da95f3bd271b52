import { describe, expect, it } from 'vitest';
import type { IdCard } from '../../../../src-main/common/domain/idCard';
import { cardTypeOf, decodeCardText, encodeCardText, formatCardDate } from '../../../../native/reader/cardText';
import { nationCode, nationName, NATION_CODES } from '../../../../native/reader/nationCodes';
import { sexName } from '../../../../native/reader/sexCodes';
import {
  SAMPLE_CARDS,
  SAMPLE_FOREIGN_2017_CARD,
  SAMPLE_FOREIGN_2023_CARD,
  SAMPLE_HMT_CARD,
  SAMPLE_RESIDENT_CARD,
} from '../../../../native/reader/simulator/sampleCards';

/** A 256-byte text built by hand from the reference's byte offsets (not from the encoder's tables). */
function handBuilt(fields: Record<number, string>): Uint8Array {
  const text = new Uint8Array(256);
  for (let i = 0; i < 256; i += 2) text[i] = 0x20;
  for (const [offset, value] of Object.entries(fields)) text.set(Buffer.from(value, 'utf16le'), Number(offset));
  return text;
}

function decoded(text: Uint8Array): IdCard {
  const r = decodeCardText(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.card;
}

describe('resident card text (marker " ")', () => {
  const text = handBuilt({
    0: '张三',
    30: '2',
    32: '01',
    36: '19491231',
    52: '北京市朝阳区示例路1号',
    122: '11010519491231002X',
    158: '北京市公安局朝阳分局',
    188: '20150101',
    204: '长期',
    248: ' ',
  });

  it('decodes every field of a hand-built vector', () => {
    const card = decoded(text);
    expect(card.type).toBe('resident');
    expect(card.name).toBe('张三');
    expect(card.sexCode).toBe('2');
    expect(card.sex).toBe('女');
    expect(card.nationCode).toBe('01');
    expect(card.nation).toBe('汉');
    expect(card.birthDate).toBe('1949-12-31');
    expect(card.address).toBe('北京市朝阳区示例路1号');
    expect(card.idNumber).toBe('11010519491231002X');
    expect(card.idNumberValid).toBe(true);
    expect(card.issuer).toBe('北京市公安局朝阳分局');
    expect(card.validFrom).toBe('2015-01-01');
    expect(card.validTo).toBe('长期');
    expect(card.passNumber).toBeUndefined();
  });

  it('is what the encoder writes for the same card, byte for byte', () => {
    expect(Buffer.from(encodeCardText(SAMPLE_RESIDENT_CARD))).toEqual(Buffer.from(text));
  });

  it('flags an ID number whose check character is wrong', () => {
    const card = decoded(handBuilt({ 0: '李四', 30: '1', 32: '03', 122: '110105194912310021', 248: ' ' }));
    expect(card.idNumberValid).toBe(false);
    expect(card.nation).toBe('回');
  });

  it('reads an older card whose reserved area is zeros as a resident card', () => {
    const text = handBuilt({ 0: '王五', 122: '11010519491231002X' });
    text[248] = 0;
    expect(cardTypeOf(text)).toBe('resident');
  });
});

describe('Hong Kong / Macao / Taiwan residence permit (marker "J")', () => {
  const text = handBuilt({
    0: '陈大文',
    30: '1',
    36: '19940823',
    52: '香港特别行政区',
    122: '810000199408230013',
    158: '公安部出入境管理局',
    188: '20190301',
    204: '20240301',
    220: 'H12345678',
    238: '01',
    248: 'J',
  });

  it('decodes every field, with the pass number and issue count and no nation', () => {
    const card = decoded(text);
    expect(card.type).toBe('hmt-residence-permit');
    expect(card.name).toBe('陈大文');
    expect(card.sex).toBe('男');
    expect(card.nation).toBeUndefined();
    expect(card.nationCode).toBeUndefined();
    expect(card.birthDate).toBe('1994-08-23');
    expect(card.address).toBe('香港特别行政区');
    expect(card.idNumber).toBe('810000199408230013');
    expect(card.idNumberValid).toBe(true);
    expect(card.issuer).toBe('公安部出入境管理局');
    expect(card.validFrom).toBe('2019-03-01');
    expect(card.validTo).toBe('2024-03-01');
    expect(card.passNumber).toBe('H12345678');
    expect(card.issueCount).toBe('01');
  });

  it('is what the encoder writes', () => {
    expect(Buffer.from(encodeCardText(SAMPLE_HMT_CARD))).toEqual(Buffer.from(text));
  });
});

describe('foreign permanent resident card, 2017 (marker "I")', () => {
  const text = handBuilt({
    0: 'SMITH, JOHN',
    120: '1',
    122: 'USA370580051712',
    152: 'USA',
    158: '史密斯',
    188: '20180601',
    204: '20280601',
    220: '19800517',
    236: '01',
    240: '1100',
    248: 'I',
  });

  it('decodes every field', () => {
    const card = decoded(text);
    expect(card.type).toBe('foreign-permanent-2017');
    expect(card.nameEn).toBe('SMITH, JOHN');
    expect(card.sex).toBe('男');
    expect(card.idNumber).toBe('USA370580051712');
    expect(card.idNumberValid).toBe(true);
    expect(card.nationality).toBe('USA');
    expect(card.name).toBe('史密斯');
    expect(card.validFrom).toBe('2018-06-01');
    expect(card.validTo).toBe('2028-06-01');
    expect(card.birthDate).toBe('1980-05-17');
    expect(card.cardVersion).toBe('01');
    expect(card.issuer).toBe('1100');
    expect(card.address).toBeUndefined();
  });

  it('is what the encoder writes', () => {
    expect(Buffer.from(encodeCardText(SAMPLE_FOREIGN_2017_CARD))).toEqual(Buffer.from(text));
  });

  it('accepts a card without a Chinese name', () => {
    expect(decoded(handBuilt({ 0: 'DOE, JANE', 120: '2', 248: 'I' })).name).toBe('');
  });
});

describe('foreign permanent resident card, 2023 (marker "Y")', () => {
  // 42 characters: 35 in part 1 (bytes 52..121), the rest in part 2 (bytes 220..241).
  const nameEn = 'MARTIN, MARIE CLAIRE ANNE-SOPHIE ELISABETH';
  const text = handBuilt({
    0: '玛丽',
    30: '2',
    32: '00',
    36: '19900214',
    52: nameEn.slice(0, 35),
    122: '937250199002140024',
    188: '20231201',
    204: '20331201',
    220: nameEn.slice(35),
    242: 'FRA',
    248: 'Y',
  });

  it('decodes every field and joins the two parts of the English name', () => {
    const card = decoded(text);
    expect(card.type).toBe('foreign-permanent-2023');
    expect(card.name).toBe('玛丽');
    expect(card.sex).toBe('女');
    expect(card.renewalCount).toBe('00');
    expect(card.birthDate).toBe('1990-02-14');
    expect(card.nameEn).toBe(nameEn);
    expect(card.idNumber).toBe('937250199002140024');
    expect(card.idNumberValid).toBe(true);
    expect(card.validFrom).toBe('2023-12-01');
    expect(card.validTo).toBe('2033-12-01');
    expect(card.nationality).toBe('FRA');
  });

  it('is what the encoder writes', () => {
    expect(Buffer.from(encodeCardText(SAMPLE_FOREIGN_2023_CARD))).toEqual(Buffer.from(text));
  });
});

describe('encoder and decoder together', () => {
  it.each(SAMPLE_CARDS.map((c) => [c.type, c] as const))('round-trips the sample %s card', (_type, card) => {
    expect(decoded(encodeCardText(card))).toEqual(card);
  });

  it('refuses a field too long for its place on the card', () => {
    expect(() => encodeCardText({ ...SAMPLE_RESIDENT_CARD, name: '很'.repeat(16) })).toThrow(/name/);
  });

  it('refuses an unknown card type marker', () => {
    const r = decodeCardText(handBuilt({ 248: 'Q' }));
    expect(r).toMatchObject({ ok: false, error: { code: 'CARD_UNSUPPORTED' } });
  });

  it('refuses a text that is not 256 bytes', () => {
    expect(decodeCardText(new Uint8Array(100))).toMatchObject({ ok: false, error: { code: 'FRAME_PAYLOAD' } });
  });
});

describe('code tables', () => {
  it('knows all 56 groups plus 97 and 98', () => {
    expect(NATION_CODES.size).toBe(58);
    expect(nationName('56')).toBe('基诺');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeUndefined();
    expect(nationCode('蒙古族')).toBe('02');
    expect(nationCode('土家')).toBe('15');
  });

  it('names sex codes and dates', () => {
    expect([sexName('0'), sexName('1'), sexName('2'), sexName('9'), sexName('x')]).toEqual(['未知', '男', '女', '未说明', '未知']);
    expect(formatCardDate('20240229')).toBe('2024-02-29');
    expect(formatCardDate('长期')).toBe('长期');
  });
});
