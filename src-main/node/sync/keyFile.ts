// Signing key files: one JSON object, written 0600. They belong on the platform's
// offline machine, never on a kiosk (a kiosk holds only the root's public keys).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SyncRefusal } from '../../common/sync/trustRules';
import type { PrivateKey } from './signing';

const KeyFileSchema = z.discriminatedUnion('keytype', [
  z.object({ keytype: z.literal('ed25519'), scheme: z.literal('ed25519'), keyval: z.object({ public: z.string().regex(/^[0-9a-f]{64}$/), private: z.string().regex(/^[0-9a-f]{64}$/) }).strict() }).strict(),
  z.object({ keytype: z.literal('sm2'), scheme: z.literal('sm2-sm3'), keyval: z.object({ public: z.string().regex(/^04[0-9a-f]{128}$/), private: z.string().regex(/^[0-9a-f]{64}$/) }).strict() }).strict(),
]);

export function readKeyFile(file: string): PrivateKey {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SyncRefusal('SYNC_SOURCE_MISSING', `签名密钥文件无法读取 / key file unreadable: ${path.basename(file)} (${(err as NodeJS.ErrnoException).code ?? 'invalid JSON'})`);
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) throw new SyncRefusal('SYNC_BAD_METADATA', `签名密钥文件格式不正确 / not a signing key file: ${path.basename(file)}`);
  return parsed.data;
}

export function writeKeyFile(file: string, key: PrivateKey): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
}
