// The cache's keys: one 32-byte master key from the KeyStore (or, for the tools, a
// named key file), split by HKDF into a key for lookup hashes and a key for field
// encryption, so neither use weakens the other.
import crypto from 'node:crypto';
import type { KeyStore } from '../keys/keyStore';
import { NEW_KEY } from '../keys/newKeys';
import { CacheError } from './cacheError';

export const MASTER_KEY_BYTES = 32;

export interface CacheKeys {
  /** HMAC-SHA256 key for lookup hashes of codes and names. */
  lookup: Buffer;
  /** Key material for the field cipher (32 bytes; a cipher takes what it needs). */
  field: Buffer;
}

/** A master key as stored: 64 hex characters (or 32 raw bytes, as some tools wrote it). */
export function parseCacheKey(raw: Buffer): Buffer {
  const text = raw.toString('latin1').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (raw.length === MASTER_KEY_BYTES) return raw;
  throw new CacheError('CACHE_UNAVAILABLE', `缓存密钥文件格式不正确 / the cache key file holds no ${MASTER_KEY_BYTES}-byte key`);
}

/** The kiosk's master key from its KeyStore, created on first use. */
export function loadCacheKey(keys: KeyStore): Buffer {
  return parseCacheKey(keys.ensure('cache', NEW_KEY.cache));
}

export function deriveCacheKeys(master: Uint8Array): CacheKeys {
  if (master.length !== MASTER_KEY_BYTES) {
    throw new CacheError('CACHE_UNAVAILABLE', `缓存密钥长度应为 ${MASTER_KEY_BYTES} 字节 / the cache key must be ${MASTER_KEY_BYTES} bytes, got ${master.length}`);
  }
  const salt = Buffer.from('credit-kiosk/cache/v1');
  const derive = (info: string): Buffer => Buffer.from(crypto.hkdfSync('sha256', master, salt, info, 32));
  return { lookup: derive('lookup-hmac'), field: derive('field-cipher') };
}

/**
 * Keyed hash of a lookup value (an ID number, a USCC, a name). A plain hash of an ID
 * number is reversible by enumeration (the space is small); a keyed one is not without the key.
 * The domain prefix keeps a name's hash from ever equalling a code's.
 */
export function lookupHash(keys: Pick<CacheKeys, 'lookup'>, domain: 'code' | 'name', value: string): Buffer {
  return crypto.createHmac('sha256', keys.lookup).update(`${domain}\u0000${value}`, 'utf8').digest();
}

/** A value stored in meta to tell a wrong key at open, before any lookup silently misses. */
export function keyCheckValue(keys: Pick<CacheKeys, 'lookup'>): string {
  return lookupHash(keys, 'code', 'credit-kiosk key check').subarray(0, 16).toString('hex');
}
