// The apply in a child process at low priority (the kiosk's path when bundled): a full
// package, then a delta; a refusal inside the child keeps its code; the child's
// threads run at the lowest priority.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyInWorker } from '../../../src-main/node/sync/applyWorker';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { bundles, importOptions, makeFixture, publish, T0, type Fixture } from './syncFixtures';

const entry = { script: path.resolve(__dirname, '../../../src-main/node/sync/syncApplyWorkerEntry.ts'), execArgv: ['--import', 'tsx'] };
const later = new Date(T0.getTime() + 3_600_000);

let f: Fixture;
afterEach(() => f?.cleanup());

describe('apply in a child process', () => {
  it('applies a full package and a delta, reporting progress', async () => {
    f = makeFixture();
    await publish(f, bundles(40));
    const apply = applyInWorker(entry);
    const phases: string[] = [];
    const first = await runSyncCycle({ ...importOptions(f), apply, onProgress: (phase) => phases.push(phase) });
    // The child reports its own peak memory (a Node process: tens of MiB, never zero).
    expect(first).toMatchObject({ outcome: 'applied', apply: { kind: 'full', subjects: 40, peakRssBytes: expect.any(Number) } });
    expect(first.outcome === 'applied' && first.apply.peakRssBytes).toBeGreaterThan(10 * 1048576);
    expect(phases).toContain('apply');

    const v2 = bundles(40);
    v2[0]!.records[0]!.status = 'repaired';
    await publish(f, v2, later);
    const second = await runSyncCycle({ ...importOptions(f, later), apply });
    expect(second).toMatchObject({ outcome: 'applied', version: 2, apply: { kind: 'delta', subjects: 1 } });
  });

  it('passes a refusal from the child on with its code', async () => {
    f = makeFixture();
    await publish(f, bundles(10));
    await runSyncCycle(importOptions(f));
    // A delta from v5 onto the local v1: the child refuses before reading the package.
    await expect(
      applyInWorker(entry)({
        cacheFile: f.cacheFile,
        cacheKey: f.cacheKey,
        packagePath: path.join(f.dir, 'none.ndjson.gz'),
        entry: { name: `${'0'.repeat(64)}.delta-v5-v6.ndjson.gz`, kind: 'delta', baseVersion: 5, length: 1, uncompressedLength: 1, sha256: '0'.repeat(64), subjects: 0, records: 0, tombstones: 0 },
        snapshot: { version: 6, dataAsOf: T0.toISOString() },
        marks: { rootJson: null, rootVersion: 1, timestampVersion: 1, timestampExpires: null, snapshotVersion: 6, dataVersion: null, dataAsOf: null, source: null },
      }),
    ).rejects.toMatchObject({ code: 'SYNC_NO_PACKAGE' });
  });

  it.runIf(process.platform === 'linux')('runs the child at the lowest CPU priority, every thread', async () => {
    // The same entry, sent nothing: it lowers its threads at start and waits. Read their nice values from /proc.
    const child = fork(entry.script, [], { execArgv: entry.execArgv, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const niceValues = (): number[] =>
      fs.readdirSync(`/proc/${child.pid}/task`).map((tid) => Number(fs.readFileSync(`/proc/${child.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
    try {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !niceValues().every((n) => n === os.constants.priority.PRIORITY_LOW)) await new Promise((r) => setTimeout(r, 100));
      expect(new Set(niceValues())).toEqual(new Set([os.constants.priority.PRIORITY_LOW]));
    } finally {
      child.kill();
    }
  });
});
