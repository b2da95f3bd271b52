// Electron's safeStorage (DPAPI on Windows, the keychain/libsecret elsewhere) as a key
// store. Only the Electron host has it: the host passes its safeStorage in
// (hosts/electron/keyStoreHost.ts); node code never imports electron.
//
// Electron 45 deprecates the synchronous encryptString/decryptString for an asynchronous
// encryptor, which also says when the OS has rotated its key (shouldReEncrypt). The
// KeyStore's `ensure` is synchronous, so this store unseals — and, on a first start,
// makes and seals — every key once, asynchronously, before the kiosk uses any; the
// synchronous calls serve only an Electron without the asynchronous ones.
import fs from 'node:fs';
import path from 'node:path';
import { plainKeyFile, writeSecretOnce } from './keyFiles';
import { KEY_NAMES, KeyStoreError, type KeyName, type KeyStore } from './keyStore';
import { NEW_KEY } from './newKeys';
import { sealedKeyFile } from './protectedKeyStore';

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real protection (no keyring). */
  getSelectedStorageBackend?(): string;
  /** Electron 45's asynchronous encryptor (used where present). */
  isAsyncEncryptionAvailable?(): Promise<boolean>;
  encryptStringAsync?(plainText: string): Promise<Buffer>;
  decryptStringAsync?(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
}

interface Encryptor {
  available(): Promise<boolean>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(blob: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
}

function encryptorOf(s: SafeStorageLike): Encryptor {
  const { isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync } = s;
  if (isAsyncEncryptionAvailable && encryptStringAsync && decryptStringAsync) {
    return {
      available: () => isAsyncEncryptionAvailable.call(s),
      encrypt: (text) => encryptStringAsync.call(s, text),
      decrypt: (blob) => decryptStringAsync.call(s, blob),
    };
  }
  return {
    available: async () => s.isEncryptionAvailable(),
    encrypt: async (text) => s.encryptString(text),
    decrypt: async (blob) => ({ shouldReEncrypt: false, result: s.decryptString(blob) }),
  };
}

const BACKEND = 'safe-storage';

/** Opens every key of the data folder under safeStorage (sealing plain ones left from before, making missing ones). */
export async function safeStorageKeyStore(dataDir: string, safeStorage: SafeStorageLike): Promise<KeyStore> {
  const encryptor = encryptorOf(safeStorage);
  if (!(await encryptor.available()) || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    throw new KeyStoreError('系统密钥保护不可用 / the OS secret protection (safeStorage) is not available on this machine');
  }
  const secrets = new Map<KeyName, Buffer>();
  for (const name of KEY_NAMES) secrets.set(name, await prepare(dataDir, name, encryptor));
  return {
    backend: BACKEND,
    ensure: (name) => secrets.get(name)!,
  };
}

// The name travels inside the sealed text, so a blob copied over another key's is refused.
const seal = (encryptor: Encryptor, name: KeyName, plain: Buffer): Promise<Buffer> => encryptor.encrypt(`${name}:${plain.toString('base64')}`);

async function unseal(encryptor: Encryptor, name: KeyName, file: string): Promise<{ plain: Buffer; shouldReEncrypt: boolean }> {
  try {
    const { result, shouldReEncrypt } = await encryptor.decrypt(fs.readFileSync(file));
    if (!result.startsWith(`${name}:`)) throw new Error(`the sealed blob is not the ${name} key`);
    return { plain: Buffer.from(result.slice(name.length + 1), 'base64'), shouldReEncrypt };
  } catch (err) {
    throw new KeyStoreError(`密钥无法解封（${name}，${BACKEND}）/ cannot unseal the ${name} key with ${BACKEND}: ${(err as Error).message}`, { cause: err });
  }
}

async function prepare(dataDir: string, name: KeyName, encryptor: Encryptor): Promise<Buffer> {
  const file = sealedKeyFile(dataDir, name, BACKEND);
  if (fs.existsSync(file)) {
    const { plain, shouldReEncrypt } = await unseal(encryptor, name, file);
    // The OS rotated its key: the same secret, sealed anew, replaces the blob whole.
    if (shouldReEncrypt) replaceSecret(file, await seal(encryptor, name, plain));
    return plain;
  }
  const legacy = plainKeyFile(dataDir, name);
  const plain = fs.existsSync(legacy) ? fs.readFileSync(legacy) : NEW_KEY[name]();
  writeSecretOnce(file, await seal(encryptor, name, plain));
  const stored = (await unseal(encryptor, name, file)).plain; // of two processes, the first one's secret
  if (fs.existsSync(legacy)) {
    // Only once the sealed copy opens to the same bytes is the plain file removed.
    if (!stored.equals(plain)) throw new KeyStoreError(`密钥封存后与原文件不一致（${name}）/ the sealed ${name} key differs from its plain file, which is kept`);
    fs.rmSync(legacy, { force: true });
  }
  return stored;
}

/** Replaces a sealed blob whole (0600): a crash leaves the old blob or the new one. */
function replaceSecret(file: string, bytes: Buffer): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, bytes, { mode: 0o600 });
  fs.renameSync(temp, file);
}
