// The root a kiosk trusts out of the box: the configured file, else the one shipped
// in resources/sync/root.json (the demo root, unless a city ships its own). The demo
// signing key's private half is public (resources/sync/demo-keys), so in production a
// root that lists that key is refused: anyone could sign "city data" with it.
import fs from 'node:fs';
import path from 'node:path';
import { findResourcesDir } from '../config/resourcesDir';
import { SyncRefusal } from '../../common/sync/trustRules';

export const DEMO_SIGNING_KEY_FILE = path.join('sync', 'demo-keys', 'demo-signing.key.json');

export interface TrustedRootOptions {
  /** Production: a root that trusts the public demo key is refused. */
  production?: boolean;
  resourcesDir?: string;
}

export function loadTrustedRoot(file?: string, baseDir: string = process.cwd(), options: TrustedRootOptions = {}): Buffer {
  const resourcesDir = (): string => options.resourcesDir ?? findResourcesDir();
  const resolved = file ? path.resolve(baseDir, file) : path.join(resourcesDir(), 'sync', 'root.json');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(resolved);
  } catch {
    throw new SyncRefusal('SYNC_NOT_CONFIGURED', `找不到受信任的根元数据 / trusted root not found: ${path.basename(resolved)}`);
  }
  if (options.production && trustsDemoKey(bytes, resourcesDir())) {
    throw new SyncRefusal('SYNC_NOT_CONFIGURED', '生产模式不信任演示根密钥，请在配置中设置 sync.trustedRootFile / production does not trust the demo root key: set sync.trustedRootFile to the city’s root');
  }
  return bytes;
}

function trustsDemoKey(root: Buffer, resourcesDir: string): boolean {
  let demoPublic: string;
  try {
    demoPublic = (JSON.parse(fs.readFileSync(path.join(resourcesDir, DEMO_SIGNING_KEY_FILE), 'utf8')) as { keyval: { public: string } }).keyval.public;
  } catch {
    return false; // no demo key shipped beside this build: nothing to confuse it with
  }
  try {
    const keys = (JSON.parse(root.toString('utf8')) as { signed?: { keys?: Record<string, { keyval?: { public?: string } }> } }).signed?.keys ?? {};
    return Object.values(keys).some((k) => k.keyval?.public === demoPublic);
  } catch {
    return false; // not JSON: the verifier refuses it on its own terms
  }
}
