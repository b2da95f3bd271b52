// Runs applyPackage in a worker thread, so a long apply (index builds, a large
// delta) never blocks the main process: the kiosk keeps answering lookups from its
// own connections, which see the old version until the commit.
import path from 'node:path';
import fs from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { SyncRefusal } from '../../common/sync/trustRules';
import type { SyncErrorCode } from '../../common/sync/syncErrors';
import { applyPackage, type ApplyOptions, type ApplyResult } from './packageApplier';

type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: ApplyResult } | { type: 'error'; code?: SyncErrorCode; message: string };

export interface ApplyWorkerScript {
  /** The worker entry: dist/main/sync-apply-worker.cjs when bundled, or this file with a TS loader. */
  script: string;
  execArgv?: string[];
}

/** dist/main/sync-apply-worker.cjs beside the running bundle, if present. */
export function bundledApplyWorker(): ApplyWorkerScript | undefined {
  if (process.env.CREDIT_KIOSK_BUNDLED !== '1' || typeof __dirname !== 'string') return undefined;
  const script = path.join(__dirname, 'sync-apply-worker.cjs');
  return fs.existsSync(script) ? { script } : undefined;
}

export function applyInWorker(worker: ApplyWorkerScript): (options: ApplyOptions) => Promise<ApplyResult> {
  return (options) =>
    new Promise((resolve, reject) => {
      const { onProgress, onLine: _onLine, ...data } = options;
      const w = new Worker(worker.script, { workerData: { ...data, cacheKey: Buffer.from(options.cacheKey) }, ...(worker.execArgv && { execArgv: worker.execArgv }) });
      let settled = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') onProgress?.(m.done, m.total);
        else if (m.type === 'done') {
          settled = true;
          resolve(m.result);
        } else {
          settled = true;
          reject(new SyncRefusal(m.code ?? 'SYNC_APPLY_FAILED', m.code ? undefined : m.message));
        }
      });
      w.on('error', (err) => {
        if (!settled) reject(new SyncRefusal('SYNC_APPLY_FAILED', err.message));
        settled = true;
      });
      w.on('exit', () => {
        if (!settled) reject(new SyncRefusal('SYNC_APPLY_FAILED', 'the apply worker stopped'));
      });
    });
}

/** Worker side: started with workerData = ApplyOptions (without callbacks). */
export function runApplyWorker(): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  const options = workerData as ApplyOptions;
  applyPackage({ ...options, cacheKey: Buffer.from(options.cacheKey), onProgress: (done, total) => port.postMessage({ type: 'progress', done, total }) }).then(
    (result) => port.postMessage({ type: 'done', result }),
    (err: unknown) => port.postMessage({ type: 'error', code: err instanceof SyncRefusal ? err.code : undefined, message: (err as Error).message }),
  );
}
