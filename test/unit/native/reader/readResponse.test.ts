import { describe, expect, it } from 'vitest';
import { cardFromReadData, cardFromReadDataWithPhoto } from '../../../../native/reader/cardFromRead';
import { encodeCardText } from '../../../../native/reader/cardText';
import { summarisePhoto, type PhotoDecoder } from '../../../../native/reader/photo';
import { decodeReadPayload, encodeReadPayload } from '../../../../native/reader/readPayload';
import { decodeResponse, encodeResponse } from '../../../../native/reader/samFrame';
import { SAMPLE_RESIDENT_CARD } from '../../../../native/reader/simulator/sampleCards';

const text = encodeCardText(SAMPLE_RESIDENT_CARD);
const photo = new Uint8Array(1024).fill(0x5a);

describe('read reply (30 01)', () => {
  it('is 1295 bytes with LEN 0x0508 and lengths 0x0100 / 0x0400', () => {
    const frame = encodeResponse({ sw3: 0x90, data: encodeReadPayload({ text, photo }) });
    expect(frame.length).toBe(1295);
    expect([frame[5], frame[6]]).toEqual([0x05, 0x08]);
    expect(Array.from(frame.subarray(10, 14))).toEqual([0x01, 0x00, 0x04, 0x00]);
  });

  it('decodes to the card with its photo kept as WLT', () => {
    const frame = encodeResponse({ sw3: 0x90, data: encodeReadPayload({ text, photo }) });
    const response = decodeResponse(frame);
    if (!response.ok) throw new Error(response.error.message);
    const result = cardFromReadData(response.value.data);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.card).toMatchObject({ name: '张三', idNumber: '11010519491231002X', photo: { format: 'wlt', decoded: false } });
    expect(summarisePhoto(result.card.photo)).toEqual({ format: 'wlt', decoded: false, bytes: 1024 });
  });

  it('also reads the three-length layout of 30 10 (with fingerprints)', () => {
    const data = encodeReadPayload({ text, photo, fingerprint: new Uint8Array(1024) });
    const payload = decodeReadPayload(data);
    expect(payload.ok && payload.value.fingerprint?.length).toBe(1024);
  });

  it('refuses read data whose lengths do not add up', () => {
    const data = encodeReadPayload({ text, photo }).subarray(0, 900);
    expect(decodeReadPayload(data)).toMatchObject({ ok: false, error: { code: 'FRAME_PAYLOAD' } });
  });

  it('lets a vendor photo decoder replace the WLT, and falls back to WLT when it fails', async () => {
    const data = encodeReadPayload({ text, photo });
    const works: PhotoDecoder = { decode: async () => ({ format: 'bmp', bytes: Uint8Array.of(0x42, 0x4d) }) };
    const throws: PhotoDecoder = {
      decode: async () => {
        throw new Error('licence');
      },
    };
    const good = await cardFromReadDataWithPhoto(data, works);
    expect(good.ok && good.card.photo).toEqual({ format: 'bmp', decoded: true, data: 'Qk0=' });
    const bad = await cardFromReadDataWithPhoto(data, throws);
    expect(bad.ok && bad.card.photo?.format).toBe('wlt');
  });
});
