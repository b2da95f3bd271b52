// Queries in a worker thread: the same answers as in-thread, errors with their codes.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { demoCache, LIN_ID, QINGHE_USCC, removeTempDirs, tempDir } from './cacheTestFiles';

afterEach(removeTempDirs);

/** A CommonJS shim that registers tsx, so the worker can run the TypeScript entry (the bundle needs none). */
function workerShim(): string {
  const req = createRequire(__filename);
  const shim = path.join(tempDir(), 'cache-worker-shim.cjs');
  const entry = path.resolve(__dirname, '../../../src-main/node/cache/cacheWorker.ts');
  fs.writeFileSync(shim, `require(${JSON.stringify(req.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(entry)});\n`);
  return shim;
}

describe('the query worker', () => {
  it('answers like the in-thread reader', async () => {
    const { file, key } = demoCache();
    const inThread = await openCreditCache({ file, key, worker: 'none' });
    const inWorker = await openCreditCache({ file, key, worker: { script: workerShim() } });
    try {
      for (const code of [LIN_ID, QINGHE_USCC, '11010519491231002X']) expect(await inWorker.findByCode(code)).toEqual(await inThread.findByCode(code));
      expect(await inWorker.search('演示')).toEqual(await inThread.search('演示'));
      expect(await inWorker.dataInfo()).toEqual(await inThread.dataInfo());
      // Concurrent calls resolve to their own answers.
      const [a, b] = await Promise.all([inWorker.findByCode(LIN_ID), inWorker.findByCode(QINGHE_USCC)]);
      expect([a?.subject.id, b?.subject.id]).toEqual(['demo-s-person-lin', 'demo-s-qinghe']);
    } finally {
      await inThread.close();
      await inWorker.close();
    }
    await expect(inWorker.dataInfo()).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });

  it('reports a wrong key at open', async () => {
    const { file } = demoCache();
    await expect(openCreditCache({ file, key: Buffer.alloc(32, 1), worker: { script: workerShim() } })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});
