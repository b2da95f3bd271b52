// Migration 3 at scale: what the first start after the upgrade costs a kiosk whose cache
// was written in the v2 layout — every record rewritten into the clustered layout — against
// a bare copy of the same records table in the same file (INSERT … SELECT *, one
// transaction) as the baseline. Prints figures and ratios; asserts nothing.
//   npx tsx bench/migration.bench.ts [--subjects N] [--records R]
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { deriveCacheKeys } from '../src-main/node/cache/cacheKeys';
import { createFieldCipher } from '../src-main/node/cache/fieldCipher';
import { migrate } from '../src-main/node/cache/migrations';
import { createSubjectInserter } from '../src-main/node/cache/subjectInserter';
import { syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { numberArg } from './args';

const SUBJECTS = numberArg('subjects', 100_000);
const RECORDS = numberArg('records', 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migration-bench-'));
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const mib = (file: string): string => (fs.existsSync(file) ? `${fmt(fs.statSync(file).size / 1048576, 0)} MiB` : '0 MiB');

/** A cache file at schema v2, as the previous release wrote it (4 KiB pages, records_sid index). */
function v2File(file: string): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, 2);
  const keys = deriveCacheKeys(Buffer.alloc(32, 7));
  const inserter = createSubjectInserter(db, { keys, cipher: createFieldCipher('aes-256-gcm', keys.field) });
  let records = 0;
  db.transaction(() => {
    for (const { subject, records: recs } of syntheticSubjects({ count: SUBJECTS, seed: 1, recordsPerSubject: RECORDS, today: '2026-05-15' })) {
      inserter.insert(subject, recs, 1);
      records += recs.length;
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return records;
}

function main(): void {
  console.log(`migration bench: ${fmt(SUBJECTS, 0)} subjects × ~${RECORDS} records, node ${process.version}, ${os.cpus().length} CPUs`);
  const file = path.join(dir, 'v2.sqlite');
  const records = v2File(file);
  const copy = path.join(dir, 'baseline.sqlite');
  fs.copyFileSync(file, copy);
  console.log(`  v2 file: ${fmt(records, 0)} records, ${mib(file)}`);

  // Baseline: the same rows copied once into a bare table of the same file.
  const base = new Database(copy);
  let t = performance.now();
  base.exec('BEGIN; CREATE TABLE records_copy AS SELECT * FROM records; COMMIT');
  const baseS = (performance.now() - t) / 1000;
  base.close();
  fs.rmSync(copy);

  const db = new Database(file);
  t = performance.now();
  migrate(db);
  const migrateS = (performance.now() - t) / 1000;
  const walPeak = mib(`${file}-wal`);
  t = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const checkpointS = (performance.now() - t) / 1000;
  db.close();

  console.log(`  migration 2 → 3 (records rewritten)    ${fmt(migrateS)} s   ${fmt(records / migrateS, 0)} records/s; WAL at commit ${walPeak}; checkpoint ${fmt(checkpointS)} s`);
  console.log(`  baseline: bare copy of the records     ${fmt(baseS)} s   ${fmt(records / baseS, 0)} records/s`);
  console.log(`  ratio migration / baseline time        ${fmt(migrateS / baseS, 2)}×`);
  console.log(`  file after: ${mib(file)} (the old table's pages stay as free pages until the next full build)`);
  fs.rmSync(dir, { recursive: true, force: true });
}

try {
  main();
} catch (err) {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
}
