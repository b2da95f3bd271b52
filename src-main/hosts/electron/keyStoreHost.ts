// The Electron host's part of the KeyStore: its safeStorage (DPAPI on Windows), which
// only Electron has. Used when config keys.store is "safe-storage" (src-main/node/keys).
import { safeStorage } from 'electron';
import type { KeyStoreHost } from '../../node/keys/openKeyStore';

export function electronKeyStoreHost(): KeyStoreHost {
  // Read when a key is first needed, not at wiring: safeStorage works only once the app is ready.
  return {
    get safeStorage() {
      return safeStorage;
    },
  };
}
