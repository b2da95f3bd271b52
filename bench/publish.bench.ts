// Publishing on the platform side: a full release (v1) and the next one, full package +
// delta (v2, a tenth of the subjects changed, a thousandth gone), from synthetic data.
// 1. The old path (bench/legacyRelease.ts: SQLite stage, the previous full package read
//    back and compared line by line) against the shipped one (releaseBuilder: external
//    sorts, the previous release's hash state), same data, same run, at --baseline N.
// 2. `publish --input` as the CLI runs it (publishFromFolder) at --subjects N: the same source
//    exports (written first, not timed) staged in --workers threads (default: the cores)
//    against in this thread (workers: 0), same run, with the ratio; the packages must match.
// Wall time and this process's CPU time (gzip runs in libuv's threads and the staging workers
// count), in 1. with the time spent inside the synthetic generator taken out (it is the
// bench's source, not the publisher's work). Prints figures and ratios; asserts nothing.
//   npx tsx bench/publish.bench.ts [--baseline N] [--subjects N] [--records R] [--workers W]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PackageEntry } from '../src-main/common/sync/metadataSchemas';
import type { SubjectBundle } from '../src-main/node/cache/cacheWriter';
import { syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { publishFromFolder, stageBundles, type PublishResult } from '../src-main/node/sync/publisher';
import { buildRelease, type BuildReleaseOptions, type Stage } from '../src-main/node/sync/releaseBuilder';
import { generateKey } from '../src-main/node/sync/signing';
import { writeSourceExports } from '../src-main/node/sync/sourceExportWriter';
import { defaultStagingWorkers } from '../src-main/node/sync/stagingPool';
import { numberArg } from './args';
import { legacyBuildRelease } from './legacyRelease';

const BASELINE = numberArg('baseline', 20_000);
const SUBJECTS = numberArg('subjects', 100_000);
const RECORDS = numberArg('records', 20);
const WORKERS = numberArg('workers', defaultStagingWorkers());
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
  /** The whole process's, workers included. */
  cpu: number;
  /** This thread's alone (Linux; NaN elsewhere): the part no worker takes over. */
  main: number;
}

/** CPU seconds of the calling thread, from /proc (utime + stime, in clock ticks of 1/100 s). */
function threadCpu(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

async function timed(source: Pick<Source, 'wall' | 'cpu'>, run: () => Promise<unknown>): Promise<Timing> {
  const w = performance.now();
  const c = process.cpuUsage();
  const m = threadCpu();
  await run();
  const u = process.cpuUsage(c);
  const cpu = ((u.user + u.system) / 1000 - source.cpu) / 1000;
  return { wall: (performance.now() - w - source.wall) / 1000, cpu, main: threadCpu() - m - source.cpu / 1000 };
}

/** The least wall time the CPU allows on an idle machine: the main thread's share, or all of it spread over the cores. */
const idleBound = (t: Timing): number => Math.max(t.main, t.cpu / os.availableParallelism());

type BundleReleaseOptions = BuildReleaseOptions & { fill: (stage: Stage) => Promise<void> };

async function releases(name: string, build: (o: BundleReleaseOptions) => Promise<{ full: PackageEntry }>, count: number): Promise<[Timing, Timing]> {
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

  const rows = SUBJECTS * (RECORDS + 1);
  const key = generateKey();
  const paths = { workers: path.join(dir, 'repo-workers'), inThread: path.join(dir, 'repo-in-thread') };
  const results = { workers: [] as PublishResult[], inThread: [] as PublishResult[] };
  const times = { workers: [] as Timing[], inThread: [] as Timing[] };
  for (const [i, next] of [false, true].entries()) {
    // Both ways publish at the same moments, so their packages (whose headers carry dataAsOf) can match.
    const now = new Date(Date.parse(`${TODAY}T00:00:00Z`) + i * 3_600_000);
    // One version's exports on disk at a time (at 1 M subjects each is several GiB).
    const input = path.join(dir, 'input');
    writeSourceExports(input, new Source(SUBJECTS, next));
    for (const way of ['inThread', 'workers'] as const) {
      let result: PublishResult | undefined;
      times[way].push(
        await timed({ wall: 0, cpu: 0 }, async () => {
          result = await publishFromFolder(input, { repo: paths[way], key, now, workers: way === 'workers' ? WORKERS : 0 });
        }),
      );
      results[way].push(result!);
    }
    fs.rmSync(input, { recursive: true, force: true });
  }
  const [w1, w2] = times.workers as [Timing, Timing];
  const [i1, i2] = times.inThread as [Timing, Timing];
  const v2 = results.workers[1]!;
  const same = results.workers.every((r, i) => r.full.sha256 === results.inThread[i]!.full.sha256 && r.delta?.sha256 === results.inThread[i]!.delta?.sha256);
  console.log(`${fmt(SUBJECTS, 0)} subjects (~${fmt(rows, 0)} rows) through publishFromFolder (publish --input); load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
  const mainCpu = (t: Timing): string => `  (main thread ${fmt(t.main)} s CPU)`;
  console.log(line('  in-thread v1 (full)', i1, rows) + mainCpu(i1));
  console.log(line('  in-thread v2 (full + delta)', i2, rows) + mainCpu(i2));
  console.log(line(`  ${WORKERS} staging workers v1 (full)`, w1, rows) + mainCpu(w1) + `  full ${fmt(v2.full.length / 1048576)} MiB gz (${fmt(v2.full.uncompressedLength / 1048576)} MiB NDJSON)`);
  console.log(line(`  ${WORKERS} staging workers v2 (full + delta)`, w2, rows) + mainCpu(w2) + `  delta ${fmt(v2.delta!.length / 1048576)} MiB gz: ${fmt(v2.delta!.subjects, 0)} subjects, ${fmt(v2.delta!.tombstones, 0)} tombstones`);
  console.log(`  ratio workers / in-thread, wall: v1 ${fmt(w1.wall / i1.wall, 2)}×  v2 ${fmt(w2.wall / i2.wall, 2)}×;  CPU: v1 ${fmt(w1.cpu / i1.cpu, 2)}×  v2 ${fmt(w2.cpu / i2.cpu, 2)}×;  same packages: ${same ? 'yes' : 'NO'}`);
  const project = (label: string, seconds: number): void => {
    const perSubject = seconds / SUBJECTS;
    console.log(`  ${label.padEnd(58)} 1 M ${fmt((perSubject * 1e6) / 60)} min, 3 M ${fmt((perSubject * 3e6) / 60)} min, 13.8 M ${fmt((perSubject * 13.8e6) / 60)} min`);
  };
  project('v2 (full + delta) with workers, measured wall, linearly:', w2.wall);
  // On a machine under others' load the wall time says little; the CPU split says what an idle one allows.
  project(`v2 idle-machine bound, workers (max(main CPU, CPU / ${os.availableParallelism()})):`, idleBound(w2));
  project('v2 idle-machine bound, in-thread:', idleBound(i2));
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  console.error(err);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
