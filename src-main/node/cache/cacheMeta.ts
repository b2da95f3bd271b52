// The cache file's `meta` table (key → text): schema facts, data version and time, the
// cipher and key check, and the sync marks. One reader and one writer for every user.
import type Database from 'better-sqlite3';

export type CacheMeta = Record<string, string>;

export function readMeta(db: Database.Database): CacheMeta {
  return Object.fromEntries((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
}

/** Sets these keys (others stay); inside the caller's transaction when there is one. */
export function writeMeta(db: Database.Database, meta: CacheMeta): void {
  const set = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  for (const [k, v] of Object.entries(meta)) set.run(k, v);
}
