// Single-code lookups on the caller's own connection beside the query worker: the same
// answers, the same refusals, and the worker taking over after a lookup ran over its budget.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LookupRoute } from '../../../src-main/node/cache/lookupRoute';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { demoCache, LIN_ID, QINGHE_FORMER, QINGHE_USCC, removeTempDirs } from './cacheTestFiles';

afterEach(removeTempDirs);

/** The worker's TypeScript entry, run under tsx (the kiosk runs the bundle). */
const WORKER = { script: path.resolve(__dirname, '../../../src-main/node/cache/cacheWorker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };

const CODES = [LIN_ID, QINGHE_USCC, QINGHE_FORMER, '11010519491231002X', 'not a code', ''];

describe('near lookups beside the query worker', () => {
  it('answer in this thread like the worker does, and go to the worker after one ran over the budget', async () => {
    const { file, key } = demoCache();
    let now = 0;
    const route = new LookupRoute({ budgetMs: 8, coolDownLookups: CODES.length, now: () => now });
    const inWorker = await openCreditCache({ file, key, worker: WORKER, nearLookups: false });
    const near = await openCreditCache({ file, key, worker: WORKER, nearLookups: route });
    try {
      for (const code of CODES) expect(await near.findByCode(code)).toEqual(await inWorker.findByCode(code));
      expect(route.routed).toEqual({ near: CODES.length, worker: 0 });

      // A lookup that takes longer than the budget (the clock moves while it runs).
      const slow = route.timed(() => (now += 20));
      expect(slow).toBe(20);
      for (const code of CODES) expect(await near.findByCode(code)).toEqual(await inWorker.findByCode(code));
      expect(route.routed).toEqual({ near: CODES.length, worker: CODES.length });
      expect((await near.findByCode(LIN_ID))?.subject.id).toBe('demo-s-person-lin');
      expect(route.routed.near).toBe(CODES.length + 1);
    } finally {
      await inWorker.close();
      await near.close();
    }
    await expect(near.findByCode(LIN_ID)).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });

  it('refuse a wrong key at open, like the worker', async () => {
    const { file } = demoCache();
    await expect(openCreditCache({ file, key: Buffer.alloc(32, 1), worker: WORKER })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});

describe('many codes in one call', () => {
  it('answers each code as findByCode does, in order, through the worker and in-thread', async () => {
    const { file, key } = demoCache();
    for (const worker of ['none', WORKER] as const) {
      const cache = await openCreditCache({ file, key, worker });
      try {
        const one = await Promise.all(CODES.map((c) => cache.findByCode(c)));
        expect(await cache.findManyByCode(CODES)).toEqual(one);
        expect(await cache.findManyByCode([])).toEqual([]);
      } finally {
        await cache.close();
      }
    }
  });

  it('gives only the records of the categories asked for, the subject whole', async () => {
    const { file, key } = demoCache();
    const cache = await openCreditCache({ file, key, worker: 'none' });
    try {
      for (const code of [LIN_ID, QINGHE_USCC]) {
        const all = (await cache.findByCode(code))!;
        const [some] = await cache.findManyByCode([code], { categories: ['penalty', 'honour'] });
        expect(some!.subject).toEqual(all.subject);
        expect(some!.records).toEqual(all.records.filter((r) => r.category === 'penalty' || r.category === 'honour'));
        expect(all.records.length).toBeGreaterThan(some!.records.length);
      }
      // The categories become SQL literals: anything not in the catalogue is refused, not written into a statement.
      await expect(cache.findManyByCode([LIN_ID], { categories: ["penalty') OR 1=1 --" as never] })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
      expect(await cache.findManyByCode([LIN_ID], { categories: [] })).toEqual([{ subject: (await cache.findByCode(LIN_ID))!.subject, records: [] }]);
    } finally {
      await cache.close();
    }
  });
});
