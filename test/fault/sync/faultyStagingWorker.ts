// A publish staging worker that stages as the real one does (stagingWorkerEntry.ts) but,
// by STAGING_FAULT: fails on its second batch by throwing ('throw') or by ending its
// thread ('exit'), as a bug or an out-of-memory stop would; or answers its first batch
// late ('late-first'), so the batches sent after it to other workers are answered before it.
import { parentPort } from 'node:worker_threads';
import { stageSourceBatch, type SourceBatch } from '../../../src-main/node/sync/sourceBatch';

const fault = process.env.STAGING_FAULT;
let batches = 0;
parentPort?.on('message', ({ id, batch }: { id: number; batch: SourceBatch }) => {
  batches += 1;
  const answer = (): void => parentPort!.postMessage({ id, staged: stageSourceBatch(batch) });
  if (fault === 'late-first' && batches === 1) setTimeout(answer, 500);
  else if (batches === 2 && fault === 'exit') process.exit(3);
  else if (batches === 2 && fault === 'throw') throw new Error('planted staging failure');
  else answer();
});
