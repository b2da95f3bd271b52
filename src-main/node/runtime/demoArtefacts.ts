// Leaving the demo: a production kiosk removes, before it opens anything, whatever the
// demo left in its data folder — the demo's own folder, and, from kiosks that ran the
// demo before it had one, the state at the top that the demo made (a cache built from
// the demo data, or an account table holding the published demo accounts, with every
// key, report, quota, outbox and printed file of that era). The runtime writes what it
// removed to the audit chain and the log. config.json and logs/ stay.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_FILE_NAME } from '../cache/cacheLocation';
import { readMeta } from '../cache/cacheMeta';
import { DEMO_FOLDER } from '../config/dataFolders';
import { readDemoStaff } from '../staff/catalogueFiles';
import { PLAIN_KEY_ENTRIES } from '../keys/keyFiles';
import { STAFF_DB_FILE } from '../staff/staffDb';

/** Everything the runtime keeps at the top of a data folder, besides config.json and logs/. */
const KIOSK_STATE = [
  CACHE_FILE_NAME,
  ...PLAIN_KEY_ENTRIES,
  STAFF_DB_FILE,
  'reports.sqlite',
  'print-quota.sqlite',
  'outbox.sqlite',
  'printed',
  'sync-staging',
];
const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

export interface DemoRemoval {
  /** Names (relative to the data folder) removed, in order. */
  removed: string[];
  /** Why the top-level state went too (empty when only the demo folder was there). */
  legacy: Array<'demo-cache' | 'demo-accounts'>;
}

export function removeDemoArtefacts(options: { dataDir: string; resourcesDir: string }): DemoRemoval {
  const { dataDir } = options;
  const removed: string[] = [];
  const remove = (name: string): void => {
    const target = path.join(dataDir, name);
    if (!fs.existsSync(target)) return;
    fs.rmSync(target, { recursive: true, force: true });
    removed.push(name);
  };
  remove(DEMO_FOLDER);
  const legacy: DemoRemoval['legacy'] = [];
  if (readSource(path.join(dataDir, CACHE_FILE_NAME)) === 'demo') legacy.push('demo-cache');
  if (holdsDemoAccounts(path.join(dataDir, STAFF_DB_FILE), options.resourcesDir)) legacy.push('demo-accounts');
  if (legacy.length > 0) {
    for (const name of KIOSK_STATE) {
      remove(name);
      for (const side of SQLITE_SIDE_FILES) remove(`${name}${side}`);
    }
  }
  return { removed, legacy };
}

function readSource(cacheFile: string): string | undefined {
  if (!fs.existsSync(cacheFile)) return undefined;
  try {
    const db = new Database(cacheFile, { readonly: true, fileMustExist: true });
    try {
      return readMeta(db).source;
    } finally {
      db.close();
    }
  } catch {
    return undefined; // not a readable cache: opening it later reports what is wrong
  }
}

function holdsDemoAccounts(staffFile: string, resourcesDir: string): boolean {
  if (!fs.existsSync(staffFile)) return false;
  const demoNumbers = readDemoStaff(resourcesDir).map((a) => a.staffNo);
  if (demoNumbers.length === 0) return false;
  try {
    const db = new Database(staffFile, { readonly: true, fileMustExist: true });
    try {
      const found = db.prepare(`SELECT count(*) AS n FROM staff_accounts WHERE staff_no IN (${demoNumbers.map(() => '?').join(',')})`).get(...demoNumbers) as { n: number };
      return found.n > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
