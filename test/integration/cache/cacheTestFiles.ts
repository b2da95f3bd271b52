// Temp folders and a freshly built demo cache for the integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDemoCache, type EnsuredCache } from '../../../src-main/node/cache/cacheLocation';

export const DEMO_DIR = path.resolve(__dirname, '../../../resources/demo');
/** A fixed clock, so relative demo dates resolve the same in every run. */
export const NOW = new Date('2026-05-15T08:00:00Z');
export const TODAY = '2026-05-15';

export const LIN_ID = '370303198503122647';
export const LIN_NAME = '林晓岚';
export const ZHOU_ID = '370302197211051532';
export const ZHOU_NAME = '周建国';
export const QINGHE_USCC = '91370303MA3C7K2P1R';
export const QINGHE_FORMER = '370303200045678';
export const DINGSHENG_USCC = '91370302MA3D8N5Q2G';

const made: string[] = [];

export function tempDir(prefix = 'credit-cache-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function demoCache(): EnsuredCache {
  return ensureDemoCache({ dataDir: tempDir(), demoDir: DEMO_DIR, now: NOW });
}
