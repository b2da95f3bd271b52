// Child process of the kill -9 test: one folder sync, announced on stdout so the
// parent can kill it at a random moment of the apply.
import { folderSource } from '../../../src-main/node/sync/folderSource';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import fs from 'node:fs';

const [repo, cacheFile, keyHex, staging, now] = process.argv.slice(2) as [string, string, string, string, string];
process.stdout.write('go\n');
runSyncCycle({
  source: folderSource(repo),
  cacheFile,
  cacheKey: Buffer.from(keyHex, 'hex'),
  shippedRoot: fs.readFileSync(`${repo}/1.root.json`),
  stagingDir: staging,
  now: new Date(now),
}).then(
  (r) => process.stdout.write(`done ${r.outcome}\n`),
  (e: unknown) => {
    process.stdout.write(`error ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
