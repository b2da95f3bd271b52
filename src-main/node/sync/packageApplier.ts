// Applies a verified package to the cache file, whole or not at all:
// - a full package builds a new file beside the cache (one transaction, indexes
//   after the rows), fsyncs it and renames it over the old one: open readers keep
//   the old file until the kiosk reopens the cache;
// - a delta runs in ONE transaction on the live file (WAL): readers on other
//   connections keep seeing the old version until COMMIT.
// The sync marks go into `meta` inside the same transaction. A crash at any moment
// leaves the old version (or, after the commit/rename, the new one) and nothing between.
import Database from 'better-sqlite3';
import path from 'node:path';
import type { PackageHeader, SubjectLine } from '../../common/sync/packageLines';
import type { PackageEntry, Snapshot } from '../../common/sync/metadataSchemas';
import { SyncRefusal } from '../../common/sync/trustRules';
import { shortGrams } from '../../common/search/nameSearchText';
import { startBulkBuild, type BulkBuild } from '../cache/bulkBuild';
import { readMeta, writeMeta } from '../cache/cacheMeta';
import { codeHashesOf, createCodec, rowToSubject, sealedWithoutRecord, type SubjectRow } from '../cache/cacheRows';
import { migrate } from '../cache/migrations';
import { recordRowRange } from '../cache/recordLayout';
import { createSubjectInserter, type SubjectInserter } from '../cache/subjectInserter';
import { readPackage } from './packageReader';
import { marksToMeta, marksFromMeta, type SyncMarks } from './syncMarks';

export interface ApplyOptions {
  cacheFile: string;
  cacheKey: Uint8Array;
  /** The package, already downloaded and its hash and length checked. */
  packagePath: string;
  entry: PackageEntry;
  snapshot: Pick<Snapshot, 'version' | 'dataAsOf'>;
  /** The marks to store with the data (all checks have passed when this runs). */
  marks: SyncMarks;
  onProgress?: (done: number, total: number) => void;
  /** Tests: called after each subject line inside the transaction (the kill -9 test dies here). */
  onLine?: (n: number) => void;
}

export interface ApplyResult {
  kind: 'full' | 'delta';
  dataVersion: number;
  subjects: number;
  records: number;
  tombstones: number;
  /** Peak resident memory of the apply process, when it ran in its own (applyWorker.ts). */
  peakRssBytes?: number;
}

export async function applyPackage(options: ApplyOptions): Promise<ApplyResult> {
  return options.entry.kind === 'full' ? applyFull(options) : applyDelta(options);
}

function checkHeader(header: PackageHeader, options: ApplyOptions): void {
  const { entry, snapshot } = options;
  if (header.kind !== entry.kind || header.version !== snapshot.version || header.baseVersion !== entry.baseVersion) {
    throw new SyncRefusal('SYNC_MIXED_SNAPSHOT', `package says ${header.kind} v${header.version}, snapshot expects ${entry.kind} v${snapshot.version}`);
  }
}

/** Inserts one subject line (its records must name it). */
function insertLine(inserter: SubjectInserter, line: SubjectLine, dataVersion: number, sid?: number): { sid: number; name: string | null } {
  for (const r of line.records) {
    if (r.subjectId !== line.subject.id) throw new SyncRefusal('SYNC_BAD_PACKAGE', `record ${r.id} names another subject`);
  }
  return inserter.insert(line.subject, line.records, dataVersion, sid);
}

async function applyFull(options: ApplyOptions): Promise<ApplyResult> {
  const counts = { subjects: 0, records: 0, tombstones: 0 };
  let build: BulkBuild | undefined;
  try {
    build = startBulkBuild({ target: options.cacheFile, key: options.cacheKey, tempTag: 'sync', cacheKiB: 131072 });
    for await (const line of readPackage(options.packagePath, { maxUncompressed: options.entry.uncompressedLength, onHeader: (h) => checkHeader(h, options) })) {
      if (line.t !== 'subject') throw new SyncRefusal('SYNC_BAD_PACKAGE', 'a full package holds no deletions');
      insertLine(build.inserter, line, options.snapshot.version);
      counts.subjects += 1;
      counts.records += line.records.length;
      options.onLine?.(counts.subjects);
      if (counts.subjects % 5000 === 0) options.onProgress?.(counts.subjects, options.entry.subjects);
    }
    build.finish({
      ...marksToMeta({ ...options.marks, dataVersion: options.snapshot.version, dataAsOf: options.snapshot.dataAsOf, source: 'sync' }),
      subject_count: String(counts.subjects),
    });
    options.onProgress?.(counts.subjects, options.entry.subjects);
    return { kind: 'full', dataVersion: options.snapshot.version, ...counts };
  } catch (err) {
    build?.abandon();
    throw asApplyError(err);
  }
}

async function applyDelta(options: ApplyOptions): Promise<ApplyResult> {
  const db = new Database(path.resolve(options.cacheFile), { fileMustExist: true });
  const counts = { subjects: 0, records: 0, tombstones: 0 };
  let inTx = false;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    // The checkpoint is what makes WAL frames durable in the main file; NORMAL is crash-safe in WAL mode.
    db.pragma('synchronous = NORMAL');
    // A large page cache keeps a big delta from spilling half-done pages to the WAL mid-transaction.
    db.pragma('cache_size = -131072');
    // A delta writes the newest layout (e.g. records at their row-id range): bring an older file forward first.
    migrate(db);
    db.exec('BEGIN IMMEDIATE');
    inTx = true;
    const meta = readMeta(db);
    const local = marksFromMeta(meta);
    if (local.source !== 'sync' || local.dataVersion !== options.entry.baseVersion) {
      throw new SyncRefusal('SYNC_NO_PACKAGE', `delta from v${options.entry.baseVersion ?? '?'} does not apply onto local v${local.dataVersion ?? 'none'}`);
    }
    const codec = createCodec(options.cacheKey, meta.cipher);
    const inserter = createSubjectInserter(db, codec);
    const findSubject = db.prepare('SELECT * FROM subjects WHERE id = ?');
    const removeRecords = db.prepare('DELETE FROM records WHERE rid BETWEEN ? AND ?');
    const removeCode = db.prepare('DELETE FROM subject_codes WHERE code_hash = ? AND sid = ?');
    const removeGram = db.prepare('DELETE FROM name_grams WHERE gram = ? AND sid = ?');
    const removeRow = db.prepare('DELETE FROM subjects WHERE sid = ?');
    const removeFts = db.prepare(`INSERT INTO name_fts (name_fts, rowid, name) VALUES ('delete', ?, ?)`);
    // subject_codes and name_grams have no index on sid: their keys are recomputed from
    // the old row (its codes decrypted with the cache key), so every delete is by key.
    const removeSubject = (old: SubjectRow): void => {
      for (const h of codeHashesOf(codec, rowToSubject(codec, old))) removeCode.run(h, old.sid);
      if (old.name !== null) {
        for (const gram of shortGrams(old.name)) removeGram.run(gram, old.sid);
        // The FTS index has external content: it must be told the old text before the row goes.
        removeFts.run(old.sid, old.name);
      }
      const range = recordRowRange(old.sid);
      removeRecords.run(range.first, range.last);
      removeRow.run(old.sid);
    };
    const addFts = db.prepare('INSERT INTO name_fts (rowid, name) VALUES (?, ?)');
    const deleteRecord = db.prepare('DELETE FROM records WHERE id = ?');
    const recordOwner = db.prepare('SELECT s.* FROM records r JOIN subjects s ON s.sid = r.sid WHERE r.id = ?');
    const updateSealed = db.prepare('UPDATE subjects SET sealed = ? WHERE sid = ?');
    // A person's record facts live in their subject's sealed blob: a tombstone removes them there too.
    const removeRecord = (id: string): void => {
      const owner = recordOwner.get(id) as SubjectRow | undefined;
      const resealed = owner ? sealedWithoutRecord(codec, owner, id) : null;
      if (owner && resealed) updateSealed.run(resealed, owner.sid);
      deleteRecord.run(id);
    };
    let n = 0;
    for await (const line of readPackage(options.packagePath, { maxUncompressed: options.entry.uncompressedLength, onHeader: (h) => checkHeader(h, options) })) {
      n += 1;
      if (line.t === 'subject') {
        const old = findSubject.get(line.subject.id) as SubjectRow | undefined;
        if (old) removeSubject(old);
        const added = insertLine(inserter, line, options.snapshot.version, old?.sid);
        if (added.name !== null) addFts.run(added.sid, added.name);
        counts.subjects += 1;
        counts.records += line.records.length;
      } else if (line.t === 'delete-subject') {
        const old = findSubject.get(line.id) as SubjectRow | undefined;
        if (old) removeSubject(old);
        counts.tombstones += 1;
      } else {
        removeRecord(line.id);
        counts.tombstones += 1;
      }
      options.onLine?.(n);
      if (n % 5000 === 0) options.onProgress?.(n, options.entry.subjects + options.entry.tombstones);
    }
    const subjects = (db.prepare('SELECT count(*) AS n FROM subjects').get() as { n: number }).n;
    writeMeta(db, {
      ...marksToMeta({ ...options.marks, dataVersion: options.snapshot.version, dataAsOf: options.snapshot.dataAsOf, source: 'sync' }),
      subject_count: String(subjects),
    });
    db.exec('COMMIT');
    inTx = false;
    options.onProgress?.(n, n);
    return { kind: 'delta', dataVersion: options.snapshot.version, ...counts };
  } catch (err) {
    if (inTx) {
      try {
        db.exec('ROLLBACK');
      } catch {
        // the connection closes below; SQLite rolls back an open transaction then
      }
    }
    throw asApplyError(err);
  } finally {
    db.close();
  }
}

function asApplyError(err: unknown): Error {
  if (err instanceof SyncRefusal) return err;
  const code = (err as { code?: unknown }).code;
  return new SyncRefusal('SYNC_APPLY_FAILED', typeof code === 'string' ? code : (err as Error).message);
}
