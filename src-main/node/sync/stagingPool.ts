// Where source batches are checked and staged (sourceBatch.ts): a small pool of worker
// threads, so JSON parsing, schema checks and staging text — most of a publish's CPU —
// run beside the thread that sorts, merges and writes; or, with no workers, in the
// calling thread (the fallback, and the path the worker path is compared with).
//
// A worker answers its batches in the order it got them; the caller takes the answers
// in input order (publisher.ts), so the first bad line of the input is the one refused.
// A worker that fails or stops fails every batch it holds and every later one.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { stageSourceBatch, type SourceBatch, type StagedBatch } from './sourceBatch';

export interface StagingWorkerScript {
  /** dist/main/publish-staging-worker.cjs when bundled, or stagingWorkerEntry.ts with tsx's require hook. */
  script: string;
  execArgv?: string[];
}

export interface SourceStager {
  stage(batch: SourceBatch): Promise<StagedBatch>;
  readonly batchBytes: number;
  /** Batches worth sending before waiting for the first answer (bounds memory). */
  readonly window: number;
  close(): Promise<void>;
}

export interface StagingOptions {
  /** Worker threads (0: in the calling thread); default os.availableParallelism(). */
  workers?: number;
  /** The worker's script; default stagingWorkerScript(). Without one, staging stays in the calling thread. */
  workerScript?: StagingWorkerScript;
  /** Bytes of whole lines per batch sent to a worker (default 512 KiB: a couple of thousand lines). */
  batchBytes?: number;
}

/** Batches in flight per worker: one being staged, one waiting in its queue. */
const PER_WORKER = 2;

export const defaultStagingWorkers = (): number => Math.max(1, os.availableParallelism());

export function openStager(options: StagingOptions = {}): SourceStager {
  const size = options.workers ?? defaultStagingWorkers();
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`workers must be a whole number ≥ 0, not ${size}`);
  const batchBytes = options.batchBytes ?? 512 * 1024;
  if (!Number.isInteger(batchBytes) || batchBytes < 1) throw new RangeError(`batchBytes must be a whole number ≥ 1, not ${batchBytes}`);
  const script = size > 0 ? (options.workerScript ?? stagingWorkerScript()) : undefined;
  return script ? workerStager(size, script, batchBytes) : inThreadStager(batchBytes);
}

function inThreadStager(batchBytes: number): SourceStager {
  return { stage: async (batch) => stageSourceBatch(batch), batchBytes, window: 1, close: async () => undefined };
}

/**
 * The bundle's worker beside it; from source, the TypeScript entry under tsx's require hook
 * (tsx is there whenever the sources run). Undefined when neither is found.
 */
export function stagingWorkerScript(): StagingWorkerScript | undefined {
  if (typeof __dirname !== 'string') return undefined;
  if (process.env.CREDIT_KIOSK_BUNDLED === '1') {
    const script = path.join(__dirname, 'publish-staging-worker.cjs');
    return fs.existsSync(script) ? { script, execArgv: [] } : undefined;
  }
  const script = path.join(__dirname, 'stagingWorkerEntry.ts');
  if (!fs.existsSync(script)) return undefined;
  try {
    return { script, execArgv: ['--require', createRequire(script).resolve('tsx/cjs')] };
  } catch {
    return undefined;
  }
}

interface Pending {
  resolve: (staged: StagedBatch) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

function workerStager(size: number, script: StagingWorkerScript, batchBytes: number): SourceStager {
  let nextId = 1;
  let failure: Error | undefined;
  let closing = false;
  const fail = (w: PoolWorker, err: Error): void => {
    failure ??= err;
    for (const p of w.pending.values()) p.reject(failure);
    w.pending.clear();
  };
  const pool: PoolWorker[] = Array.from({ length: size }, () => {
    // execArgv given always: the parent's own options (--inspect, a tsx loader) must not leak in.
    const w: PoolWorker = { worker: new Worker(script.script, { execArgv: script.execArgv ?? [] }), pending: new Map() };
    w.worker.on('message', (m: { id: number; staged: StagedBatch }) => {
      const p = w.pending.get(m.id);
      w.pending.delete(m.id);
      p?.resolve(m.staged);
    });
    w.worker.on('error', (err) => fail(w, stagingFailed(err.message, err)));
    w.worker.on('messageerror', (err) => fail(w, stagingFailed(err.message, err)));
    w.worker.on('exit', (code) => {
      if (!closing || w.pending.size > 0) fail(w, stagingFailed(`exit code ${code}`));
    });
    return w;
  });
  return {
    batchBytes,
    window: size * PER_WORKER,
    stage: (batch) =>
      new Promise((resolve, reject) => {
        if (failure) return reject(failure);
        const w = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        const id = nextId++;
        w.pending.set(id, { resolve, reject });
        // The bytes moved, not copied again: a buffer of their own (a slice may share Node's pool).
        const bytes = new Uint8Array(batch.bytes);
        w.worker.postMessage({ id, batch: { ...batch, bytes } }, [bytes.buffer]);
      }),
    close: async () => {
      closing = true;
      await Promise.all(pool.map((w) => w.worker.terminate()));
    },
  };
}

function stagingFailed(reason: string, cause?: unknown): Error {
  return new Error(`发布校验线程意外停止，未写入任何发布文件 / a publish staging worker failed, nothing was published: ${reason}`, { cause });
}
