// The card photo is WLT, encrypted; no open decoder exists. We keep the bytes and
// let a vendor library, where licensed, plug in through PhotoDecoder.
import type { CardPhoto } from '../../src-main/common/domain/idCard';

export const WLT_PHOTO_LENGTH = 1024;

export interface DecodedPhoto {
  format: 'bmp' | 'jpeg';
  bytes: Uint8Array;
}

export interface PhotoDecoder {
  /** Returns null when the library cannot decode (wrong SAM licence, corrupt bytes). */
  decode(wlt: Uint8Array): Promise<DecodedPhoto | null>;
}

export function wltPhoto(wlt: Uint8Array): CardPhoto {
  return { format: 'wlt', decoded: false, data: Buffer.from(wlt).toString('base64') };
}

/** Tries the decoder; any failure leaves the WLT bytes as they were. */
export async function decodePhoto(wlt: Uint8Array, decoder: PhotoDecoder | undefined): Promise<CardPhoto> {
  if (!decoder) return wltPhoto(wlt);
  try {
    const decoded = await decoder.decode(wlt);
    if (decoded) return { format: decoded.format, decoded: true, data: Buffer.from(decoded.bytes).toString('base64') };
  } catch {
    // A vendor library's failure must not lose the card; fall back to WLT.
  }
  return wltPhoto(wlt);
}

/** What the CLI prints instead of the bytes. */
export function summarisePhoto(photo: CardPhoto | undefined): { format: string; decoded: boolean; bytes: number } | undefined {
  if (!photo) return undefined;
  return { format: photo.format, decoded: photo.decoded, bytes: photo.data ? Buffer.from(photo.data, 'base64').length : 0 };
}
