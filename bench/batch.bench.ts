// Batch credit check at scale: 10,000 codes (from a CSV, as a counter imports them)
// checked for one business item against a synthetic cache, end to end through the
// staff service (parse, lookups, hits, measures, audit chain, progress events),
// against a bare loop of findByCode over the same codes in the same run. Prints
// figures and the ratio; asserts nothing.
//   npx tsx bench/batch.bench.ts [--subjects N] [--codes C] [--keep] [--file F]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { csvLine } from '../src-main/common/staff/csvText';
import { buildCacheFile } from '../src-main/node/cache/cacheWriter';
import { openCreditCache } from '../src-main/node/cache/openCreditCache';
import { syntheticCodeOf, syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { fileKeyStore } from '../src-main/node/keys/fileKeyStore';
import { EventHub } from '../src-main/node/kiosk/eventHub';
import { silentLogger } from '../src-main/node/logging/logger';
import { createStaffService } from '../src-main/node/staff/staffService';
import { flag, numberArg, stringArg } from './args';

const SUBJECTS = numberArg('subjects', 100_000);
const CODES = numberArg('codes', 10_000);
const KEY = Buffer.alloc(32, 0x5a);
const TODAY = '2026-05-15';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'batch-bench-'));
/** --file F: a cache kept by the cache bench (`--keep`, same --subjects and key); skips the build. */
const GIVEN_FILE = stringArg('file');
const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });

async function main(): Promise<void> {
  console.log(`batch bench: ${fmt(CODES, 0)} codes against ${fmt(SUBJECTS, 0)} synthetic subjects, node ${process.version}, ${os.cpus().length} CPUs`);
  const file = GIVEN_FILE ?? path.join(dir, 'cache.sqlite');
  let t = performance.now();
  if (!GIVEN_FILE) {
    buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: new Date().toISOString(), source: 'bench', subjects: syntheticSubjects({ count: SUBJECTS, seed: 1, recordsPerSubject: 20, today: TODAY }) });
    console.log(`  cache built in ${fmt((performance.now() - t) / 1000)} s`);
  }
  const cache = await openCreditCache({ file, key: KEY, worker: 'none', integrity: 'header' });

  // Spread over the whole cache, deterministic.
  const codes = Array.from({ length: CODES }, (_, i) => syntheticCodeOf(Math.floor((i * 2654435761) % SUBJECTS), 1));

  // Warm the page cache equally for both runs.
  for (const c of codes.slice(0, 500)) await cache.findByCode(c);

  t = performance.now();
  let found = 0;
  for (const c of codes) if (await cache.findByCode(c)) found += 1;
  const bareMs = performance.now() - t;

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
  const started = await service.startBatchCheck({ token, itemId: 'government-procurement', fileName: 'bench.csv', format: 'csv', dataBase64: csv.toString('base64') });
  if (!started.ok) throw new Error(started.error.message);
  await service.batchFinished(started.value.batchId);
  const batchMs = performance.now() - t;
  const result = await service.getBatchResult({ token, batchId: started.value.batchId, pageSize: 1 });
  if (!result.ok) throw new Error('no result');

  t = performance.now();
  const xlsx = await service.exportBatch({ token, batchId: started.value.batchId, format: 'xlsx' });
  const xlsxMs = performance.now() - t;
  const verify = service.verifyAudit();

  console.log(`  bare findByCode loop        ${fmt(bareMs, 0).padStart(8)} ms   ${fmt((CODES / bareMs) * 1000, 0).padStart(8)} lookups/s   (${found} found)`);
  console.log(`  batch check (staff service) ${fmt(batchMs, 0).padStart(8)} ms   ${fmt((CODES / batchMs) * 1000, 0).padStart(8)} checks/s`);
  console.log(`  ratio batch / bare          ${fmt(batchMs / bareMs, 2).padStart(8)} ×`);
  console.log(`  rows: ${JSON.stringify(result.value.counts)}, progress events ${progressEvents}`);
  console.log(`  XLSX export of ${fmt(CODES, 0)} rows ${fmt(xlsxMs, 0)} ms (${fmt((xlsx.ok ? xlsx.value.bytes : 0) / 1024, 0)} KiB); audit chain ${verify.valid ? 'valid' : 'BROKEN'} with ${fmt(verify.entries, 0)} entries`);

  await service.close();
  await cache.close();
  if (!flag('keep')) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
