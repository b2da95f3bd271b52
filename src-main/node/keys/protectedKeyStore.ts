// A key store whose secrets sit in the data folder only as blobs an OS mechanism has
// sealed (Electron safeStorage, systemd-creds, or a root-owned key file outside the
// folder): a copy of the folder alone opens nothing. A secret still in a plain file
// from before (the development store, an upgraded kiosk) is sealed on first use and
// its plain file removed, so the keys — and every cache, hash and signature made with
// them — stay the same.
import fs from 'node:fs';
import path from 'node:path';
import { plainKeyFile, writeSecretOnce } from './keyFiles';
import { KeyStoreError, type KeyBackend, type KeyName, type KeyStore } from './keyStore';

/** Seals and opens one secret; `name` is bound into the seal where the mechanism allows. */
export interface SecretProtector {
  readonly backend: Exclude<KeyBackend, 'file'>;
  seal(name: KeyName, plain: Buffer): Buffer;
  open(name: KeyName, sealed: Buffer): Buffer;
}

export const SEALED_KEY_DIR = 'keys';

export function sealedKeyFile(dataDir: string, name: KeyName, backend: KeyBackend): string {
  return path.join(dataDir, SEALED_KEY_DIR, `${name}.${backend}`);
}

export function protectedKeyStore(dataDir: string, protector: SecretProtector): KeyStore {
  const open = (name: KeyName, file: string): Buffer => {
    try {
      return protector.open(name, fs.readFileSync(file));
    } catch (err) {
      throw new KeyStoreError(`密钥无法解封（${name}，${protector.backend}）/ cannot unseal the ${name} key with ${protector.backend}: ${(err as Error).message}`, { cause: err });
    }
  };
  return {
    backend: protector.backend,
    ensure(name, create) {
      const file = sealedKeyFile(dataDir, name, protector.backend);
      if (fs.existsSync(file)) return open(name, file);
      const legacy = plainKeyFile(dataDir, name);
      if (!fs.existsSync(legacy)) {
        writeSecretOnce(file, protector.seal(name, create()));
        return open(name, file); // of two processes, the first one's secret
      }
      const plain = fs.readFileSync(legacy);
      writeSecretOnce(file, protector.seal(name, plain));
      // Only once the sealed copy opens to the same bytes is the plain file removed.
      if (!open(name, file).equals(plain)) throw new KeyStoreError(`密钥封存后与原文件不一致（${name}）/ the sealed ${name} key differs from its plain file, which is kept`);
      fs.rmSync(legacy, { force: true });
      return plain;
    },
  };
}
