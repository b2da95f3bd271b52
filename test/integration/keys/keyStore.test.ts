// The KeyStore: the plain file store (development), and the protected store that keeps
// only sealed blobs in the data folder — with a root-owned key file, with systemd-creds
// (real, where this machine has it) and with Electron's safeStorage (simulated: the
// Electron binary cannot run here; the fake keeps its contract, encrypt/decrypt and availability).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCacheKey, readCacheKey } from '../../../src-main/node/cache/cacheLocation';
import { loadCacheKey } from '../../../src-main/node/cache/cacheKeys';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { plainKeyFile } from '../../../src-main/node/keys/keyFiles';
import { KEY_NAMES, KeyStoreError } from '../../../src-main/node/keys/keyStore';
import { openKeyStore, openKioskKeyStore } from '../../../src-main/node/keys/openKeyStore';
import { protectedKeyStore, sealedKeyFile } from '../../../src-main/node/keys/protectedKeyStore';
import { rootKeyFileProtector } from '../../../src-main/node/keys/rootKeyFile';
import { safeStorageKeyStore, type SafeStorageLike } from '../../../src-main/node/keys/safeStorage';
import { systemdCredsProtector } from '../../../src-main/node/keys/systemdCreds';
import { removeTempDirs, tempDir } from '../cache/cacheTestFiles';
import { filesBelow } from '../store/storeTestFiles';

afterEach(removeTempDirs);

const uid = process.getuid!();
const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

/** A master key file outside the data folder, as an operator installs it (0640). */
function masterKeyFile(): string {
  const file = path.join(tempDir('master-'), 'kiosk-master.key');
  fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o640 });
  return file;
}

const keyFileStore = (dataDir: string, file = masterKeyFile()) => protectedKeyStore(dataDir, rootKeyFileProtector({ file, dataDir, ownerUid: uid }));

describe('the file key store (development default)', () => {
  it('creates each secret once, 0600, and narrows one left readable by others', () => {
    const dir = tempDir('keys-');
    const a = fileKeyStore(dir).ensure('subject', () => Buffer.from('first\n'));
    const b = fileKeyStore(dir).ensure('subject', () => Buffer.from('second\n'));
    expect([a.toString(), b.toString()]).toEqual(['first\n', 'first\n']);
    const file = plainKeyFile(dir, 'subject');
    expect(mode(file)).toBe('600');
    fs.chmodSync(file, 0o644);
    fileKeyStore(dir).ensure('subject', () => Buffer.from('third\n'));
    expect(mode(file)).toBe('600');
  });
});

describe('the protected key store with a root-owned key file', () => {
  it('seals a plain key of an earlier version on first use, keeps its bytes, and removes the plain file', () => {
    const dataDir = tempDir('keys-');
    const before = ensureCacheKey(path.join(dataDir, 'cache.key'));
    const store = keyFileStore(dataDir);
    expect(loadCacheKey(store)).toEqual(before);
    expect(fs.existsSync(path.join(dataDir, 'cache.key'))).toBe(false);
    const sealed = sealedKeyFile(dataDir, 'cache', 'key-file');
    expect(mode(sealed)).toBe('600');
    expect(fs.readFileSync(sealed).includes(Buffer.from(before.toString('hex')))).toBe(false);
    expect(loadCacheKey(store)).toEqual(before);
    // A tool that would make a fresh plain key beside the sealed one is refused.
    expect(() => ensureCacheKey(path.join(dataDir, 'cache.key'))).toThrow(/系统密钥库/);
  });

  it('opens nothing with another master key, nor a blob moved over another key’s', () => {
    const dataDir = tempDir('keys-');
    const master = masterKeyFile();
    keyFileStore(dataDir, master).ensure('subject', () => Buffer.from('s'.repeat(64)));
    keyFileStore(dataDir, master).ensure('pin-pepper', () => Buffer.from('p'.repeat(64)));
    expect(() => keyFileStore(dataDir).ensure('subject', () => Buffer.from('x'))).toThrow(KeyStoreError);
    fs.copyFileSync(sealedKeyFile(dataDir, 'subject', 'key-file'), sealedKeyFile(dataDir, 'pin-pepper', 'key-file'));
    expect(() => keyFileStore(dataDir, master).ensure('pin-pepper', () => Buffer.from('x'))).toThrow(/cannot unseal the pin-pepper key/);
  });

  it('refuses a key file inside the data folder, open to others, or not owned by root', () => {
    const dataDir = tempDir('keys-');
    const inside = path.join(dataDir, 'master.key');
    fs.copyFileSync(masterKeyFile(), inside);
    expect(() => rootKeyFileProtector({ file: inside, dataDir, ownerUid: uid })).toThrow(/must not be inside the data folder/);
    const open = masterKeyFile();
    fs.chmodSync(open, 0o644);
    expect(() => rootKeyFileProtector({ file: open, dataDir, ownerUid: uid })).toThrow(/^主密钥文件权限过宽.*mode 644/);
    expect(() => rootKeyFileProtector({ file: masterKeyFile(), dataDir, ownerUid: uid + 1 })).toThrow(/must be owned by root/);
    expect(() => rootKeyFileProtector({ file: path.join(dataDir, '..', 'none.key'), dataDir, ownerUid: uid })).toThrow(/no master key file/);
  });

  it('is what config keys.store "key-file" opens; "safe-storage" needs the Electron host', () => {
    const dataDir = tempDir('keys-');
    const file = masterKeyFile();
    // openKeyStore insists on root; these tests run as root in CI, else that check is what refuses.
    if (uid === 0) expect(openKeyStore({ dataDir, keys: { store: 'key-file', keyFile: file } }).backend).toBe('key-file');
    else expect(() => openKeyStore({ dataDir, keys: { store: 'key-file', keyFile: file } })).toThrow(/owned by root/);
    expect(openKeyStore({ dataDir, keys: { store: 'file' } }).backend).toBe('file');
    expect(() => openKeyStore({ dataDir, keys: { store: 'safe-storage' } })).toThrow(/needs the Electron host/);
  });
});

const systemdCredsWorks = ((): boolean => {
  try {
    execFileSync('systemd-creds', ['encrypt', '--name=probe', '-', '-'], { input: 'x', stdio: ['pipe', 'pipe', 'ignore'] });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!systemdCredsWorks)('the protected key store with systemd-creds (real)', () => {
  it('seals and opens a secret, bound to its name', () => {
    const dataDir = tempDir('keys-');
    const store = protectedKeyStore(dataDir, systemdCredsProtector());
    const secret = store.ensure('pin-pepper', () => Buffer.from(`${randomBytes(32).toString('hex')}\n`));
    expect(store.ensure('pin-pepper', () => Buffer.from('other'))).toEqual(secret);
    const blob = fs.readFileSync(sealedKeyFile(dataDir, 'pin-pepper', 'systemd-creds'));
    expect(blob.includes(secret.subarray(0, 32))).toBe(false);
    fs.copyFileSync(sealedKeyFile(dataDir, 'pin-pepper', 'systemd-creds'), sealedKeyFile(dataDir, 'subject', 'systemd-creds'));
    expect(() => store.ensure('subject', () => Buffer.from('x'))).toThrow(KeyStoreError);
  });
});

/**
 * Electron 45's safeStorage as the host would hand it over (simulated: AES under a key
 * this process holds). With `asyncApi` the deprecated synchronous calls throw, so a store
 * that still used them fails; `rotated` makes every decrypt ask for re-encryption once.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string; asyncApi?: boolean } = {}): SafeStorageLike & { rotated: boolean; asyncCalls: number; rotate(): void } {
  const { available = true, backend = 'gnome_libsecret', asyncApi = true } = options;
  let key = randomBytes(32);
  let previous: Buffer | null = null;
  const encrypt = (text: string): Buffer => {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-256-cbc', key, iv);
    return Buffer.concat([iv, c.update(text, 'utf8'), c.final()]);
  };
  const decryptWith = (k: Buffer, blob: Buffer): string => {
    const d = createDecipheriv('aes-256-cbc', k, blob.subarray(0, 16));
    return Buffer.concat([d.update(blob.subarray(16)), d.final()]).toString('utf8');
  };
  const deprecated = (): never => {
    throw new Error('deprecated synchronous safeStorage call');
  };
  const fake = {
    rotated: false,
    asyncCalls: 0,
    getSelectedStorageBackend: () => backend,
    isEncryptionAvailable: asyncApi ? deprecated : () => available,
    encryptString: asyncApi ? deprecated : encrypt,
    decryptString: asyncApi ? deprecated : (blob: Buffer) => decryptWith(key, blob),
    ...(asyncApi && {
      isAsyncEncryptionAvailable: async () => (fake.asyncCalls++, available),
      encryptStringAsync: async (text: string) => (fake.asyncCalls++, encrypt(text)),
      decryptStringAsync: async (blob: Buffer) => {
        fake.asyncCalls++;
        // A blob sealed under the key before a rotation still opens, and asks to be sealed anew.
        try {
          return { shouldReEncrypt: false, result: decryptWith(key, blob) };
        } catch (err) {
          if (!previous) throw err;
          return { shouldReEncrypt: true, result: decryptWith(previous, blob) };
        }
      },
    }),
    /** The OS replaces its key (the old one still decrypts). */
    rotate() {
      previous = key;
      key = randomBytes(32);
      fake.rotated = true;
    },
  };
  return fake;
}

describe('the key store with Electron safeStorage (simulated)', () => {
  it('opens every key through the asynchronous API, keeps only sealed blobs bound to their names, and refuses a machine without real protection', async () => {
    const dataDir = tempDir('keys-');
    const pem = fileKeyStore(dataDir).ensure('report-signing', () => Buffer.from('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n'));
    const safeStorage = fakeSafeStorage();
    const store = await openKioskKeyStore({ dataDir, keys: { store: 'safe-storage' } }, { safeStorage });
    expect(safeStorage.asyncCalls).toBeGreaterThan(0);
    // The plain key of before is kept (sealed, its file gone); the others are made at once.
    expect(store.ensure('report-signing', () => Buffer.from('other'))).toEqual(pem);
    expect(fs.existsSync(plainKeyFile(dataDir, 'report-signing'))).toBe(false);
    expect(filesBelow(dataDir).map((f) => path.relative(dataDir, f)).sort()).toEqual(KEY_NAMES.map((n) => `keys/${n}.safe-storage`).sort());
    const subject = store.ensure('subject', () => Buffer.from('x'));
    expect(subject.toString()).toMatch(/^[0-9a-f]{64}\n$/);
    // Across a restart, the same keys.
    expect((await safeStorageKeyStore(dataDir, safeStorage)).ensure('subject', () => Buffer.from('y'))).toEqual(subject);

    fs.copyFileSync(sealedKeyFile(dataDir, 'report-signing', 'safe-storage'), sealedKeyFile(dataDir, 'cache', 'safe-storage'));
    await expect(safeStorageKeyStore(dataDir, safeStorage)).rejects.toThrow(/cannot unseal the cache key/);
    await expect(safeStorageKeyStore(tempDir('keys-'), fakeSafeStorage({ available: false }))).rejects.toThrow(/^系统密钥保护不可用/);
    await expect(safeStorageKeyStore(tempDir('keys-'), fakeSafeStorage({ backend: 'basic_text' }))).rejects.toThrow(KeyStoreError);
    expect(() => openKeyStore({ dataDir, keys: { store: 'safe-storage' } })).toThrow(/needs the Electron host/);
  });

  it('seals a key anew when the OS has rotated its own (shouldReEncrypt), keeping the secret', async () => {
    const dataDir = tempDir('keys-');
    const safeStorage = fakeSafeStorage();
    const before = (await safeStorageKeyStore(dataDir, safeStorage)).ensure('cache', () => Buffer.from('x'));
    const blob = fs.readFileSync(sealedKeyFile(dataDir, 'cache', 'safe-storage'));
    safeStorage.rotate();
    expect((await safeStorageKeyStore(dataDir, safeStorage)).ensure('cache', () => Buffer.from('y'))).toEqual(before);
    const resealed = fs.readFileSync(sealedKeyFile(dataDir, 'cache', 'safe-storage'));
    expect(resealed.equals(blob)).toBe(false);
    expect(mode(sealedKeyFile(dataDir, 'cache', 'safe-storage'))).toBe('600');
  });

  it('uses the synchronous calls only on an Electron without the asynchronous ones', async () => {
    const dataDir = tempDir('keys-');
    const safeStorage = fakeSafeStorage({ asyncApi: false });
    const key = (await safeStorageKeyStore(dataDir, safeStorage)).ensure('pin-pepper', () => Buffer.from('x'));
    expect((await safeStorageKeyStore(dataDir, safeStorage)).ensure('pin-pepper', () => Buffer.from('y'))).toEqual(key);
  });
});

describe('a kiosk with a protected key store', () => {
  it('leaves no key in clear in its data folder once every key has been used', () => {
    const dataDir = tempDir('keys-');
    // The keys an earlier version left as plain files.
    const cacheKey = ensureCacheKey(path.join(dataDir, 'cache.key'));
    const subject = fileKeyStore(dataDir).ensure('subject', () => Buffer.from(`${'a'.repeat(64)}\n`));
    const store = keyFileStore(dataDir);
    for (const name of ['cache', 'report-signing', 'subject', 'pin-pepper'] as const) store.ensure(name, () => Buffer.from(`${randomBytes(32).toString('hex')}\n`));
    expect(loadCacheKey(store)).toEqual(cacheKey);
    expect(store.ensure('subject', () => Buffer.from('x'))).toEqual(subject);
    const files = filesBelow(dataDir);
    expect(files.map((f) => path.relative(dataDir, f)).sort()).toEqual(['keys/cache.key-file', 'keys/pin-pepper.key-file', 'keys/report-signing.key-file', 'keys/subject.key-file']);
    for (const f of files) expect(fs.readFileSync(f).includes(Buffer.from(cacheKey.toString('hex')))).toBe(false);
    expect(() => readCacheKey(path.join(dataDir, 'cache.key'))).toThrow();
  });
});
