// Builds a whole cache file from a stream of subjects: into a temporary file next
// to the target, in one transaction, secondary indexes and the search indexes
// built after the rows, then fsync and rename. A crash or a full disk at any
// moment leaves the previous file untouched and no half-written one in its place.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { CacheError, toCacheError } from './cacheError';
import { deriveCacheKeys, keyCheckValue } from './cacheKeys';
import type { Codec, SubjectInput } from './cacheRows';
import { createFieldCipher, type CipherName } from './fieldCipher';
import { migrate, SECONDARY_INDEXES } from './migrations';
import { createSubjectInserter } from './subjectInserter';

export interface SubjectBundle {
  subject: SubjectInput;
  records: CreditRecord[];
}

export interface BuildCacheOptions {
  file: string;
  key: Uint8Array;
  cipher?: CipherName;
  dataVersion: number;
  /** ISO timestamp: the data's cut-off time. */
  dataAsOf: string;
  /** What built the file: 'demo', 'synthetic', 'sync' … kept in meta. */
  source: string;
  /** Further meta entries (e.g. the demo file's hash). */
  meta?: Record<string, string>;
  subjects: Iterable<SubjectBundle>;
  /** Tests only: caps the file's pages to simulate a full disk. */
  maxPageCount?: number;
}

export interface BuildCacheResult {
  subjects: number;
  records: number;
  bytes: number;
}

export function buildCacheFile(options: BuildCacheOptions): BuildCacheResult {
  const target = path.resolve(options.file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.building-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  let db: Database.Database | undefined;
  try {
    db = new Database(temp);
    // The temp file is thrown away on any failure, so no rollback journal is needed while loading.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = FILE');
    if (options.maxPageCount) db.pragma(`max_page_count = ${options.maxPageCount}`);
    migrate(db);
    const counts = load(db, options);
    db.pragma('journal_mode = WAL');
    db.close();
    db = undefined;
    fsyncFile(temp);
    // Stale WAL/SHM of the old file must not be replayed onto the new one.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return { ...counts, bytes: fs.statSync(target).size };
  } catch (err) {
    try {
      db?.close();
    } catch {
      // already failing; the temp file goes below
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true });
    throw toCacheError(err, target);
  }
}

function load(db: Database.Database, options: BuildCacheOptions): { subjects: number; records: number } {
  const keys = deriveCacheKeys(options.key);
  const codec: Codec = { keys, cipher: createFieldCipher(options.cipher ?? 'aes-256-gcm', keys.field) };
  const inserter = createSubjectInserter(db, codec);
  const setMeta = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  let subjects = 0;
  let records = 0;
  db.transaction(() => {
    for (const index of SECONDARY_INDEXES) db.exec(`DROP INDEX IF EXISTS ${index.name}`);
    for (const { subject, records: recs } of options.subjects) {
      inserter.insert(subject, recs, options.dataVersion);
      subjects += 1;
      records += recs.length;
    }
    for (const index of SECONDARY_INDEXES) db.exec(index.ddl);
    db.exec(`INSERT INTO name_fts (name_fts) VALUES ('rebuild')`);
    const meta: Record<string, string> = {
      ...options.meta,
      data_version: String(options.dataVersion),
      data_as_of: options.dataAsOf,
      subject_count: String(subjects),
      source: options.source,
      cipher: codec.cipher.name,
      key_check: keyCheckValue(keys),
      built_at: new Date().toISOString(),
    };
    for (const [k, v] of Object.entries(meta)) setMeta.run(k, v);
  })();
  if (subjects === 0) throw new CacheError('INVALID_INPUT', '没有可写入的主体 / no subjects to write');
  return { subjects, records };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  // Directories cannot be opened for fsync on Windows; the rename is still atomic there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
