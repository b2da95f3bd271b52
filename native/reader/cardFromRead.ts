// From the data of a successful read reply to an IdCard with its photo kept as WLT.
import type { IdCard } from '../../src-main/common/domain/idCard';
import { decodeCardText, type CardTextError } from './cardText';
import { decodePhoto, wltPhoto, type PhotoDecoder } from './photo';
import { decodeReadPayload } from './readPayload';

export type CardReadResult = { ok: true; card: IdCard; wlt: Uint8Array } | { ok: false; error: CardTextError };

export function cardFromReadData(data: Uint8Array): CardReadResult {
  const payload = decodeReadPayload(data);
  if (!payload.ok) return { ok: false, error: { code: 'FRAME_PAYLOAD', message: payload.error.message } };
  const text = decodeCardText(payload.value.text);
  if (!text.ok) return text;
  const wlt = payload.value.photo.slice();
  return { ok: true, card: wlt.length > 0 ? { ...text.card, photo: wltPhoto(wlt) } : text.card, wlt };
}

/** As cardFromReadData, then lets a vendor decoder turn the WLT into an image where one is installed. */
export async function cardFromReadDataWithPhoto(data: Uint8Array, decoder?: PhotoDecoder): Promise<CardReadResult> {
  const result = cardFromReadData(data);
  if (!result.ok || !decoder || result.wlt.length === 0) return result;
  return { ...result, card: { ...result.card, photo: await decodePhoto(result.wlt, decoder) } };
}
