// The root a kiosk trusts out of the box: the configured file, else the one shipped
// in resources/sync/root.json (the demo root, unless a city ships its own).
import fs from 'node:fs';
import path from 'node:path';
import { findResourcesDir } from '../config/resourcesDir';
import { SyncRefusal } from '../../common/sync/trustRules';

export function loadTrustedRoot(file?: string, baseDir: string = process.cwd()): Buffer {
  const resolved = file ? path.resolve(baseDir, file) : path.join(findResourcesDir(), 'sync', 'root.json');
  try {
    return fs.readFileSync(resolved);
  } catch {
    throw new SyncRefusal('SYNC_NOT_CONFIGURED', `找不到受信任的根元数据 / trusted root not found: ${path.basename(resolved)}`);
  }
}
