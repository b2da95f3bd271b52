// Where the cache file and its key live, and first-run set-up: a random key, and
// in demo mode (only) a cache built from the embedded demo data, in the demo's own
// folder (config/dataFolders.ts).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { writeSecretOnce } from '../keys/keyFiles';
import { SEALED_KEY_DIR } from '../keys/protectedKeyStore';
import { NEW_KEY } from '../keys/newKeys';
import { deriveCacheKeys, keyCheckValue, parseCacheKey } from './cacheKeys';
import { readMeta } from './cacheMeta';
import { modeDataDir } from '../config/dataFolders';
import type { KioskConfig } from '../config/kioskConfig';
import { findResourcesDir } from '../config/resourcesDir';
import { CacheError } from './cacheError';
import { loadDemoIntoCache, readDemoData } from './demoData';

export const CACHE_FILE_NAME = 'credit-cache.sqlite';
export const CACHE_KEY_FILE_NAME = 'cache.key';
/** A demo cache is rebuilt after this long, so its relative dates stay relative to roughly today. */
export const DEMO_REBUILD_AFTER_DAYS = 7;

export function defaultDataDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  return path.resolve(cwd, env.CREDIT_KIOSK_DATA_DIR ?? '.kiosk-data');
}

export function resolveCacheLocation(options: { dataDir?: string } = {}): { file: string; keyFile: string } {
  const dataDir = path.resolve(options.dataDir ?? defaultDataDir());
  return { file: path.join(dataDir, CACHE_FILE_NAME), keyFile: path.join(dataDir, CACHE_KEY_FILE_NAME) };
}

/** Reads the key file (64 hex characters, or 32 raw bytes). */
export function readCacheKey(keyFile: string): Buffer {
  return parseCacheKey(fs.readFileSync(keyFile));
}

/**
 * The key in keyFile, created (random, mode 0600) when there is none — unless the
 * kiosk keeps its cache key sealed in an OS-protected KeyStore beside it: a new plain
 * key there would only make a cache nobody can open.
 */
export function ensureCacheKey(keyFile: string): Buffer {
  if (fs.existsSync(keyFile)) return readCacheKey(keyFile);
  const sealed = path.join(path.dirname(keyFile), SEALED_KEY_DIR);
  if (fs.existsSync(sealed) && fs.readdirSync(sealed).some((f) => f.startsWith('cache.'))) {
    throw new CacheError('CACHE_UNAVAILABLE', `缓存密钥由系统密钥库保管（配置 keys），请通过自助机程序使用 / the cache key is sealed in the kiosk's key store (config "keys"); use the kiosk, not a plain key file`);
  }
  return parseCacheKey(writeSecretOnce(keyFile, NEW_KEY.cache()));
}

export interface EnsureDemoCacheOptions {
  dataDir?: string;
  /** The master key (the kiosk's, from its KeyStore); else the key file in the data folder. */
  key?: Buffer;
  demoDir: string;
  now?: Date;
}

export interface EnsuredCache {
  file: string;
  keyFile: string;
  key: Buffer;
  /** True when this call (re)built the demo cache. */
  built: boolean;
}

/**
 * Builds the demo cache when there is no cache yet. A cache that came from the demo
 * is rebuilt when the demo data changed, when it is older than DEMO_REBUILD_AFTER_DAYS
 * or when it was sealed with another key. A cache from anywhere else is never touched.
 */
export function ensureDemoCache(options: EnsureDemoCacheOptions): EnsuredCache {
  const { file, keyFile } = resolveCacheLocation({ dataDir: options.dataDir });
  const key = options.key ?? ensureCacheKey(keyFile);
  const now = options.now ?? new Date();
  if (fs.existsSync(file) && !demoNeedsRebuild(file, key, options.demoDir, now)) return { file, keyFile, key, built: false };
  loadDemoIntoCache({ file, key, demoDir: options.demoDir, now });
  return { file, keyFile, key, built: true };
}

function demoNeedsRebuild(file: string, key: Buffer, demoDir: string, now: Date): boolean {
  let meta: Record<string, string>;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      meta = readMeta(db);
    } finally {
      db.close();
    }
  } catch {
    return false; // unreadable: leave it for openCreditCache to report (CACHE_CORRUPT)
  }
  if (meta.source !== 'demo') return false;
  if (meta.key_check !== keyCheckValue(deriveCacheKeys(key))) return true;
  if (meta.demo_hash !== readDemoData(demoDir).hash) return true;
  const builtAt = Date.parse(meta.demo_built_at ?? '');
  return !Number.isFinite(builtAt) || now.getTime() - builtAt > DEMO_REBUILD_AFTER_DAYS * 86_400_000;
}

/** resources/demo, wherever resources/ is (see findResourcesDir), if it holds the demo data. */
export function findDemoDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string | undefined {
  try {
    const dir = path.join(findResourcesDir(env, cwd), 'demo');
    return fs.existsSync(path.join(dir, 'demo-data.json')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

export interface CacheSelection {
  /** An explicit cache file (--db); else the mode's location. */
  db?: string;
  /** An explicit key file (--key-file); else the mode's key file. */
  keyFile?: string;
  /** Which data folder and which mode: the demo cache is only ever built for a demo config, in the demo's folder. */
  config: Pick<KioskConfig, 'dataDir' | 'mode'>;
}

/**
 * The cache file and key a command line or a tool should use. In demo mode with no
 * cache yet, the demo cache is built first (as the kiosk does on start); in production
 * a missing cache is "no data yet", never the demo.
 */
export function selectCache(selection: CacheSelection): { file: string; key: Buffer } {
  const defaults = resolveCacheLocation({ dataDir: modeDataDir(selection.config) });
  const keyFile = selection.keyFile ? path.resolve(selection.keyFile) : defaults.keyFile;
  if (selection.db) {
    if (!fs.existsSync(keyFile)) throw new CacheError('CACHE_UNAVAILABLE', `找不到缓存密钥文件 / no cache key file: ${path.basename(keyFile)}`);
    return { file: path.resolve(selection.db), key: readCacheKey(keyFile) };
  }
  if (selection.config.mode === 'demo') {
    const demoDir = findDemoDir();
    if (!demoDir) throw new CacheError('CACHE_UNAVAILABLE', '找不到演示数据 / the demo data (resources/demo) is not here');
    const built = ensureDemoCache({ dataDir: path.dirname(defaults.file), demoDir });
    return { file: built.file, key: built.key };
  }
  if (!fs.existsSync(defaults.file)) {
    throw new CacheError('CACHE_UNAVAILABLE', '该数据目录尚无信用数据，请先导入数据包 / no credit data in this data folder yet: import a package first (credit-kiosk sync import DIR)');
  }
  return { file: defaults.file, key: readCacheKey(keyFile) };
}
