// The local cache at scale: bulk load vs a raw better-sqlite3 baseline, lookups vs a
// bare indexed SELECT on the same file, name search by query length, file size and
// peak memory. Prints figures and ratios; asserts nothing.
//   npx tsx bench/cache.bench.ts [--subjects N] [--records R] [--keep]
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { rawBulkLoad } from './rawBaseline';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SUBJECTS = arg('subjects', 1_000_000);
const RECORDS = arg('records', 20);
const SEED = 1;
const TODAY = '2026-05-15';
const KEY = Buffer.alloc(32, 0x5a);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-bench-'));
const file = path.join(dir, 'bench.sqlite');

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99) };
}

function line(label: string, s: { p50: number; p99: number }, unit = 'µs'): void {
  console.log(`  ${label.padEnd(40)} p50 ${fmt(s.p50).padStart(9)} ${unit}   p99 ${fmt(s.p99).padStart(9)} ${unit}`);
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

async function main(): Promise<void> {
  console.log(`cache bench: ${fmt(SUBJECTS, 0)} subjects × ~${RECORDS} records, node ${process.version}, ${os.cpus().length} CPUs`);
  const gen = () => syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY });

  // ── Bulk load ──
  let t = performance.now();
  const built = buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: gen() });
  const loadS = (performance.now() - t) / 1000;
  const rows = built.subjects + built.records;

  const { seconds: rawS, bytes: rawBytes } = rawBulkLoad(path.join(dir, 'raw.sqlite'), gen());

  console.log('\nbulk load (one transaction, same generated rows):');
  console.log(`  cache (encrypt, hash, grams, indexes, FTS)  ${fmt(rows / loadS, 0)} rows/s  (${fmt(loadS)} s, ${fmt(rows, 0)} rows)`);
  console.log(`  raw better-sqlite3 baseline (bare tables)   ${fmt(rows / rawS, 0)} rows/s  (${fmt(rawS)} s)`);
  console.log(`  ratio cache / baseline throughput           ${fmt(rawS / loadS, 2)}×`);
  console.log(`\nfile: ${fmt(built.bytes / 1048576)} MiB for ${fmt(built.records, 0)} records → ${fmt((built.bytes / built.records) * 1e6 / 1048576)} MiB per million records (raw baseline ${fmt((rawBytes / built.records) * 1e6 / 1048576)} MiB)`);

  // ── Open ──
  t = performance.now();
  const cache = await openCreditCache({ file, key: KEY, worker: 'none' });
  const openMs = performance.now() - t;
  t = performance.now();
  await (await openCreditCache({ file, key: KEY, worker: 'none', integrity: 'header' })).close();
  console.log(`\nopen: ${fmt(openMs, 0)} ms with quick_check, ${fmt(performance.now() - t, 0)} ms header only`);

  // ── Lookups ──
  const indices = sampleIndices(5000, 1);
  const codes = indices.map((i) => syntheticCodeOf(i, SEED));
  const ids = indices.map((i) => `syn-${SEED}-${i}`);
  const bare = new Database(file, { readonly: true });
  const bareSelect = bare.prepare('SELECT * FROM subjects WHERE id = ?');
  const bareRecords = bare.prepare('SELECT * FROM records WHERE sid = ?');
  const timeIt = async (fn: (i: number) => unknown): Promise<number[]> => {
    for (let i = 0; i < 200; i++) await fn(i); // warm-up
    const out: number[] = [];
    for (let i = 0; i < codes.length; i++) {
      const s = performance.now();
      await fn(i);
      out.push((performance.now() - s) * 1000);
    }
    return out;
  };
  const bareSubject = stats(await timeIt((i) => bareSelect.get(ids[i])));
  const bareWithRecords = stats(await timeIt((i) => bareRecords.all((bareSelect.get(ids[i]) as { sid: number }).sid)));
  let misses = 0;
  const ours = stats(await timeIt(async (i) => ((await cache.findByCode(codes[i]!)) === null ? misses++ : 0)));
  console.log(`\nlookup by code (${fmt(codes.length, 0)} random codes; ${misses} misses):`);
  line('bare indexed SELECT subject', bareSubject);
  line('bare indexed SELECT subject + records', bareWithRecords);
  line('findByCode in-thread (hash, decrypt, map)', ours);
  console.log(`  ratio findByCode / bare subject+records    p50 ${fmt(ours.p50 / bareWithRecords.p50, 2)}×   p99 ${fmt(ours.p99 / bareWithRecords.p99, 2)}×`);

  // The same through the worker thread, bundled as the kiosk ships it (scripts/build-main.mjs):
  // under a TypeScript loader the worker's figures would include the loader's overhead.
  const workerScript = path.resolve('dist/bench/cache-worker.cjs');
  buildSync({ entryPoints: ['src-main/node/cache/cacheWorker.ts'], outfile: workerScript, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'warning' });
  const inWorker = await openCreditCache({ file, key: KEY, worker: { script: workerScript }, integrity: 'header' });
  const viaWorker = stats(await timeIt((i) => inWorker.findByCode(codes[i]!)));
  line('findByCode via worker thread', viaWorker);
  await inWorker.close();

  // ── Name search ──
  const names = (bare.prepare('SELECT name FROM subjects WHERE sid IN (SELECT value FROM json_each(?)) AND name IS NOT NULL').pluck().all(JSON.stringify(indices.slice(0, 2000).map((i) => i + 1))) as string[]).map((n) => Array.from(n));
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
  console.log(`\npeak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MiB`);
  if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  else console.log(`kept: ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
