// The sync apply child in the Electron host: started with Electron's utilityProcess
// (never child_process.fork, which needs the RunAsNode fuse), spoken to by structured
// clone, ended by the parent once its answer is in.
import type * as ChildProcess from 'node:child_process';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApplyOptions } from '../../../../src-main/node/sync/packageApplier';
import { applyInWorker } from '../../../../src-main/node/sync/applyWorker';
import { utilityProcessLauncher } from '../../../../src-main/hosts/electron/utilityProcessLauncher';
import { fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);
// A fork here would mean the Electron host still needs ELECTRON_RUN_AS_NODE.
vi.mock('node:child_process', async (importOriginal) => ({
  ...(await importOriginal<typeof ChildProcess>()),
  fork: () => {
    throw new Error('child_process.fork must not start the apply child in the Electron host');
  },
}));

const worker = { script: '/opt/credit-kiosk/resources/app.asar/dist/main/sync-apply-worker.cjs' };

function applyRequest(progress: Array<[number, number]> = []): ApplyOptions {
  return {
    cacheFile: '/var/lib/credit-kiosk/cache.sqlite',
    cacheKey: new Uint8Array([1, 2, 3, 4]),
    packagePath: '/var/lib/credit-kiosk/incoming/full-v2.ndjson.gz',
    entry: { name: 'full-v2.ndjson.gz', kind: 'full', baseVersion: null, length: 10, uncompressedLength: 20, sha256: '0'.repeat(64), subjects: 2, records: 3, tombstones: 0 },
    snapshot: { version: 2, dataAsOf: '2026-12-01T00:00:00.000Z' },
    marks: { rootJson: null, rootVersion: 1, timestampVersion: 2, timestampExpires: null, snapshotVersion: 2, dataVersion: null, dataAsOf: null, source: null },
    onProgress: (done, total) => progress.push([done, total]),
  };
}

beforeEach(() => resetFakeElectron());

describe('utilityProcessLauncher', () => {
  it('forks the script as a named utility process with no inherited Node options', () => {
    utilityProcessLauncher({ script: worker.script, execArgv: [], name: 'credit-kiosk sync apply' });
    expect(fake.utilityProcesses).toHaveLength(1);
    const child = fake.utilityProcesses[0]!;
    expect(child.modulePath).toBe(worker.script);
    expect(child.options).toEqual({ execArgv: [], serviceName: 'credit-kiosk sync apply', stdio: 'inherit' });
  });

  it('relays messages both ways and gives the pid once the child runs', () => {
    const handle = utilityProcessLauncher({ script: worker.script, execArgv: [], name: 'x' });
    const child = fake.utilityProcesses[0]!;
    const pids: number[] = [];
    const messages: unknown[] = [];
    handle.onSpawn((pid) => pids.push(pid));
    handle.onMessage((m) => messages.push(m));
    handle.send({ hello: new Uint8Array([7]) });
    expect(child.posted).toEqual([{ hello: new Uint8Array([7]) }]);
    child.started(4242);
    child.reply({ type: 'progress', done: 1, total: 2 });
    expect(pids).toEqual([4242]);
    expect(messages).toEqual([{ type: 'progress', done: 1, total: 2 }]);
  });

  it('reports the child gone once, with its exit code', () => {
    const handle = utilityProcessLauncher({ script: worker.script, execArgv: [], name: 'x' });
    const reasons: string[] = [];
    handle.onGone((r) => reasons.push(r));
    fake.utilityProcesses[0]!.exited(3);
    fake.utilityProcesses[0]!.exited(3);
    expect(reasons).toEqual(['exit code 3']);
  });

  it('takes a fatal V8 error of the child without throwing in the kiosk, and names it when the child is gone', () => {
    const handle = utilityProcessLauncher({ script: worker.script, execArgv: [], name: 'x' });
    const reasons: string[] = [];
    handle.onGone((r) => reasons.push(r));
    const child = fake.utilityProcesses[0]!;
    expect(() => child.emit('error', 'FatalError', 'v8::ToLocalChecked', '{}')).not.toThrow();
    child.exited(134);
    expect(reasons).toEqual(['exit code 134 after FatalError at v8::ToLocalChecked']);
  });
});

describe('applyInWorker with the utilityProcess launcher', () => {
  it('sends the request with the key as bytes, passes progress on, resolves with the answer and ends the child', async () => {
    const progress: Array<[number, number]> = [];
    const applying = applyInWorker(worker, utilityProcessLauncher)(applyRequest(progress));
    const child = fake.utilityProcesses[0]!;
    const request = child.posted[0] as Record<string, unknown>;
    expect(request).toMatchObject({ cacheFile: '/var/lib/credit-kiosk/cache.sqlite', snapshot: { version: 2 } });
    expect([...(request.cacheKey as Uint8Array)]).toEqual([1, 2, 3, 4]);
    // Callbacks cannot cross a process boundary; they stay in the parent.
    expect(request).not.toHaveProperty('onProgress');
    child.reply({ type: 'progress', done: 1, total: 2 });
    const result = { kind: 'full', dataVersion: 2, subjects: 2, records: 3, tombstones: 0, peakRssBytes: 50 << 20 };
    child.reply({ type: 'done', result });
    await expect(applying).resolves.toEqual(result);
    expect(progress).toEqual([[1, 2]]);
    // A utility process does not end by itself: the parent ends it once the answer is in.
    expect(child.kills).toBe(1);
  });

  it('passes a refusal from the child on with its code', async () => {
    const applying = applyInWorker(worker, utilityProcessLauncher)(applyRequest());
    fake.utilityProcesses[0]!.reply({ type: 'error', code: 'SYNC_MIXED_SNAPSHOT', message: 'package says delta' });
    await expect(applying).rejects.toMatchObject({ code: 'SYNC_MIXED_SNAPSHOT' });
  });

  it('fails the apply when the child dies without an answer', async () => {
    const applying = applyInWorker(worker, utilityProcessLauncher)(applyRequest());
    fake.utilityProcesses[0]!.exited(9);
    await expect(applying).rejects.toMatchObject({ code: 'SYNC_APPLY_FAILED', message: expect.stringContaining('exit code 9') as unknown });
  });
});
