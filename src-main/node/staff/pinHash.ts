// PINs at rest: scrypt (node:crypto) with a random salt, parameters stored with the
// hash so they can be raised later without invalidating old PINs.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pin: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(pin, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));

/** N=2^15, r=8, p=1: ~32 MB and tens of ms per try, which makes guessing a 6-digit PIN offline slow. */
export const DEFAULT_SCRYPT = { N: 32_768, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export async function hashPin(pin: string, params: { N: number; r: number; p: number } = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, KEY_BYTES, { ...params, maxmem: 128 * params.N * params.r * 2 });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = stored.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(pin, Buffer.from(salt, 'base64'), expected.length, { ...params, maxmem: 128 * params.N * params.r * 2 });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
