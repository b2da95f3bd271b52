// The sync high-water marks, kept in the cache file's own `meta` table: they are
// written in the same transaction as the data they describe, so the data and the
// marks can never disagree after a crash (old data with old marks, or new with new).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { readMeta, writeMeta, type CacheMeta } from '../cache/cacheMeta';

export interface SyncMarks {
  /** The newest trusted root (its signed envelope as JSON), null until a sync replaced the shipped one. */
  rootJson: string | null;
  rootVersion: number;
  timestampVersion: number;
  timestampExpires: string | null;
  snapshotVersion: number;
  /** The data in the file: version and cut-off (also set by non-sync builders). */
  dataVersion: number | null;
  dataAsOf: string | null;
  /** 'sync' when the data came from a verified package; deltas apply only onto such data. */
  source: string | null;
}

export const EMPTY_MARKS: SyncMarks = {
  rootJson: null,
  rootVersion: 0,
  timestampVersion: 0,
  timestampExpires: null,
  snapshotVersion: 0,
  dataVersion: null,
  dataAsOf: null,
  source: null,
};

export function marksFromMeta(meta: CacheMeta): SyncMarks {
  const int = (k: string): number => {
    const n = Number(meta[k]);
    return Number.isSafeInteger(n) && n > 0 ? n : 0;
  };
  return {
    rootJson: meta.sync_root ?? null,
    rootVersion: int('sync_root_version'),
    timestampVersion: int('sync_timestamp_version'),
    timestampExpires: meta.sync_timestamp_expires ?? null,
    snapshotVersion: int('sync_snapshot_version'),
    dataVersion: meta.data_version !== undefined ? int('data_version') : null,
    dataAsOf: meta.data_as_of ?? null,
    source: meta.source ?? null,
  };
}

export function marksToMeta(marks: SyncMarks): CacheMeta {
  const meta: CacheMeta = {
    sync_root_version: String(marks.rootVersion),
    sync_timestamp_version: String(marks.timestampVersion),
    sync_snapshot_version: String(marks.snapshotVersion),
  };
  if (marks.rootJson !== null) meta.sync_root = marks.rootJson;
  if (marks.timestampExpires !== null) meta.sync_timestamp_expires = marks.timestampExpires;
  if (marks.dataVersion !== null) meta.data_version = String(marks.dataVersion);
  if (marks.dataAsOf !== null) meta.data_as_of = marks.dataAsOf;
  if (marks.source !== null) meta.source = marks.source;
  return meta;
}

/** The marks of the cache file; empty when there is no file (or no readable one) yet. */
export function readSyncMarks(cacheFile: string): SyncMarks {
  if (!fs.existsSync(cacheFile)) return EMPTY_MARKS;
  let db: Database.Database | undefined;
  try {
    db = new Database(cacheFile, { readonly: true, fileMustExist: true });
    return marksFromMeta(readMeta(db));
  } catch {
    return EMPTY_MARKS;
  } finally {
    db?.close();
  }
}

/** A timestamp-only refresh (no new data): the marks alone, in one small transaction. */
export function writeSyncMarks(cacheFile: string, marks: SyncMarks): void {
  const db = new Database(cacheFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.transaction(() => writeMeta(db, marksToMeta(marks)))();
  } finally {
    db.close();
  }
}
