// The publisher's release building before DuckDB (2026-12-07), kept as the publish
// bench's baseline: the input staged in a temporary SQLite file, read back ordered by
// subject id and merged line by line with the previous full package, itself read back
// and validated, comparing key-sorted JSON. Same inputs and outputs as buildRelease.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackageEntry } from '../src-main/common/sync/metadataSchemas';
import { PACKAGE_FORMAT, type SubjectLine } from '../src-main/common/sync/packageLines';
import { SyncRefusal } from '../src-main/common/sync/trustRules';
import { readPackage } from '../src-main/node/sync/packageReader';
import { PackageWriter } from '../src-main/node/sync/packageWriter';
import type { BuildReleaseOptions, Stage } from '../src-main/node/sync/releaseBuilder';
import { PACKAGES_DIR } from '../src-main/node/sync/repoLayout';

export async function legacyBuildRelease(options: Omit<BuildReleaseOptions, 'fill'> & { fill: (stage: Stage) => Promise<void> }): Promise<{ full: PackageEntry; delta: PackageEntry | null }> {
  const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-legacy-publish-'));
  const db = new Database(path.join(stageDir, 'stage.sqlite'));
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`CREATE TABLE subjects (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
             CREATE TABLE records (subject_id TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL);`);
    const addSubject = db.prepare('INSERT INTO subjects (id, json) VALUES (?, ?)');
    const addRecord = db.prepare('INSERT INTO records (subject_id, id, json) VALUES (?, ?, ?)');
    db.exec('BEGIN');
    await options.fill({
      subject: (s) => addSubject.run(s.id, JSON.stringify(s)),
      record: (r) => addRecord.run(r.subjectId, r.id, JSON.stringify(r)),
    });
    db.exec('COMMIT');
    db.exec('CREATE INDEX records_subject ON records(subject_id, id)');
    const orphan = db.prepare('SELECT r.subject_id AS id FROM records r LEFT JOIN subjects s ON s.id = r.subject_id WHERE s.id IS NULL LIMIT 1').get();
    if (orphan) throw new SyncRefusal('SYNC_BAD_PACKAGE', 'orphan records');
    const dup = db.prepare('SELECT id FROM records GROUP BY id HAVING count(*) > 1 LIMIT 1').get();
    if (dup) throw new SyncRefusal('SYNC_BAD_PACKAGE', 'duplicate record id');
    return await writeRelease(options, db);
  } finally {
    db.close();
    fs.rmSync(stageDir, { recursive: true, force: true });
  }
}

function contentKey(line: SubjectLine): string {
  return JSON.stringify({ subject: line.subject, records: line.records.map((r) => ({ ...r, dataVersion: 0 })) }, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function writeRelease(options: BuildReleaseOptions, db: Database.Database): Promise<{ full: PackageEntry; delta: PackageEntry | null }> {
  const { version, dataAsOf, previous } = options;
  const dir = path.join(options.repo, PACKAGES_DIR);
  const tmp = (kind: string): string => path.join(dir, `.${kind}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fullTmp = tmp('full');
  const deltaTmp = previous ? tmp('delta') : null;
  const full = new PackageWriter(fullTmp);
  const delta = deltaTmp ? new PackageWriter(deltaTmp) : null;
  const baseVersion = previous?.version ?? null;
  await full.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'full', version, baseVersion: null, dataAsOf });
  if (delta) await delta.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'delta', version, baseVersion, dataAsOf });
  const fc = { subjects: 0, records: 0, tombstones: 0 };
  const dc = { subjects: 0, records: 0, tombstones: 0 };
  const prev = previous ? readPackage(previous.fullPath, { maxUncompressed: Number.MAX_SAFE_INTEGER }) : null;
  let prevLine: SubjectLine | null = null;
  const nextPrev = async (): Promise<void> => {
    prevLine = null;
    if (!prev) return;
    const r = await prev.next();
    if (!r.done && r.value.t === 'subject') prevLine = r.value;
  };
  await nextPrev();
  const recordsOf = db.prepare('SELECT json FROM records WHERE subject_id = ? ORDER BY id').pluck();
  const emitFull = async (line: SubjectLine): Promise<void> => {
    await full.write(line);
    fc.subjects += 1;
    fc.records += line.records.length;
  };
  const emitDelta = async (line: SubjectLine | { t: 'delete-subject'; id: string }): Promise<void> => {
    if (!delta) return;
    await delta.write(line);
    if (line.t === 'subject') {
      dc.subjects += 1;
      dc.records += line.records.length;
    } else dc.tombstones += 1;
  };
  for (const row of db.prepare('SELECT id, json FROM subjects ORDER BY id').iterate() as Iterable<{ id: string; json: string }>) {
    const records = (recordsOf.all(row.id) as string[]).map((j) => ({ ...(JSON.parse(j) as SubjectLine['records'][number]), dataVersion: version }));
    const line: SubjectLine = { t: 'subject', subject: JSON.parse(row.json) as SubjectLine['subject'], records };
    while (prevLine !== null && (prevLine as SubjectLine).subject.id < row.id) {
      await emitDelta({ t: 'delete-subject', id: (prevLine as SubjectLine).subject.id });
      await nextPrev();
    }
    const current = prevLine as SubjectLine | null;
    if (current !== null && current.subject.id === row.id) {
      if (contentKey(current) === contentKey(line)) await emitFull(current);
      else {
        await emitFull(line);
        await emitDelta(line);
      }
      await nextPrev();
    } else {
      await emitFull(line);
      await emitDelta(line);
    }
  }
  while (prevLine !== null) {
    await emitDelta({ t: 'delete-subject', id: (prevLine as SubjectLine).subject.id });
    await nextPrev();
  }
  if (prev) await prev.return(undefined);
  await full.write({ t: 'end', ...fc });
  const written = await full.close();
  const name = (sha: string, label: string): string => `${sha}.${label}.ndjson.gz`;
  const fullName = name(written.sha256, `full-v${version}`);
  fs.renameSync(fullTmp, path.join(dir, fullName));
  const fullEntry: PackageEntry = { name: fullName, kind: 'full', baseVersion: null, length: written.length, uncompressedLength: written.uncompressedLength, sha256: written.sha256, ...fc };
  let deltaEntry: PackageEntry | null = null;
  if (delta && deltaTmp) {
    await delta.write({ t: 'end', ...dc });
    const dw = await delta.close();
    const deltaName = name(dw.sha256, `delta-v${baseVersion}-v${version}`);
    fs.renameSync(deltaTmp, path.join(dir, deltaName));
    deltaEntry = { name: deltaName, kind: 'delta', baseVersion, length: dw.length, uncompressedLength: dw.uncompressedLength, sha256: dw.sha256, ...dc };
  }
  return { full: fullEntry, delta: deltaEntry };
}
