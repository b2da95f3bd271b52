// The data of a successful read (30 01 / 30 10) after SW3:
//   textLen (2, BE) | photoLen (2, BE) [| fingerprintLen (2, BE)] | text | photo [| fingerprint]
import { frameError, type Decoded } from './samFrame';

export const CARD_TEXT_LENGTH = 256;

export interface ReadPayload {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

/** Two or three length fields: whichever makes the sizes add up exactly. */
export function decodeReadPayload(data: Uint8Array): Decoded<ReadPayload> {
  if (data.length < 4) return frameError('FRAME_PAYLOAD', `read data of ${data.length} bytes has no length fields`);
  const textLen = (data[0]! << 8) | data[1]!;
  const photoLen = (data[2]! << 8) | data[3]!;
  if (4 + textLen + photoLen === data.length) {
    return checkText({ text: data.subarray(4, 4 + textLen), photo: data.subarray(4 + textLen) });
  }
  if (data.length >= 6) {
    const fpLen = (data[4]! << 8) | data[5]!;
    if (6 + textLen + photoLen + fpLen === data.length) {
      const photoEnd = 6 + textLen + photoLen;
      return checkText({ text: data.subarray(6, 6 + textLen), photo: data.subarray(6 + textLen, photoEnd), fingerprint: data.subarray(photoEnd) });
    }
  }
  return frameError(
    'FRAME_PAYLOAD',
    `read data of ${data.length} bytes does not match its lengths (text ${textLen}, photo ${photoLen})`,
  );
}

function checkText(payload: ReadPayload): Decoded<ReadPayload> {
  if (payload.text.length !== CARD_TEXT_LENGTH) {
    return frameError('FRAME_PAYLOAD', `card text is ${payload.text.length} bytes, expected ${CARD_TEXT_LENGTH}`);
  }
  return { ok: true, value: payload };
}

export function encodeReadPayload(payload: ReadPayload): Uint8Array {
  const fp = payload.fingerprint;
  const head = fp ? 6 : 4;
  const out = new Uint8Array(head + payload.text.length + payload.photo.length + (fp?.length ?? 0));
  out[0] = payload.text.length >> 8;
  out[1] = payload.text.length & 0xff;
  out[2] = payload.photo.length >> 8;
  out[3] = payload.photo.length & 0xff;
  if (fp) {
    out[4] = fp.length >> 8;
    out[5] = fp.length & 0xff;
  }
  out.set(payload.text, head);
  out.set(payload.photo, head + payload.text.length);
  if (fp) out.set(fp, head + payload.text.length + payload.photo.length);
  return out;
}
