// A publish staging worker that answers its first batch as the real one does
// (stagingWorkerEntry.ts), then fails on its second: by throwing (STAGING_FAULT=throw) or by
// ending its thread (STAGING_FAULT=exit), as a bug or an out-of-memory stop would.
import { parentPort } from 'node:worker_threads';
import { stageSourceBatch, type SourceBatch } from '../../../src-main/node/sync/sourceBatch';

let batches = 0;
parentPort?.on('message', ({ id, batch }: { id: number; batch: SourceBatch }) => {
  batches += 1;
  if (batches === 2) {
    if (process.env.STAGING_FAULT === 'exit') process.exit(3);
    throw new Error('planted staging failure');
  }
  parentPort!.postMessage({ id, staged: stageSourceBatch(batch) });
});
