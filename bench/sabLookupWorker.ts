// A candidate measured by bench/lookupPath.bench.ts, not shipped: the query worker answering
// over a SharedArrayBuffer and Atomics instead of postMessage. The worker sleeps in
// Atomics.wait; the caller writes a code, wakes it, and awaits Atomics.waitAsync for the answer
// (the same CacheReader.findByCode, as JSON bytes in the shared buffer).
import { isMainThread, workerData } from 'node:worker_threads';
import { CacheReader } from '../src-main/node/cache/cacheReader';

export const IDLE = 0;
export const REQUEST = 1;
export const ANSWER = 2;
export const STOP = 3;

// The loop runs only in the worker; the bench imports the states above.
if (!isMainThread) serve();

function serve(): void {
  const { file, key, shared } = workerData as { file: string; key: Uint8Array; shared: SharedArrayBuffer };
  const ctl = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, 8);
  const reader = new CacheReader(file, key);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();

  for (;;) {
    const state = Atomics.load(ctl, 0);
    if (state === STOP) break;
    if (state !== REQUEST) {
      Atomics.wait(ctl, 0, state);
      continue;
    }
    const code = decoder.decode(bytes.subarray(0, ctl[1]));
    const { written } = encoder.encodeInto(JSON.stringify(reader.findByCode(code)), bytes);
    ctl[1] = written;
    Atomics.store(ctl, 0, ANSWER);
    Atomics.notify(ctl, 0);
  }
  reader.close();
}
