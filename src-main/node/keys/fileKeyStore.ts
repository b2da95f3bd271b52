// The development default: each secret a 0600 file in the data folder. Anyone who
// copies the folder has the keys with the data — fine for a demo, refused as a
// production choice by docs/security.md.
import fs from 'node:fs';
import { plainKeyFile, writeSecretOnce } from './keyFiles';
import type { KeyStore } from './keyStore';

export function fileKeyStore(dataDir: string): KeyStore {
  return {
    backend: 'file',
    ensure(name, create) {
      const file = plainKeyFile(dataDir, name);
      if (fs.existsSync(file)) {
        // A key an earlier version (or a copy) left readable by others is narrowed first.
        if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
        return fs.readFileSync(file);
      }
      return writeSecretOnce(file, create());
    },
  };
}
