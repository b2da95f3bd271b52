import { describe, expect, it } from 'vitest';
import { deriveCacheKeys, lookupHash } from '../../../../src-main/node/cache/cacheKeys';
import { CIPHER_NAMES, createFieldCipher } from '../../../../src-main/node/cache/fieldCipher';

const keys = deriveCacheKeys(Buffer.alloc(32, 1));

describe.each(CIPHER_NAMES)('field cipher %s', (name) => {
  const cipher = createFieldCipher(name, keys.field);

  it('round-trips UTF-8 text, with a fresh IV every time', () => {
    const text = JSON.stringify({ name: '欧阳明华', code: '11010519491231002X' });
    const a = cipher.seal(text, 'subject:1');
    const b = cipher.seal(text, 'subject:1');
    expect(a.equals(b)).toBe(false);
    expect(cipher.open(a, 'subject:1')).toBe(text);
    expect(a.includes(Buffer.from('欧阳明华'))).toBe(false);
  });

  it('refuses a value moved to another row (associated data)', () => {
    const sealed = cipher.seal('张三', 'subject:1');
    expect(() => cipher.open(sealed, 'subject:2')).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
  });

  it('refuses a tampered value and the wrong key', () => {
    const sealed = cipher.seal('张三', 'subject:1');
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => cipher.open(tampered, 'subject:1')).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    const other = createFieldCipher(name, deriveCacheKeys(Buffer.alloc(32, 2)).field);
    expect(() => other.open(sealed, 'subject:1')).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    expect(() => cipher.open(Buffer.alloc(3), 'subject:1')).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
  });
});

describe('keys', () => {
  it('refuse a master key of the wrong length', () => {
    expect(() => deriveCacheKeys(Buffer.alloc(16))).toThrow(expect.objectContaining({ code: 'CACHE_UNAVAILABLE' }));
  });

  it('hash lookups by key and by domain', () => {
    const id = '11010519491231002X';
    expect(lookupHash(keys, 'code', id).equals(lookupHash(keys, 'code', id))).toBe(true);
    expect(lookupHash(keys, 'code', id).equals(lookupHash(keys, 'name', id))).toBe(false);
    expect(lookupHash(keys, 'code', id).equals(lookupHash(deriveCacheKeys(Buffer.alloc(32, 9)), 'code', id))).toBe(false);
  });
});
