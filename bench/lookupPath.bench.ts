// The path a kiosk lookup takes, candidates side by side on the same file and codes:
//   in-thread    — CacheReader in this thread, no worker at all (the floor: the query itself)
//   worker       — postMessage to the query worker and back (the path before this bench)
//   shared       — the query worker answering over SharedArrayBuffer + Atomics (bench/sabLookupWorker.ts)
//   near         — what the kiosk ships: a worker for everything else, single-code lookups on
//                  this thread's own connection under a time budget (src-main/node/cache/lookupRoute.ts)
// Each candidate reads every code once beforehand (pages in memory, as for a subject looked
// up twice); then each code is looked up by every candidate in turn, so the machine's noise falls on all alike.
// Prints p50/p99 per candidate and the ratio to the worker path measured in the same run.
//   npx tsx bench/lookupPath.bench.ts [--subjects N] [--lookups L] [--rounds R] [--file F]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import { decodeBundle, type BundleWire } from '../src-main/node/cache/cacheRows';
import { LOOKUP_BUDGET_MS, LOOKUP_COOL_DOWN, LookupRoute } from '../src-main/node/cache/lookupRoute';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';
import { ANSWER, IDLE, REQUEST, STOP } from './sabLookupWorker';

const SUBJECTS = numberArg('subjects', 100_000);
const LOOKUPS = numberArg('lookups', 5000);
const ROUNDS = numberArg('rounds', 3);
const KEY = Buffer.alloc(32, 0x5a);
const GIVEN_FILE = stringArg('file');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookup-bench-'));
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d });
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

type Find = (code: string) => Promise<unknown>;
/** Atomics.waitAsync: in Node since 16, in TypeScript's lib only from es2024 (this project targets es2022). */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } }).waitAsync;

/** The SharedArrayBuffer candidate: one request at a time, the caller awaiting Atomics.waitAsync. */
function sharedChannel(file: string): { find: Find; close: () => Promise<void> } {
  const shared = new SharedArrayBuffer(8 + 4 * 1024 * 1024);
  const ctl = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  const worker = new Worker(bundledEntry('bench/sabLookupWorker.ts', 'sab-lookup-worker'), { workerData: { file, key: KEY, shared } });
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return {
    find: async (code) => {
      ctl[1] = encoder.encodeInto(code, bytes).written;
      Atomics.store(ctl, 0, REQUEST);
      Atomics.notify(ctl, 0);
      const waited = waitAsync(ctl, 0, REQUEST);
      if (waited.async) await waited.value;
      if (Atomics.load(ctl, 0) !== ANSWER) throw new Error('shared channel: no answer');
      const wire = JSON.parse(decoder.decode(bytes.slice(0, ctl[1]))) as BundleWire | null;
      Atomics.store(ctl, 0, IDLE);
      return wire && decodeBundle(wire);
    },
    close: async () => {
      Atomics.store(ctl, 0, STOP);
      Atomics.notify(ctl, 0);
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}

async function main(): Promise<void> {
  console.log(`lookup path bench: ${fmt(SUBJECTS)} subjects, ${fmt(LOOKUPS)} codes × ${ROUNDS} rounds, node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const file = GIVEN_FILE ?? path.join(dir, 'cache.sqlite');
  if (!GIVEN_FILE) {
    const t = performance.now();
    buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: syntheticSubjects({ count: SUBJECTS, seed: 1, recordsPerSubject: 20, today: '2026-05-15' }) });
    console.log(`  cache built in ${fmt((performance.now() - t) / 1000, 1)} s`);
  }
  const script = bundledEntry('src-main/node/cache/cacheWorker.ts', 'cache-worker');
  const open = (extra: Parameters<typeof openCreditCache>[0]['nearLookups'] | 'none') =>
    openCreditCache({ file, key: KEY, integrity: 'header', ...(extra === 'none' ? { worker: 'none' } : { worker: { script }, nearLookups: extra }) });
  const inThread = await open('none');
  const worker = await open(false);
  const route = new LookupRoute();
  const near = await open(route);
  const shared = sharedChannel(file);
  const candidates: Array<[string, Find]> = [
    ['in-thread (no worker; the floor)', (c) => inThread.findByCode(c)],
    ['worker, postMessage (before)', (c) => worker.findByCode(c)],
    ['worker, SharedArrayBuffer + Atomics', shared.find],
    ['near connection + budget (shipped)', (c) => near.findByCode(c)],
  ];

  const codes = Array.from({ length: LOOKUPS }, (_, i) => syntheticCodeOf(Math.floor((i * 2654435761) % SUBJECTS), 1));
  for (const [, find] of candidates) for (const c of codes) await find(c);
  const samples = new Map<string, number[]>(candidates.map(([name]) => [name, []]));
  // Interleaved code by code, in a rotating order: on a shared machine the scheduler's
  // noise comes in bursts, and each burst then falls on every candidate alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, c] of codes.entries()) {
      for (let j = 0; j < candidates.length; j++) {
        const [name, find] = candidates[(k + j) % candidates.length]!;
        const s = performance.now();
        await find(c);
        samples.get(name)!.push((performance.now() - s) * 1000);
      }
    }
  }
  const handoff: number[] = [];
  for (let i = 0; i < LOOKUPS; i++) {
    const s = performance.now();
    await worker.dataInfo();
    handoff.push((performance.now() - s) * 1000);
  }

  const p99Of = (xs: number[]): number => pct([...xs].sort((a, b) => a - b), 99);
  const baseP99 = p99Of(samples.get(candidates[1]![0])!);
  console.log(`\nfindByCode, pages in memory (${fmt(LOOKUPS * ROUNDS)} lookups per row):`);
  for (const [name] of candidates) {
    const s = [...samples.get(name)!].sort((a, b) => a - b);
    console.log(`  ${name.padEnd(38)} p50 ${fmt(pct(s, 50)).padStart(6)} µs   p99 ${fmt(pct(s, 99)).padStart(6)} µs   p99.9 ${fmt(pct(s, 99.9)).padStart(6)} µs   p99 / worker ${(pct(s, 99) / baseP99).toFixed(2)}×`);
  }
  const h = [...handoff].sort((a, b) => a - b);
  console.log(`  ${'the worker round trip alone (dataInfo)'.padEnd(38)} p50 ${fmt(pct(h, 50)).padStart(6)} µs   p99 ${fmt(pct(h, 99)).padStart(6)} µs`);
  console.log(`  (the near path answered ${fmt(route.routed.near)} lookups itself and sent ${fmt(route.routed.worker)} to the worker, the next ${LOOKUP_COOL_DOWN} after each that ran over its ${LOOKUP_BUDGET_MS} ms budget)`);
  console.log(`\npeak RSS ${fmt(process.resourceUsage().maxRSS / 1024)} MiB (this process and its worker threads, four connections open)`);
  await Promise.all([inThread.close(), worker.close(), near.close(), shared.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
