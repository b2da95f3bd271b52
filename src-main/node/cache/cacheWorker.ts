// Entry point of the query worker thread (bundled as dist/main/cache-worker.cjs).
// It holds its own read-only connection, so a long query or a writer's bulk load
// never blocks the thread that draws the screens.
import { parentPort, workerData } from 'node:worker_threads';
import { serveQueries } from './cacheWorkerServer';
import type { WorkerInit } from './cacheWorkerProtocol';

if (parentPort) serveQueries(parentPort, workerData as WorkerInit);
