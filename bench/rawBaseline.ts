// The baseline both the cache and the sync benchmarks compare against: the same
// generated rows into bare better-sqlite3 tables, one transaction, no indexes, no
// encryption — what SQLite and the driver can do with this data at best.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { SubjectBundle } from '../src-main/node/cache/cacheWriter';

export interface RawLoad {
  seconds: number;
  rows: number;
  bytes: number;
}

export function rawBulkLoad(file: string, bundles: Iterable<SubjectBundle>): RawLoad {
  const t = performance.now();
  const raw = new Database(file);
  raw.pragma('journal_mode = OFF');
  raw.pragma('synchronous = OFF');
  raw.exec('CREATE TABLE subjects (id TEXT, kind TEXT, code TEXT, name TEXT, doc TEXT); CREATE TABLE records (id TEXT, sid TEXT, category TEXT, title TEXT, doc TEXT)');
  const rs = raw.prepare('INSERT INTO subjects VALUES (?, ?, ?, ?, ?)');
  const rr = raw.prepare('INSERT INTO records VALUES (?, ?, ?, ?, ?)');
  let rows = 0;
  raw.transaction(() => {
    for (const { subject, records } of bundles) {
      rs.run(subject.id, subject.kind, subject.code, subject.name, JSON.stringify(subject));
      for (const r of records) rr.run(r.id, r.subjectId, r.category, r.title, JSON.stringify(r));
      rows += 1 + records.length;
    }
  })();
  raw.close();
  const seconds = (performance.now() - t) / 1000;
  const bytes = fs.statSync(file).size;
  fs.rmSync(file);
  return { seconds, rows, bytes };
}
