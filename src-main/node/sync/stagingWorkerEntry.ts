// Entry of a publish staging worker thread (bundled as dist/main/publish-staging-worker.cjs):
// checks and stages the source batches it is sent, answering each in turn (stagingPool.ts).
import { parentPort } from 'node:worker_threads';
import { stageSourceBatch, type SourceBatch } from './sourceBatch';

parentPort?.on('message', ({ id, batch }: { id: number; batch: SourceBatch }) => {
  parentPort!.postMessage({ id, staged: stageSourceBatch(batch) });
});
