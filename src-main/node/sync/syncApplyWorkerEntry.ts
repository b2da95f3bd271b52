// Entry of the sync apply child process (bundled as dist/main/sync-apply-worker.cjs); see applyWorker.ts.
import { runApplyWorker } from './applyWorker';

runApplyWorker();
