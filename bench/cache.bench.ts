// The local cache at scale: bulk load vs a raw better-sqlite3 baseline, lookups vs a
// bare indexed SELECT on the same file, name search by query length, file size and
// peak memory. Prints figures and ratios; asserts nothing.
//   npx tsx bench/cache.bench.ts [--subjects N] [--records R] [--keep] [--cold-disk] [--file F]
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCacheFile, type SubjectBundle } from '../src-main/node/cache/cacheWriter';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { recordRowRange } from '../src-main/node/cache/recordLayout';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { flag, numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';
import { rawBulkLoad } from './rawBaseline';

const SUBJECTS = numberArg('subjects', 1_000_000);
const COLD_DISK = flag('cold-disk');
const RECORDS = numberArg('records', 20);
const SEED = 1;
const TODAY = '2026-05-15';
const KEY = Buffer.alloc(32, 0x5a);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-bench-'));
/** --file F: measure a file kept by an earlier run (--keep) of the same --subjects; skips the load. */
const GIVEN_FILE = stringArg('file');
const file = GIVEN_FILE ?? path.join(dir, 'bench.sqlite');

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99) };
}

function line(label: string, s: { p50: number; p99: number }, unit = 'µs'): void {
  console.log(`  ${label.padEnd(46)} p50 ${fmt(s.p50).padStart(9)} ${unit}   p99 ${fmt(s.p99).padStart(9)} ${unit}`);
}

function dropOsPageCache(): void {
  fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
}

/** Deterministic sample of subject indices. */
function sampleIndices(n: number, salt: number): number[] {
  let x = 2463534242 ^ salt;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.push((x >>> 0) % SUBJECTS);
  }
  return out;
}

/** The cache's bulk load against the raw better-sqlite3 baseline, same generated rows. */
function bulkLoad(gen: () => Iterable<SubjectBundle>): void {
  const t = performance.now();
  const built = buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: gen() });
  const loadS = (performance.now() - t) / 1000;
  const rows = built.subjects + built.records;

  const { seconds: rawS, bytes: rawBytes } = rawBulkLoad(path.join(dir, 'raw.sqlite'), gen());

  console.log('\nbulk load (one transaction, same generated rows):');
  console.log(`  cache (encrypt, hash, grams, indexes, FTS)  ${fmt(rows / loadS, 0)} rows/s  (${fmt(loadS)} s, ${fmt(rows, 0)} rows)`);
  console.log(`  raw better-sqlite3 baseline (bare tables)   ${fmt(rows / rawS, 0)} rows/s  (${fmt(rawS)} s)`);
  console.log(`  ratio cache / baseline throughput           ${fmt(rawS / loadS, 2)}×`);
  console.log(`\nfile: ${fmt(built.bytes / 1048576)} MiB for ${fmt(built.records, 0)} records → ${fmt((built.bytes / built.records) * 1e6 / 1048576)} MiB per million records (raw baseline ${fmt((rawBytes / built.records) * 1e6 / 1048576)} MiB)`);
}

async function main(): Promise<void> {
  console.log(`cache bench: ${fmt(SUBJECTS, 0)} subjects × ~${RECORDS} records, node ${process.version}, ${os.cpus().length} CPUs`);
  const gen = () => syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY });

  if (!GIVEN_FILE) bulkLoad(gen);

  // ── Open (the full check last: it reads the whole file, warming the OS page cache) ──
  const t = performance.now();
  const cache = await openCreditCache({ file, key: KEY, worker: 'none', integrity: 'header' });
  const headerOpenMs = performance.now() - t;

  // ── Lookups ──
  // Each way of looking up gets its own random subjects, so none reads pages another has
  // just brought in: the first pass over them is cold (pages this connection has not read,
  // as for a person walking up to the kiosk), the second warm. With --cold-disk (Linux,
  // root) the OS page cache is dropped before each first pass, so cold means from disk.
  const [bareSet, oursSet, workerSet] = [1, 2, 3].map((salt) => sampleIndices(5000, salt));
  const bare = new Database(file, { readonly: true });
  bare.pragma('cache_size = -65536'); // the reader's own setting
  const bareSelect = bare.prepare('SELECT * FROM subjects WHERE id = ?');
  const bareRecords = bare.prepare('SELECT * FROM records WHERE rid BETWEEN ? AND ?');
  const passes = async (indices: number[], fn: (i: number) => unknown): Promise<{ cold: number[]; warm: number[] }> => {
    if (COLD_DISK) dropOsPageCache();
    const once = async (): Promise<number[]> => {
      const out: number[] = [];
      for (const i of indices) {
        const s = performance.now();
        await fn(i);
        out.push((performance.now() - s) * 1000);
      }
      return out;
    };
    return { cold: await once(), warm: await once() };
  };
  const bareLookup = (i: number): unknown => {
    const { sid } = bareSelect.get(`syn-${SEED}-${i}`) as { sid: number };
    const { first, last } = recordRowRange(sid);
    return bareRecords.all(first, last);
  };
  for (const i of sampleIndices(200, 99)) bareLookup(i); // warm-up of the code, not of these pages
  const bareT = await passes(bareSet!, bareLookup);
  let misses = 0;
  for (const i of sampleIndices(200, 99)) await cache.findByCode(syntheticCodeOf(i, SEED));
  const oursT = await passes(oursSet!, async (i) => ((await cache.findByCode(syntheticCodeOf(i, SEED))) === null ? misses++ : 0));

  // The same through the worker thread, bundled as the kiosk ships it.
  const inWorker = await openCreditCache({ file, key: KEY, worker: { script: bundledEntry('src-main/node/cache/cacheWorker.ts', 'cache-worker') }, integrity: 'header' });
  for (const i of sampleIndices(200, 99)) await inWorker.findByCode(syntheticCodeOf(i, SEED));
  const workerT = await passes(workerSet!, (i) => inWorker.findByCode(syntheticCodeOf(i, SEED)));
  // The thread handoff alone: the round trip of a trivial query (a read of the small meta table).
  const handoff: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const s = performance.now();
    await inWorker.dataInfo();
    handoff.push((performance.now() - s) * 1000);
  }
  await inWorker.close();

  console.log(`\nlookup of a subject with its records (5,000 random subjects per row, each row its own; ${misses} misses):`);
  for (const pass of ['cold', 'warm'] as const) {
    console.log(`  ${pass === 'cold' ? 'first pass (pages not read since open)' : 'second pass over the same subjects'}:`);
    const b = stats(bareT[pass]);
    const o = stats(oursT[pass]);
    line('  bare indexed SELECT subject + records', b);
    line('  findByCode in-thread (hash, decrypt, map)', o);
    line('  findByCode via the worker thread', stats(workerT[pass]));
    console.log(`    ratio in-thread / bare                    p50 ${fmt(o.p50 / b.p50, 2)}×   p99 ${fmt(o.p99 / b.p99, 2)}×`);
  }
  line('worker round trip of a trivial query', stats(handoff));

  // ── Name search ──
  const names = (bare.prepare('SELECT name FROM subjects WHERE sid IN (SELECT value FROM json_each(?)) AND name IS NOT NULL').pluck().all(JSON.stringify(oursSet!.slice(0, 2000).map((i) => i + 1))) as string[]).map((n) => Array.from(n));
  console.log(`\nname search (page of 20, queries cut from ${names.length} real names):`);
  for (const len of [2, 3, 6]) {
    const queries = names.filter((n) => n.length >= len).map((n, k) => {
      const at = (k * 7) % (n.length - len + 1);
      return n.slice(at, at + len).join('');
    });
    const samples: number[] = [];
    let hits = 0;
    for (const q of queries.slice(0, 20)) await cache.search(q);
    for (const q of queries) {
      const s = performance.now();
      hits += (await cache.search(q, { pageSize: 20 })).hits.length;
      samples.push((performance.now() - s) * 1000);
    }
    line(`${len}-character queries (${queries.length}, avg ${fmt(hits / queries.length)} hits)`, stats(samples));
  }
  bare.close();
  await cache.close();
  const q = performance.now();
  await (await openCreditCache({ file, key: KEY, worker: 'none' })).close();
  console.log(`\nopen: ${fmt(headerOpenMs, 0)} ms with the header check (the kiosk's start), ${fmt(performance.now() - q, 0)} ms with quick_check`);
  console.log(`\npeak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
  if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept: ${file}`);
  if (GIVEN_FILE) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
