// Encryption of personal fields at rest. AES-256-GCM (node:crypto) by default; the
// national SM4 (国密) as an option, through sm-crypto, behind the same interface.
// Every ciphertext is bound to its row and column (associated data), so a sealed
// value copied onto another row fails to open rather than showing the wrong person.
import crypto from 'node:crypto';
import sm4 from 'sm-crypto/src/sm4';
import sm3 from 'sm-crypto/src/sm3';
import { CacheError } from './cacheError';

export const CIPHER_NAMES = ['aes-256-gcm', 'sm4-cbc-hmac-sm3'] as const;
export type CipherName = (typeof CIPHER_NAMES)[number];

export interface FieldCipher {
  readonly name: CipherName;
  seal(plaintext: string, associatedData: string): Buffer;
  open(sealed: Uint8Array, associatedData: string): string;
}

export function createFieldCipher(name: CipherName, key: Buffer): FieldCipher {
  return name === 'aes-256-gcm' ? aesGcm(key) : sm4CbcHmacSm3(key);
}

const AES_VERSION = 1;

function aesGcm(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new CacheError('CACHE_UNAVAILABLE', 'AES-256-GCM needs a 32-byte key');
  return {
    name: 'aes-256-gcm',
    seal(plaintext, aad) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(aad, 'utf8'));
      const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return Buffer.concat([Buffer.of(AES_VERSION), iv, c.getAuthTag(), body]);
    },
    open(sealed, aad) {
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (buf.length < 29 || buf[0] !== AES_VERSION) throw unreadable();
      try {
        const d = crypto.createDecipheriv('aes-256-gcm', key, buf.subarray(1, 13));
        d.setAAD(Buffer.from(aad, 'utf8'));
        d.setAuthTag(buf.subarray(13, 29));
        return Buffer.concat([d.update(buf.subarray(29)), d.final()]).toString('utf8');
      } catch (err) {
        throw unreadable(err);
      }
    },
  };
}

const SM4_VERSION = 2;

/** SM4 has no authenticated mode in sm-crypto: CBC, then HMAC-SM3 over everything (encrypt-then-MAC). */
function sm4CbcHmacSm3(key: Buffer): FieldCipher {
  const encKey = key.subarray(0, 16).toString('hex');
  const macKey = crypto.hkdfSync('sha256', key, Buffer.alloc(0), 'sm4-mac', 32);
  const macKeyHex = Buffer.from(macKey).toString('hex');
  const mac = (data: Buffer): Buffer => Buffer.from(sm3(Array.from(data), { key: macKeyHex }), 'hex');
  return {
    name: 'sm4-cbc-hmac-sm3',
    seal(plaintext, aad) {
      const iv = crypto.randomBytes(16);
      const body = Buffer.from(sm4.encrypt(plaintext, encKey, { mode: 'cbc', iv: iv.toString('hex'), output: 'array' }) as number[]);
      const head = Buffer.concat([Buffer.of(SM4_VERSION), iv, body]);
      return Buffer.concat([head, mac(Buffer.concat([head, Buffer.from(aad, 'utf8')]))]);
    },
    open(sealed, aad) {
      const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
      if (buf.length < 1 + 16 + 16 + 32 || buf[0] !== SM4_VERSION) throw unreadable();
      const head = buf.subarray(0, buf.length - 32);
      const tag = buf.subarray(buf.length - 32);
      if (!crypto.timingSafeEqual(tag, mac(Buffer.concat([head, Buffer.from(aad, 'utf8')])))) throw unreadable();
      try {
        return sm4.decrypt(Array.from(head.subarray(17)), encKey, { mode: 'cbc', iv: head.subarray(1, 17).toString('hex') }) as string;
      } catch (err) {
        throw unreadable(err);
      }
    },
  };
}

function unreadable(cause?: unknown): CacheError {
  return new CacheError('CACHE_CORRUPT', '加密字段无法解密（数据损坏或密钥不符） / a sealed field cannot be opened (damaged data or wrong key)', { cause });
}
