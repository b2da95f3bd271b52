// The worker's side of the query protocol, exported from a module so the worker
// entry stays a two-line file any bundler can take.
import type { MessagePort } from 'node:worker_threads';
import { CacheReader } from './cacheReader';
import { runQuery, type QueryRequest, type QueryResponse, type WorkerInit } from './cacheWorkerProtocol';

export function serveQueries(port: MessagePort, init: WorkerInit): void {
  let reader: CacheReader | undefined;
  let openError: { code?: string; message: string } | undefined;
  try {
    reader = new CacheReader(init.file, init.key);
  } catch (err) {
    openError = { code: (err as { code?: string }).code, message: (err as Error).message };
  }
  port.on('message', (req: QueryRequest | { id: number; method: 'close' }) => {
    if (req.method === 'close') {
      reader?.close();
      port.postMessage({ id: req.id, ok: true, value: null } satisfies QueryResponse);
      port.close();
      return;
    }
    let res: QueryResponse;
    try {
      if (!reader) throw Object.assign(new Error(openError?.message ?? 'cache not open'), { code: openError?.code });
      res = { id: req.id, ok: true, value: runQuery(reader, req.method, req.args) };
    } catch (err) {
      res = { id: req.id, ok: false, error: { code: (err as { code?: string }).code, message: (err as Error).message } };
    }
    port.postMessage(res);
  });
}
