// The kiosk's KeyStore from its config (`keys`): the plain file store unless the
// operator names an OS-protected one. A protected store that cannot work here fails
// the start with what is missing; it never falls back to plain files.
import type { KioskConfig } from '../config/kioskConfig';
import { fileKeyStore } from './fileKeyStore';
import { KeyStoreError, type KeyStore } from './keyStore';
import { protectedKeyStore } from './protectedKeyStore';
import { rootKeyFileProtector } from './rootKeyFile';
import { safeStorageKeyStore, type SafeStorageLike } from './safeStorage';
import { systemdCredsAvailable, systemdCredsProtector } from './systemdCreds';

export interface KeyStoreHost {
  /** Electron's safeStorage, passed in by the Electron host (the only place that has it). */
  safeStorage?: SafeStorageLike;
}

/** The kiosk's store: as openKeyStore, and Electron's safeStorage where the host passes it in (opened asynchronously). */
export async function openKioskKeyStore(config: Pick<KioskConfig, 'dataDir' | 'keys'>, host: KeyStoreHost = {}): Promise<KeyStore> {
  if (config.keys.store !== 'safe-storage') return openKeyStore(config);
  if (!host.safeStorage) throw new KeyStoreError(SAFE_STORAGE_NEEDS_ELECTRON);
  return safeStorageKeyStore(config.dataDir, host.safeStorage);
}

const SAFE_STORAGE_NEEDS_ELECTRON = 'safeStorage 仅在 Electron 中可用 / keys.store "safe-storage" needs the Electron host';

/** The store for a command line or a tool (no Electron, so never safeStorage). */
export function openKeyStore(config: Pick<KioskConfig, 'dataDir' | 'keys'>): KeyStore {
  const keys = config.keys;
  switch (keys.store) {
    case 'file':
      return fileKeyStore(config.dataDir);
    case 'safe-storage':
      throw new KeyStoreError(SAFE_STORAGE_NEEDS_ELECTRON);
    case 'systemd-creds':
      if (!systemdCredsAvailable()) throw new KeyStoreError('找不到 systemd-creds / keys.store "systemd-creds" but systemd-creds is not installed');
      return protectedKeyStore(config.dataDir, systemdCredsProtector());
    case 'key-file':
      return protectedKeyStore(config.dataDir, rootKeyFileProtector({ file: keys.keyFile, dataDir: config.dataDir }));
  }
}
