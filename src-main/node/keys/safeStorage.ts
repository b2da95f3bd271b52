// Electron's safeStorage (DPAPI on Windows, the keychain/libsecret elsewhere) as a
// protector. Only the Electron host has it: the host passes its safeStorage in
// (hosts/electron/keyProtector.ts); node code never imports electron.
import { KeyStoreError } from './keyStore';
import type { SecretProtector } from './protectedKeyStore';

/** The part of Electron's safeStorage this uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real protection (no keyring). */
  getSelectedStorageBackend?(): string;
}

export function safeStorageProtector(safeStorage: SafeStorageLike): SecretProtector {
  if (!safeStorage.isEncryptionAvailable() || safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    throw new KeyStoreError('系统密钥保护不可用 / the OS secret protection (safeStorage) is not available on this machine');
  }
  return {
    backend: 'safe-storage',
    // The name travels inside the sealed text, so a blob copied over another key's is refused.
    seal: (name, plain) => safeStorage.encryptString(`${name}:${plain.toString('base64')}`),
    open(name, sealed) {
      const text = safeStorage.decryptString(sealed);
      if (!text.startsWith(`${name}:`)) throw new Error(`the sealed blob is not the ${name} key`);
      return Buffer.from(text.slice(name.length + 1), 'base64');
    },
  };
}
