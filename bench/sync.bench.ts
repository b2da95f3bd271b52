// Sync end to end on loopback: a repository published from synthetic data, served
// by the reference platform, downloaded, verified and applied (in a low-priority
// child process, the kiosk's path), against the cache's own bulk load of the same
// data and a raw better-sqlite3 load as baselines; then a delta of 100k changed subjects (a tenth below 1M), with lookup
// latency on the main thread while it applies vs idle. Prints figures and ratios;
// asserts nothing.
//   npx tsx bench/sync.bench.ts [--subjects N] [--records R] [--changes C]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import type { SubjectBundle } from '../src-main/node/cache/cacheWriter';
import { applyInWorker } from '../src-main/node/sync/applyWorker';
import { httpSource } from '../src-main/node/sync/httpSource';
import { startPlatformServer } from '../src-main/node/platform/platformServer';
import { publishFromBundles } from '../src-main/node/sync/publisher';
import { generateKey } from '../src-main/node/sync/signing';
import { runSyncCycle } from '../src-main/node/sync/syncClient';
import { numberArg } from './args';
import { bundledEntry } from './bundled';
import { rawBulkLoad } from './rawBaseline';

const SUBJECTS = numberArg('subjects', 100_000);
const RECORDS = numberArg('records', 20);
// A 100k-change delta at city scale; a tenth of the subjects below that (a delta of most of
// the subjects would be replaced by the full package: see choosePackage).
const CHANGES = Math.min(numberArg('changes', Math.min(100_000, Math.floor(SUBJECTS / 10))), SUBJECTS);
const SEED = 1;
const TODAY = '2026-05-15';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-bench-'));
const repo = path.join(dir, 'repo');
const cacheFile = path.join(dir, 'kiosk', 'credit-cache.sqlite');
const cacheKey = crypto.randomBytes(32);
const key = generateKey();
// The apply child bundled as the kiosk ships it.
const worker = applyInWorker({ script: bundledEntry('src-main/node/sync/syncApplyWorkerEntry.ts', 'sync-apply-worker') });

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const p = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))] ?? 0;
const t0 = (): number => performance.now();

function* changed(): Generator<SubjectBundle> {
  let i = 0;
  for (const b of syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY })) {
    // The first CHANGES subjects change one record (a repair, say): a delta of CHANGES subjects.
    if (i++ < CHANGES && b.records[0]) b.records[0].status = 'repaired';
    yield b;
  }
}

/**
 * Lookup latencies over a fixed set of subjects, cycled: idle and during the apply use the
 * same set, read once beforehand, so the two differ by the concurrent apply only — not by
 * which pages happen to be cached (a first read from disk would dwarf the difference).
 */
const LOOKUP_SET = Array.from({ length: 20_000 }, (_, i) => syntheticCodeOf((i * 7919) % SUBJECTS, SEED));

async function lookupLatencies(lookup: (code: string) => Promise<unknown>, until: () => boolean, max = LOOKUP_SET.length, keep: () => boolean = () => true): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; samples.length < max && !until(); i++) {
    const code = LOOKUP_SET[i % LOOKUP_SET.length]!;
    const s = t0();
    await lookup(code);
    if (keep()) samples.push((t0() - s) * 1000);
    // Yield to the event loop so the child's messages and the HTTP stack get their turn.
    if (i % 50 === 0) await new Promise((r) => setImmediate(r));
  }
  return samples.sort((a, b) => a - b);
}

// The apply starts when verification is complete (its first own progress comes only after 5000 lines).
let inApply = false;
const onProgress = (phase: string, done: number, total: number): void => {
  if (phase === 'apply' || (phase === 'verify' && done === total)) inApply = true;
};

async function main(): Promise<void> {
  console.log(`sync bench: ${fmt(SUBJECTS, 0)} subjects × ~${RECORDS} records, delta of ${fmt(CHANGES, 0)} changed subjects; ${os.cpus().length} cores`);
  let s = t0();
  const v1 = await publishFromBundles(syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY }), { repo, key });
  const rows = v1.full.subjects + v1.full.records;
  console.log(`  publish v1 (platform side)             ${fmt((t0() - s) / 1000)} s; full package ${fmt(v1.full.length / 1048576)} MiB gz (${fmt(v1.full.uncompressedLength / 1048576)} MiB NDJSON)`);

  const platform = await startPlatformServer({ repo, tokens: {}, queryIndex: false });
  try {
    const shippedRoot = fs.readFileSync(path.join(repo, '1.root.json'));
    const common = { source: httpSource({ url: `${platform.url}/repo/` }), cacheFile, cacheKey, shippedRoot, stagingDir: path.join(dir, 'kiosk', 'staging'), apply: worker, onProgress };
    s = t0();
    const first = await runSyncCycle(common);
    const e2e = (t0() - s) / 1000;
    if (first.outcome !== 'applied') throw new Error(first.outcome);

    const baselineFile = path.join(dir, 'baseline.sqlite');
    s = t0();
    buildCacheFile({ file: baselineFile, key: cacheKey, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY }) });
    const baseline = (t0() - s) / 1000;
    fs.rmSync(baselineFile, { force: true });
    const raw = rawBulkLoad(path.join(dir, 'raw.sqlite'), syntheticSubjects({ count: SUBJECTS, seed: SEED, recordsPerSubject: RECORDS, today: TODAY }));
    console.log(`  e2e full: download+verify+apply        ${fmt(e2e)} s   ${fmt(rows / e2e, 0)} rows/s  (${fmt(rows, 0)} rows)`);
    console.log(`  apply process peak RSS                 ${fmt((first.apply.peakRssBytes ?? 0) / 1048576, 0)} MiB (package ${fmt(v1.full.uncompressedLength / 1048576, 0)} MiB as NDJSON)`);
    console.log(`  raw better-sqlite3 bulk load (bare)    ${fmt(raw.seconds)} s   ${fmt(raw.rows / raw.seconds, 0)} rows/s`);
    console.log(`  ratio e2e / raw baseline throughput    ${fmt(raw.seconds / e2e, 2)}×`);
    console.log(`  cache bulk load from the generator     ${fmt(baseline)} s   ${fmt(rows / baseline, 0)} rows/s (e2e takes ${fmt(e2e / baseline, 2)}× its time)`);

    s = t0();
    const v2 = await publishFromBundles(changed(), { repo, key });
    console.log(`  publish v2 (platform side)             ${fmt((t0() - s) / 1000)} s; delta ${fmt(v2.delta!.length / 1048576)} MiB gz, ${fmt(v2.delta!.subjects, 0)} subjects`);

    const cache = await openCreditCache({ file: cacheFile, key: cacheKey, worker: 'none', integrity: 'header' });
    await lookupLatencies((c) => cache.findByCode(c), () => false); // the set read once
    const idle = await lookupLatencies((c) => cache.findByCode(c), () => false);
    let applying = true;
    s = t0();
    // Only the lookups while the apply runs count (not download and hashing), all of them: no cap.
    inApply = false;
    const during = lookupLatencies((c) => cache.findByCode(c), () => !applying, Infinity, () => inApply);
    const second = await runSyncCycle(common);
    const deltaSeconds = (t0() - s) / 1000;
    applying = false;
    const busy = await during;
    await cache.close();
    if (second.outcome !== 'applied') throw new Error(second.outcome);
    console.log(`  e2e delta (${second.apply.kind}, ${fmt(second.apply.subjects, 0)} subjects)  ${fmt(deltaSeconds)} s   ${fmt((second.apply.subjects + second.apply.records) / deltaSeconds, 0)} rows/s`);
    console.log(`  lookup idle          p50 ${fmt(p(idle, 50))} µs   p99 ${fmt(p(idle, 99))} µs   (${idle.length} lookups)`);
    console.log(`  lookup during apply  p50 ${fmt(p(busy, 50))} µs   p99 ${fmt(p(busy, 99))} µs   (${busy.length} lookups)`);
    console.log(`  p99 ratio during/idle                  ${fmt(p(busy, 99) / p(idle, 99), 2)}×`);
    console.log(`  peak RSS                               ${fmt(process.memoryUsage().rss / 1048576, 0)} MiB (this process; the apply runs in a child)`);
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
