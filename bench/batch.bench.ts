// Batch credit check at scale: 10,000 codes (from a CSV, as a counter imports them)
// checked for one business item against a synthetic cache, end to end through the
// staff service (parse, lookups, hits, measures, audit chain, progress events) on the
// cache as the kiosk opens it (query worker + near lookups), against a bare in-thread
// loop of findByCode over the same codes in the same run, and the worker's hits-only lookups
// alone (its share of the work); wall and CPU time (every thread). Then a kiosk's lookups (1,000
// other codes, each read once beforehand, one every 5 ms) idle and while the batch runs: each is timed
// from a turn of the event loop, so the time it waits behind the batch's work counts.
// Last, one chunk's audit commit durable vs `sync: 'later'`. Prints figures and ratios; asserts nothing.
//   npx tsx bench/batch.bench.ts [--subjects N] [--codes C] [--keep] [--file F]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvLine } from '../src-main/common/staff/csvText';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import type { LocalCreditCache } from '../src-main/node/cache/creditCache';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { fileKeyStore } from '../src-main/node/keys/fileKeyStore';
import { EventHub } from '../src-main/node/kiosk/eventHub';
import { silentLogger } from '../src-main/node/logging/logger';
import { AuditLog } from '../src-main/node/staff/auditLog';
import { openStaffDb } from '../src-main/node/staff/staffDb';
import { createStaffService } from '../src-main/node/staff/staffService';
import { flag, numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';

const SUBJECTS = numberArg('subjects', 100_000);
const CODES = numberArg('codes', 10_000);
const KEY = Buffer.alloc(32, 0x5a);
const TODAY = '2026-05-15';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-bench-'));
/** --file F: a cache kept by the cache bench (`--keep`, same --subjects and key); skips the build. */
const GIVEN_FILE = stringArg('file');
const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
function stats(samples: number[]): { p50: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 50), p99: pct(s, 99) };
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

/** A kiosk's lookups one after another while `more` says so, each timed from a turn of the event loop (waiting behind other work counts). */
async function kioskLookups(cache: LocalCreditCache, codes: string[], more: (done: number) => boolean): Promise<number[]> {
  const out: number[] = [];
  while (more(out.length)) {
    const t0 = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    await cache.findByCode(codes[out.length % codes.length]!);
    out.push((performance.now() - t0) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 5)); // people, not a loop: one lookup every few milliseconds
  }
  return out;
}

/** What one chunk's audit transaction (50 entries) costs the main thread, durable vs `sync: 'later'`, alternating. */
function auditCommits(file: string): void {
  const db = openStaffDb(file, { pepper: Buffer.alloc(32, 1) });
  const log = new AuditLog(db);
  const entries = Array.from({ length: 50 }, (_, row) => ({ at: new Date().toISOString(), kioskId: 'BENCH', staffNo: 'D002', action: 'batch-check', itemId: 'government-procurement', subjectKey: 'o:91350100M000100Y43', result: 'clear', detail: { batchId: 'bench', row, hits: [] } }));
  const durable: number[] = [];
  const later: number[] = [];
  for (let i = 0; i < 40; i++) {
    for (const [sync, out] of [['now', durable], ['later', later]] as const) {
      const t0 = performance.now();
      log.appendMany(entries, { sync });
      out.push(performance.now() - t0);
    }
  }
  const d = stats(durable);
  const l = stats(later);
  console.log(`  audit commit of 50 entries: durable p50 ${fmt(d.p50, 2)} / p99 ${fmt(d.p99, 2)} ms; sync later p50 ${fmt(l.p50, 2)} / p99 ${fmt(l.p99, 2)} ms`);
  db.close();
}

async function main(): Promise<void> {
  console.log(`batch bench: ${fmt(CODES, 0)} codes against ${fmt(SUBJECTS, 0)} synthetic subjects, node ${process.version}, ${os.cpus().length} CPUs`);
  const file = GIVEN_FILE ?? path.join(dir, 'cache.sqlite');
  let t = performance.now();
  if (!GIVEN_FILE) {
    buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: syntheticSubjects({ count: SUBJECTS, seed: 1, recordsPerSubject: 20, today: TODAY }) });
    console.log(`  cache built in ${fmt((performance.now() - t) / 1000)} s`);
  }
  const bareCache = await openCreditCache({ file, key: KEY, worker: 'none', integrity: 'header' });
  const cache = await openCreditCache({ file, key: KEY, worker: { script: bundledEntry('src-main/node/cache/cacheWorker.ts', 'cache-worker') }, integrity: 'header' });

  // Spread over the whole cache, deterministic.
  const codes = Array.from({ length: CODES }, (_, i) => syntheticCodeOf(Math.floor((i * 2654435761) % SUBJECTS), 1));

  const kioskCodes = Array.from({ length: 1000 }, (_, i) => syntheticCodeOf(Math.floor(((i + CODES) * 2654435761) % SUBJECTS), 1));
  // Every code read once beforehand, so the bare loop and the batch both find their pages in memory.
  for (const c of codes) await bareCache.findByCode(c);
  for (const c of kioskCodes) await cache.findByCode(c);

  t = performance.now();
  let cpu = process.cpuUsage();
  let found = 0;
  for (const c of codes) if (await bareCache.findByCode(c)) found += 1;
  const bareMs = performance.now() - t;
  const bareCpu = cpuMs(process.cpuUsage(cpu));
  await bareCache.close();
  const idle = await kioskLookups(cache, kioskCodes, (n) => n < kioskCodes.length);

  // The worker's share alone: the hits-only lookups of every code, 50 per call, nothing computed.
  t = performance.now();
  cpu = process.cpuUsage();
  for (let i = 0; i < codes.length; i += 50) await cache.findHitsByCode(codes.slice(i, i + 50));
  const hitsMs = performance.now() - t;
  const hitsCpu = cpuMs(process.cpuUsage(cpu));

  const staffDir = path.join(dir, 'staff');
  const hub = new EventHub();
  let progressEvents = 0;
  hub.subscribe((e) => {
    if (e.type === 'batch-progress') progressEvents += 1;
  });
  const service = await createStaffService({
    cache,
    hub,
    logger: silentLogger(),
    dataDir: staffDir,
    keys: fileKeyStore(staffDir),
    resourcesDir: path.resolve(__dirname, '../resources'),
    kioskId: 'BENCH',
    demo: true,
    scrypt: { N: 1024, r: 8, p: 1 },
  });
  const signed = await service.signIn({ by: 'pin', staffNo: 'D002', pin: '135790' });
  if (!signed.ok || !signed.value.signedIn) throw new Error('bench sign-in failed');
  const token = signed.value.session.token;
  const csv = Buffer.from([csvLine(['统一社会信用代码/身份证号']), ...codes.map((c) => csvLine([c]))].join('\r\n'), 'utf8');

  t = performance.now();
  cpu = process.cpuUsage();
  const started = await service.startBatchCheck({ token, itemId: 'government-procurement', fileName: 'bench.csv', format: 'csv', dataBase64: csv.toString('base64') });
  if (!started.ok) throw new Error(started.error.message);
  let batchDone = false;
  const finished = service.batchFinished(started.value.batchId).then(() => {
    batchDone = true;
  });
  const duringBatch = await kioskLookups(cache, kioskCodes, () => !batchDone);
  await finished;
  const batchMs = performance.now() - t;
  const batchCpu = cpuMs(process.cpuUsage(cpu));
  const result = await service.getBatchResult({ token, batchId: started.value.batchId, pageSize: 1 });
  if (!result.ok) throw new Error('no result');

  t = performance.now();
  const xlsx = await service.exportBatch({ token, batchId: started.value.batchId, format: 'xlsx' });
  const xlsxMs = performance.now() - t;
  const verify = service.verifyAudit();

  console.log(`  bare findByCode loop        ${fmt(bareMs, 0).padStart(8)} ms   ${fmt((CODES / bareMs) * 1000, 0).padStart(8)} lookups/s   (${found} found)`);
  console.log(`  hits-only lookups alone     ${fmt(hitsMs, 0).padStart(8)} ms   ${fmt((CODES / hitsMs) * 1000, 0).padStart(8)} codes/s   (${fmt((hitsCpu / CODES) * 1000, 0)} µs CPU per code)`);
  console.log(`  batch check (staff service) ${fmt(batchMs, 0).padStart(8)} ms   ${fmt((CODES / batchMs) * 1000, 0).padStart(8)} checks/s`);
  console.log(`  ratio batch / bare          ${fmt(batchMs / bareMs, 2).padStart(8)} ×`);
  // CPU time (every thread of the process) tells the work apart from the waiting a loaded machine adds to wall time.
  console.log(`  CPU per code: bare ${fmt((bareCpu / CODES) * 1000, 0)} µs, batch ${fmt((batchCpu / CODES) * 1000, 0)} µs (main + worker, kiosk lookups included; ${fmt((CODES / batchCpu) * 1000, 0)} checks per CPU-second)`);
  console.log(`  rows: ${JSON.stringify(result.value.counts)}, progress events ${progressEvents}`);
  const i = stats(idle);
  const d = stats(duringBatch);
  console.log(`  kiosk lookups idle          p50 ${fmt(i.p50, 0).padStart(6)} µs   p99 ${fmt(i.p99, 0).padStart(6)} µs   (${fmt(idle.length, 0)} lookups)`);
  console.log(`  kiosk lookups during batch  p50 ${fmt(d.p50, 0).padStart(6)} µs   p99 ${fmt(d.p99, 0).padStart(6)} µs   (${fmt(duringBatch.length, 0)} lookups)   p99 ratio ${fmt(d.p99 / i.p99, 2)}×`);
  console.log(`  XLSX export of ${fmt(CODES, 0)} rows ${fmt(xlsxMs, 0)} ms (${fmt((xlsx.ok ? xlsx.value.bytes : 0) / 1024, 0)} KiB); audit chain ${verify.valid ? 'valid' : 'BROKEN'} with ${fmt(verify.entries, 0)} entries`);

  auditCommits(path.join(dir, 'audit.sqlite'));

  await service.close();
  await cache.close();
  if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
