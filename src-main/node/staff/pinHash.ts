// PINs at rest: scrypt (node:crypto) with a random salt, parameters stored with the
// hash so they can be raised later without invalidating old PINs — then the scrypt
// output is wrapped in an HMAC under the pepper, a key held by the KeyStore and never
// in staff.sqlite. A copied staff.sqlite alone no longer lets anyone try the 10^6
// six-digit PINs offline: without the pepper no guess can be checked.
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { KeyStore } from '../keys/keyStore';
import { NEW_KEY } from '../keys/newKeys';

const scrypt = (pin: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(pin, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

/** N=2^15, r=8, p=1: ~32 MB and tens of ms per try, which makes guessing a 6-digit PIN slow even with the pepper. */
export const DEFAULT_SCRYPT = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const PEPPERED = 'scrypt-hmac';
/** The unpeppered form of earlier versions: only ever read, by the migration that wraps it. */
const LEGACY = 'scrypt';

/** The pepper (64 hex characters in the store), created on first use. */
export function loadPinPepper(keys: KeyStore): Buffer {
  const text = keys.ensure('pin-pepper', NEW_KEY['pin-pepper']).toString('latin1').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error('the PIN pepper holds no 32-byte key');
  return Buffer.from(text, 'hex');
}

const wrap = (pepper: Buffer, key: Buffer): Buffer => createHmac('sha256', pepper).update(key).digest();

export async function hashPin(pin: string, pepper: Buffer, params: { N: number; r: number; p: number } = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_BYTES, { ...params, maxmem: 128 * params.N * params.r * 2 });
  return [PEPPERED, params.N, params.r, params.p, salt.toString('base64'), wrap(pepper, key).toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string, pepper: Buffer): Promise<boolean> {
  const [alg, n, r, p, salt, mac] = stored.split('$');
  if (alg !== PEPPERED || !n || !r || !p || !salt || !mac) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(mac, 'base64');
  const actual = wrap(pepper, await scrypt(pin, Buffer.from(salt, 'base64'), KEY_BYTES, { ...params, maxmem: 128 * params.N * params.r * 2 }));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * An unpeppered hash of an earlier version wrapped under the pepper, without the PIN:
 * the scrypt output inside is what the HMAC wraps, so the PIN keeps working and no
 * unpeppered hash stays behind (a staff member need not sign in for it to happen).
 * A hash already peppered is returned as it is.
 */
export function pepperLegacyHash(stored: string, pepper: Buffer): string {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg === PEPPERED) return stored;
  if (alg !== LEGACY || !n || !r || !p || !salt || !key) throw new Error('not a PIN hash');
  const raw = Buffer.from(key, 'base64');
  if (raw.length !== KEY_BYTES) throw new Error('not a PIN hash');
  return [PEPPERED, n, r, p, salt, wrap(pepper, raw).toString('base64')].join('$');
}
