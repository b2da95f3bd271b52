// Where neither the TPM nor systemd-creds is at hand: one master key in a file that
// root owns, outside the data folder (config keys.keyFile), readable by the kiosk's
// account through its group and by nobody else. Each secret is sealed with AES-256-GCM
// under a key derived for its name, so the data folder holds only sealed blobs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KeyStoreError, type KeyName } from './keyStore';
import type { SecretProtector } from './protectedKeyStore';

const MASTER_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

export interface RootKeyFileOptions {
  file: string;
  /** The data folder: the key file must not be inside it. */
  dataDir: string;
  /** The owner the file must have (root; tests pass their own uid). */
  ownerUid?: number;
}

/** Reads and checks the master key file; refuses one a copy of the data folder would carry, or that others can read or change. */
export function readRootKeyFile(options: RootKeyFileOptions): Buffer {
  const file = path.resolve(options.file);
  const relative = path.relative(path.resolve(options.dataDir), file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new KeyStoreError(`主密钥文件不得位于数据目录内 / the master key file must not be inside the data folder: ${file}`);
  }
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (err) {
    throw new KeyStoreError(`找不到主密钥文件 / no master key file: ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  const owner = options.ownerUid ?? 0;
  if (stat.uid !== owner) throw new KeyStoreError(`主密钥文件的所有者必须是 root / the master key file must be owned by root (uid ${owner}), not uid ${stat.uid}: ${file}`);
  if ((stat.mode & 0o027) !== 0) throw new KeyStoreError(`主密钥文件权限过宽（应为 0600 或 0640）/ the master key file is open to others (mode ${(stat.mode & 0o777).toString(8)}; 0600 or 0640): ${file}`);
  const text = fs.readFileSync(file, 'latin1').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new KeyStoreError(`主密钥文件应含 64 个十六进制字符 / the master key file must hold 64 hex characters: ${file}`);
  return Buffer.from(text, 'hex');
}

export function rootKeyFileProtector(options: RootKeyFileOptions): SecretProtector {
  const master = readRootKeyFile(options);
  const keyFor = (name: KeyName): Buffer => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.from('credit-kiosk/keys/v1'), `seal:${name}`, MASTER_BYTES));
  return {
    backend: 'key-file',
    seal(name, plain) {
      const nonce = crypto.randomBytes(NONCE_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(name), nonce);
      cipher.setAAD(Buffer.from(name));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
    },
    open(name, sealed) {
      if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('not a sealed key');
      const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(name), nonce);
      decipher.setAAD(Buffer.from(name));
      decipher.setAuthTag(sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]);
    },
  };
}
