// Single-code lookups on the caller's own connection beside the query worker: the same
// answers, the same refusals, and the worker taking over after a lookup ran over its budget.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HIT_CATEGORIES } from '../../../src-main/common/staff/hits';
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

  it('gives hits-only answers: the subject whole, only the hit-category records, each with only what decides a hit', async () => {
    const { file, key } = demoCache();
    for (const worker of ['none', WORKER] as const) {
      const cache = await openCreditCache({ file, key, worker });
      try {
        const codes = [LIN_ID, QINGHE_USCC, 'no-such-code', ''];
        const answers = await cache.findHitsByCode(codes);
        expect(answers).toHaveLength(codes.length);
        expect(answers.slice(2)).toEqual([null, null]);
        for (const [i, code] of codes.slice(0, 2).entries()) {
          const all = (await cache.findByCode(code))!;
          expect(answers[i]!.subject).toEqual(all.subject);
          const narrowed = all.records
            .filter((r) => HIT_CATEGORIES.includes(r.category))
            .map((r) => ({ category: r.category, title: r.title, status: r.status, severity: r.severity, decisionDate: r.decisionDate, disclosureDeadline: r.disclosureDeadline, validTo: r.validTo }))
            .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
          expect(answers[i]!.records).toEqual(narrowed);
          expect(all.records.length).toBeGreaterThan(narrowed.length);
        }
        expect(answers[0]!.records.length + answers[1]!.records.length).toBeGreaterThan(0);
        expect(await cache.findHitsByCode([])).toEqual([]);
      } finally {
        await cache.close();
      }
    }
  });
});
