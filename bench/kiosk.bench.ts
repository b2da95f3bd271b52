// The kiosk process as a person meets it.
//  1. Card to summary: the whole runtime on its demo (simulated reader speaking SAM frames,
//     the demo cache): the reader's own read (placing the card → its card-inserted event),
//     then card event → the holder's own summary answered by lookupSelf (the aim: within
//     300 ms of the reader's read). The screen's drawing is measured by the e2e run.
//  2. Memory: the cache opened as the kiosk opens it (query worker + near lookups, reopenable),
//     5,000 lookups, 200 name searches, then a sealed report of a looked-up subject issued and
//     printed to the file printer; this process's resident memory (VmRSS, and the peak VmHWM,
//     worker threads included) after each step, against the memory before the cache opened.
// Prints figures; asserts nothing.
//   npx tsx bench/kiosk.bench.ts [--subjects N] [--file F] [--placements P]
import { openKeyStore } from '../src-main/node/keys/openKeyStore';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { KioskEvent } from '../src-main/common/contract/events';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { createReopenableCache } from '../src-main/node/cache/reopenableCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { loadKioskConfig } from '../src-main/node/config/kioskConfig';
import { silentLogger } from '../src-main/node/logging/logger';
import { createPrinter } from '../src-main/node/printing/createPrinter';
import { createReportIssuer } from '../src-main/node/report/reportIssuer';
import { createKioskRuntime } from '../src-main/node/runtime/kioskRuntime';
import { numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';

const SUBJECTS = numberArg('subjects', 20_000);
const PLACEMENTS = numberArg('placements', 30);
const GIVEN_FILE = stringArg('file');
const KEY = Buffer.alloc(32, 0x5a);
const RESOURCES = path.resolve(__dirname, '../resources');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-bench-'));
const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number): number => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

function memory(): { rss: number; peak: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kib = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function cardToSummary(): Promise<void> {
  const dataDir = path.join(dir, 'demo');
  const config = loadKioskConfig({ dataDir, env: {} });
  const runtime = await createKioskRuntime({ config, resourcesDir: RESOURCES, logger: silentLogger() });
  const { api } = runtime;
  const next = (type: KioskEvent['type']): Promise<KioskEvent> =>
    new Promise((resolve) => {
      const off = api.subscribe((e) => {
        if (e.type === type) {
          off();
          resolve(e);
        }
      });
    });
  while (!(await api.getStatus({}).then((s) => s.ok && s.value.reader.state === 'connected'))) await new Promise((r) => setTimeout(r, 50));
  const read: number[] = [];
  const summary: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < PLACEMENTS + 3; i++) {
    const inserted = next('card-inserted');
    const t0 = performance.now();
    await api.placeDemoCard({ cardId: 'card-zhou' });
    const event = await inserted;
    const t1 = performance.now();
    if (event.type !== 'card-inserted') throw new Error('no card event');
    const r = await api.lookupSelf({ sessionId: event.session.id });
    const t2 = performance.now();
    if (!r.ok) throw new Error(r.error.message);
    if (i >= 3) {
      read.push(t1 - t0);
      summary.push(t2 - t1);
      total.push(t2 - t0);
    }
    const removed = next('card-removed');
    await api.removeDemoCard({});
    await removed;
  }
  await runtime.close();
  console.log(`\ncard to summary (${PLACEMENTS} placements of a demo card, the whole runtime, simulated reader):`);
  console.log(`  the reader's own read (place → card event)   p50 ${fmt(pct(read, 50)).padStart(7)} ms   p99 ${fmt(pct(read, 99)).padStart(7)} ms`);
  console.log(`  card event → own summary answered (lookupSelf) p50 ${fmt(pct(summary, 50)).padStart(7)} ms   p99 ${fmt(pct(summary, 99)).padStart(7)} ms   (aim ≤ 300 ms; ${fmt(pct(summary, 99) / 300, 3)}× the aim at p99)`);
  console.log(`  place → summary                                p50 ${fmt(pct(total, 50)).padStart(7)} ms   p99 ${fmt(pct(total, 99)).padStart(7)} ms   (summary / read at p50 ${fmt(pct(summary, 50) / pct(read, 50), 2)}×)`);
}

async function memoryWithCache(): Promise<void> {
  const file = GIVEN_FILE ?? path.join(dir, 'cache.sqlite');
  if (!GIVEN_FILE) buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: syntheticSubjects({ count: SUBJECTS, seed: 1, recordsPerSubject: 20, today: '2026-05-15' }) });
  const before = memory();
  const script = bundledEntry('src-main/node/cache/cacheWorker.ts', 'cache-worker');
  const cache = await createReopenableCache(() => openCreditCache({ file, key: KEY, worker: { script }, integrity: 'header' }));
  const opened = memory();
  let last = null;
  for (let i = 0; i < 5000; i++) last = (await cache.findByCode(syntheticCodeOf(Math.floor((i * 2654435761) % SUBJECTS), 1))) ?? last;
  for (const q of ['有限公司', '科技', '商贸', '建设', '服务']) for (let p = 1; p <= 40; p++) await cache.search(q, { page: p });
  const looked = memory();
  if (!last) throw new Error('no subject found');
  const config = loadKioskConfig({ dataDir: path.join(dir, 'kiosk'), env: {} });
  const reports = createReportIssuer({ config, keys: openKeyStore(config) });
  const printer = createPrinter(config.printer, { dataDir: config.dataDir });
  const t = performance.now();
  const issued = await reports.issue({ subject: last.subject, records: last.records, provenance: { source: 'cache', dataVersion: 1, dataAsOf: new Date().toISOString(), stale: false }, now: new Date() });
  const end = await printer.print({ jobName: `bench-${issued.reportNumber}`, pdf: issued.pdf }, () => undefined);
  const printedMs = performance.now() - t;
  const printed = memory();
  await cache.close();
  const line = (label: string, m: { rss: number; peak: number }): void => console.log(`  ${label.padEnd(66)} RSS ${fmt(m.rss, 0).padStart(5)} MiB   peak ${fmt(m.peak, 0).padStart(5)} MiB`);
  console.log(`\nkiosk process memory with the cache open (${GIVEN_FILE ? path.basename(file) : `${fmt(SUBJECTS, 0)} subjects`}, ${fmt(fs.statSync(file).size / 1048576, 0)} MiB file; aim ≤ 400 MiB):`);
  line('before the cache opens', before);
  line('cache opened (worker thread + near connection)', opened);
  line('after 5,000 lookups and 200 name-search pages', looked);
  line(`after a report issued and printed (${issued.pages} pages, ${fmt(printedMs, 0)} ms, ${end.state})`, printed);
  console.log(`  ratio peak / aim                                                   ${fmt(printed.peak / 400, 2)}×`);
}

async function main(): Promise<void> {
  console.log(`kiosk bench: node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await memoryWithCache(); // first, so its peak is the kiosk's alone
  await cardToSummary();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
