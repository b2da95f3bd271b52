// Entry of the sync apply worker (bundle it as dist/main/sync-apply-worker.cjs).
import { runApplyWorker } from './applyWorker';

runApplyWorker();
