// Publishing on the platform side: a full release (v1) and the next one, full package +
// delta (v2, a tenth of the subjects changed, a thousandth gone), from synthetic data.
// 1. The old path (bench/legacyRelease.ts: SQLite stage, the previous full package read
//    back and compared line by line) against the shipped one (releaseBuilder: external
//    sorts, the previous release's hash state), same data, same run, at --baseline N.
// 2. The shipped path alone through publishFromBundles at --subjects N.
// Wall time and this process's CPU time (gzip runs in libuv's threads and counts), with the
// time spent inside the synthetic generator taken out (it is the bench's source, not the
// publisher's work). Prints figures and ratios; asserts nothing.
//   npx tsx bench/publish.bench.ts [--baseline N] [--subjects N] [--records R]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PackageEntry } from '../src-main/common/sync/metadataSchemas';
import type { SubjectBundle } from '../src-main/node/cache/cacheWriter';
import { syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { publishFromBundles, stageBundles } from '../src-main/node/sync/publisher';
import { buildRelease, type BuildReleaseOptions } from '../src-main/node/sync/releaseBuilder';
import { generateKey } from '../src-main/node/sync/signing';
import { numberArg } from './args';
import { legacyBuildRelease } from './legacyRelease';

const BASELINE = numberArg('baseline', 20_000);
const SUBJECTS = numberArg('subjects', 100_000);
const RECORDS = numberArg('records', 20);
const TODAY = '2026-05-15';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-bench-'));
const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** The synthetic source, timed: wall and CPU spent inside the generator are counted apart. */
class Source {
  wall = 0;
  cpu = 0;
  constructor(
    private readonly count: number,
    private readonly next: boolean,
  ) {}

  *[Symbol.iterator](): Generator<SubjectBundle> {
    const inner = syntheticSubjects({ count: this.count, seed: 1, recordsPerSubject: RECORDS, today: TODAY })[Symbol.iterator]();
    for (let i = 0; ; i++) {
      const w = performance.now();
      const c = process.cpuUsage();
      const r = inner.next();
      if (!r.done && this.next) {
        // v2: a tenth of the subjects change one record; a thousandth are gone.
        if (i % 1000 === 999) {
          this.add(w, c);
          continue;
        }
        if (i % 10 === 0 && r.value.records[0]) r.value.records[0].status = 'repaired';
      }
      this.add(w, c);
      if (r.done) return;
      yield r.value;
    }
  }

  private add(w: number, c: NodeJS.CpuUsage): void {
    const u = process.cpuUsage(c);
    this.wall += performance.now() - w;
    this.cpu += (u.user + u.system) / 1000;
  }
}

interface Timing {
  wall: number;
  cpu: number;
}

async function timed(source: Source, run: () => Promise<unknown>): Promise<Timing> {
  const w = performance.now();
  const c = process.cpuUsage();
  await run();
  const u = process.cpuUsage(c);
  return { wall: (performance.now() - w - source.wall) / 1000, cpu: ((u.user + u.system) / 1000 - source.cpu) / 1000 };
}

async function releases(name: string, build: (o: BuildReleaseOptions) => Promise<{ full: PackageEntry }>, count: number): Promise<[Timing, Timing]> {
  const repo = path.join(dir, name);
  fs.mkdirSync(path.join(repo, 'packages'), { recursive: true });
  const s1 = new Source(count, false);
  let v1: { full: PackageEntry } | undefined;
  const t1 = await timed(s1, async () => {
    v1 = await build({ repo, version: 1, dataAsOf: TODAY, previous: null, fill: stageBundles(s1) });
  });
  const s2 = new Source(count, true);
  const previous = { version: 1, full: v1!.full, fullPath: path.join(repo, 'packages', v1!.full.name) };
  const t2 = await timed(s2, () => build({ repo, version: 2, dataAsOf: TODAY, previous, fill: stageBundles(s2) }));
  fs.rmSync(repo, { recursive: true, force: true });
  return [t1, t2];
}

const line = (label: string, t: Timing, rows: number): string =>
  `${label.padEnd(42)} ${fmt(t.wall).padStart(8)} s wall  ${fmt(t.cpu).padStart(8)} s CPU  ${fmt(rows / t.wall, 0).padStart(9)} rows/s`;

async function main(): Promise<void> {
  console.log(`publish bench: ~${RECORDS} records per subject; ${os.cpus().length} cores; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const baseRows = BASELINE * (RECORDS + 1);
  const [old1, old2] = await releases('legacy', legacyBuildRelease, BASELINE);
  const [new1, new2] = await releases('merge', buildRelease, BASELINE);
  console.log(`${fmt(BASELINE, 0)} subjects (~${fmt(baseRows, 0)} rows), generator time taken out:`);
  console.log(line('  old path v1 (full)', old1, baseRows));
  console.log(line('  old path v2 (full + delta)', old2, baseRows));
  console.log(line('  shipped v1 (full)', new1, baseRows));
  console.log(line('  shipped v2 (full + delta)', new2, baseRows));
  console.log(`  ratio shipped / old, wall: v1 ${fmt(new1.wall / old1.wall, 2)}×  v2 ${fmt(new2.wall / old2.wall, 2)}×;  CPU: v1 ${fmt(new1.cpu / old1.cpu, 2)}×  v2 ${fmt(new2.cpu / old2.cpu, 2)}×`);

  const repo = path.join(dir, 'repo');
  const key = generateKey();
  const rows = SUBJECTS * (RECORDS + 1);
  const s1 = new Source(SUBJECTS, false);
  let v1: Awaited<ReturnType<typeof publishFromBundles>> | undefined;
  const t1 = await timed(s1, async () => {
    v1 = await publishFromBundles(s1, { repo, key });
  });
  const s2 = new Source(SUBJECTS, true);
  let v2: Awaited<ReturnType<typeof publishFromBundles>> | undefined;
  const t2 = await timed(s2, async () => {
    v2 = await publishFromBundles(s2, { repo, key });
  });
  console.log(`${fmt(SUBJECTS, 0)} subjects (~${fmt(rows, 0)} rows) through publishFromBundles; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
  console.log(line('  v1 (full)', t1, rows) + `  full ${fmt(v1!.full.length / 1048576)} MiB gz (${fmt(v1!.full.uncompressedLength / 1048576)} MiB NDJSON)`);
  console.log(line('  v2 (full + delta)', t2, rows) + `  delta ${fmt(v2!.delta!.length / 1048576)} MiB gz: ${fmt(v2!.delta!.subjects, 0)} subjects, ${fmt(v2!.delta!.tombstones, 0)} tombstones`);
  console.log(`  generator (taken out above): v1 ${fmt(s1.wall / 1000)} s, v2 ${fmt(s2.wall / 1000)} s`);
  const perSubject = t2.wall / SUBJECTS;
  console.log(`  v2 projected linearly: 1 M ${fmt(perSubject * 1e6 / 60)} min, 3 M ${fmt(perSubject * 3e6 / 60)} min, 13.8 M ${fmt(perSubject * 13.8e6 / 60)} min`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
