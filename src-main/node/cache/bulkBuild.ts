// A whole cache file built beside the live one and swapped in at the end: the one way
// the bulk builder (demo data, the generator) and a full sync package make a file.
// Rows go into a temporary file in one transaction with the secondary indexes dropped;
// finish() builds the indexes and the search index after the rows, commits, fsyncs and
// renames over the target. A crash or a full disk at any moment leaves the previous
// file untouched, and abandon() (or the next sync's clean-up) removes the half-built one.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createPrivateFile } from '../store/privateFile';
import { keyCheckValue } from './cacheKeys';
import { writeMeta } from './cacheMeta';
import { createCodec, type Codec } from './cacheRows';
import type { CipherName } from './fieldCipher';
import { migrate, SECONDARY_INDEXES } from './migrations';
import { createSubjectInserter, type SubjectInserter } from './subjectInserter';

/**
 * 16 KiB pages: a subject's records (a few KiB, contiguous by row id) then usually sit on
 * one page, so a lookup that misses the page cache reads three or four pages, not seven,
 * and the b-trees are a level shallower (bench/cache.bench.ts).
 */
export const CACHE_PAGE_SIZE = 16384;

export interface BulkBuildOptions {
  /** The cache file the build replaces when it finishes. */
  target: string;
  key: Uint8Array;
  cipher?: CipherName;
  /** Names the temporary file `<target>.<tag>-<pid>-<random>`, so its owner can find leftovers. */
  tempTag: 'building' | 'sync';
  /** Page cache for the load, in KiB. */
  cacheKiB: number;
  /** Tests only: caps the file's pages to simulate a full disk. */
  maxPageCount?: number;
}

export interface BulkBuild {
  readonly codec: Codec;
  readonly inserter: SubjectInserter;
  /** Builds the indexes, writes `meta` (with the cipher and key check), commits and swaps the file in; returns its size. */
  finish(meta: Record<string, string>): number;
  /** After any failure: closes and removes the temporary file. */
  abandon(): void;
}

export function startBulkBuild(options: BulkBuildOptions): BulkBuild {
  const target = path.resolve(options.target);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${options.tempTag}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  createPrivateFile(temp); // 0600: the rename keeps the mode
  let db: Database.Database | undefined = new Database(temp);
  const abandon = (): void => {
    try {
      db?.close();
    } catch {
      // already failing; the files go below
    }
    db = undefined;
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
  };
  try {
    db.pragma(`page_size = ${CACHE_PAGE_SIZE}`);
    // A throw-away file until the rename: no journal needed while loading.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma(`cache_size = -${options.cacheKiB}`);
    db.pragma('temp_store = FILE');
    if (options.maxPageCount) db.pragma(`max_page_count = ${options.maxPageCount}`);
    migrate(db);
    const codec = createCodec(options.key, options.cipher);
    const inserter = createSubjectInserter(db, codec);
    db.exec('BEGIN');
    for (const index of SECONDARY_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    return {
      codec,
      inserter,
      finish(meta) {
        const live = db!;
        for (const index of SECONDARY_INDEXES) live.exec(index.ddl);
        live.exec(`INSERT INTO name_fts (name_fts) VALUES ('rebuild')`);
        writeMeta(live, { ...meta, cipher: codec.cipher.name, key_check: keyCheckValue(codec.keys), built_at: new Date().toISOString() });
        live.exec('COMMIT');
        live.pragma('journal_mode = WAL');
        live.close();
        db = undefined;
        fsyncPath(temp, 'r+');
        // A stale WAL of the old file must never be replayed onto the new one.
        for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
        fs.renameSync(temp, target);
        // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
        if (process.platform !== 'win32') fsyncPath(path.dirname(target), 'r');
        return fs.statSync(target).size;
      },
      abandon,
    };
  } catch (err) {
    abandon();
    throw err;
  }
}

function fsyncPath(p: string, flags: 'r' | 'r+'): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
