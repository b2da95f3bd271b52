// Runs applyPackage in a child process at the lowest CPU priority, so a long apply
// (index builds, a large delta) never starves lookups: on a 2-core kiosk a worker
// thread of the same process competed with the cache's queries at equal priority.
// The kiosk keeps answering from its own connections, which see the old version
// until the commit; a child killed at any moment leaves the old version (one
// transaction, or a temp file never renamed), as an in-process apply would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SyncRefusal } from '../../common/sync/trustRules';
import type { SyncErrorCode } from '../../common/sync/syncErrors';
import type { ChildLauncher } from '../process/childLauncher';
import { forkLauncher } from '../process/forkLauncher';
import { connectToParent, type ParentChannel } from '../process/parentChannel';
import { applyPackage, type ApplyOptions, type ApplyResult } from './packageApplier';

type ChildMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ApplyResult } | { type: 'error'; code?: SyncErrorCode; message: string };
type ChildRequest = Omit<ApplyOptions, 'onProgress' | 'onLine'>;

/** Lowest priority (nice 19; IDLE class on Windows). */
const APPLY_PRIORITY = os.constants.priority.PRIORITY_LOW;

export interface ApplyWorkerScript {
  /** The child's entry: dist/main/sync-apply-worker.cjs when bundled, or syncApplyWorkerEntry.ts with execArgv ['--import', 'tsx']. */
  script: string;
  /** Node options of the child; default none (the parent's, e.g. --inspect, must not leak into it). */
  execArgv?: string[];
}

/** dist/main/sync-apply-worker.cjs beside the running bundle, if present. */
export function bundledApplyWorker(): ApplyWorkerScript | undefined {
  if (process.env.CREDIT_KIOSK_BUNDLED !== '1' || typeof __dirname !== 'string') return undefined;
  const script = path.join(__dirname, 'sync-apply-worker.cjs');
  return fs.existsSync(script) ? { script } : undefined;
}

/** Started by `launch`: child_process.fork under Node, Electron's utilityProcess in the Electron host. */
export function applyInWorker(worker: ApplyWorkerScript, launch: ChildLauncher = forkLauncher): (options: ApplyOptions) => Promise<ApplyResult> {
  return (options) =>
    new Promise((resolve, reject) => {
      const { onProgress, onLine: _onLine, ...data } = options;
      const child = launch({ script: worker.script, execArgv: worker.execArgv ?? [], name: 'credit-kiosk sync apply' });
      child.onSpawn(lowerPriority);
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        fn();
        // The answer is in (or the child is gone): a utility process does not end by itself.
        child.kill();
      };
      child.onMessage((message) => {
        const m = message as ChildMessage;
        if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if (m.type === 'done') settle(() => resolve(m.result));
        else settle(() => reject(new SyncRefusal(m.code ?? 'SYNC_APPLY_FAILED', m.code ? undefined : m.message)));
      });
      child.onGone((reason) => settle(() => reject(new SyncRefusal('SYNC_APPLY_FAILED', `the apply process stopped (${reason})`))));
      // Structured clone carries the key as bytes; it travels over the channel, never on the command line.
      child.send({ ...data, cacheKey: Buffer.from(options.cacheKey) } satisfies ChildRequest);
    });
}

/** Child side: receives one ApplyOptions (without callbacks), applies, answers, ends. */
export function runApplyWorker(parent: ParentChannel | null = connectToParent()): void {
  if (!parent) return;
  // On Linux nice is per thread: lower the threads already running (V8's helpers); later ones inherit it.
  for (const tid of threadIds()) lowerPriority(tid);
  // The kiosk went away: stop; the open transaction is never committed.
  parent.onParentGone(() => process.exit(1));
  let received = false;
  parent.onMessage((message) => {
    if (received) return;
    received = true;
    const options = message as ChildRequest;
    applyPackage({ ...options, cacheKey: Buffer.from(options.cacheKey), onProgress: (done, total) => parent.send({ type: 'progress', done, total } satisfies ChildMessage) }).then(
      // maxRSS in KiB: the whole child's peak, the figure that shows a package's size does not reach memory.
      (result) => parent.sendLast({ type: 'done', result: { ...result, peakRssBytes: process.resourceUsage().maxRSS * 1024 } } satisfies ChildMessage),
      (err: unknown) => parent.sendLast({ type: 'error', code: err instanceof SyncRefusal ? err.code : undefined, message: (err as Error).message } satisfies ChildMessage),
    );
  });
}

function threadIds(): number[] {
  try {
    return process.platform === 'linux' ? fs.readdirSync('/proc/self/task').map(Number) : [0];
  } catch {
    return [0];
  }
}

function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, APPLY_PRIORITY);
  } catch {
    // not permitted (or already gone): the apply still runs, at normal priority
  }
}
