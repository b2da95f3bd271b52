// The report number: 22 characters, yyyyMMddHHmmss of generation (in the kiosk's civil
// time, UTC+8 by default) + 8 alphanumerics. The suffix's official meaning is not
// public; ours is random, so two kiosks issuing in the same second never collide.

export const REPORT_NUMBER_PATTERN = /^\d{14}[0-9A-Z]{8}$/;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** China Standard Time: reports carry the time a person in the hall reads on the wall clock. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480;

/** A source of random bytes (node:crypto randomBytes in production, a fixed one in tests). */
export type RandomBytes = (length: number) => Uint8Array;

/** 2026-11-21T02:03:04Z at UTC+8 → { compact: '20261121100304', display: '2026-11-21 10:03:04' }. */
export function civilTime(at: Date, utcOffsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): { compact: string; display: string; date: string } {
  const shifted = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const iso = shifted.toISOString();
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return { compact: `${date.replace(/-/g, '')}${time.replace(/:/g, '')}`, display: `${date} ${time}`, date };
}

export function makeReportNumber(at: Date, randomBytes: RandomBytes, utcOffsetMinutes: number = DEFAULT_UTC_OFFSET_MINUTES): string {
  let suffix = '';
  while (suffix.length < 8) {
    for (const byte of randomBytes(8)) {
      // Reject the top of the byte range so every character is equally likely.
      if (byte >= 252 || suffix.length >= 8) continue;
      suffix += ALPHABET[byte % 36];
    }
  }
  return civilTime(at, utcOffsetMinutes).compact + suffix;
}

export function isReportNumber(text: string): boolean {
  if (!REPORT_NUMBER_PATTERN.test(text)) return false;
  const [y, mo, d, h, mi, s] = [text.slice(0, 4), text.slice(4, 6), text.slice(6, 8), text.slice(8, 10), text.slice(10, 12), text.slice(12, 14)].map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
}
