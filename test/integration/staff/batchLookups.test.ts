// How a batch asks the cache: a chunk of codes per call, only the categories a hit can
// come from — and still the same verdicts, hits and measures as a counter check of each
// code, which reads every record.
import { afterAll, describe, expect, it } from 'vitest';
import { csvLine } from '../../../src-main/common/staff/csvText';
import type { LocalCreditCache } from '../../../src-main/node/cache/creditCache';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { LOOKUP_CHUNK } from '../../../src-main/node/staff/batchRunner';
import { demoCache, DINGSHENG_USCC, LIN_ID, QINGHE_USCC, removeTempDirs, ZHOU_ID } from '../cache/cacheTestFiles';
import { signIn, STAFF, staffFixture } from './staffFixture';

afterAll(() => removeTempDirs());

const KNOWN = [DINGSHENG_USCC, ZHOU_ID, QINGHE_USCC, LIN_ID];

describe('a batch check and the cache', () => {
  it('sends the codes a chunk per call, asks only for hits-only answers, and decides each row as a counter check does', async () => {
    const ensured = demoCache();
    const real = await openCreditCache({ file: ensured.file, key: ensured.key, worker: 'none' });
    const calls = { single: 0, many: [] as number[], full: 0 };
    const counting: LocalCreditCache = {
      ...real,
      findByCode: (code) => {
        calls.single += 1;
        return real.findByCode(code);
      },
      findManyByCode: (codes) => {
        calls.full += 1;
        return real.findManyByCode(codes);
      },
      findHitsByCode: (codes) => {
        calls.many.push(codes.length);
        return real.findHitsByCode(codes);
      },
    };
    const fx = await staffFixture({ cache: counting });
    try {
      const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
      const n = 2 * LOOKUP_CHUNK + 20;
      const codes = Array.from({ length: n }, (_, i) => (i % 50 === 49 ? 'not-a-code' : KNOWN[i % KNOWN.length]!));
      const csv = Buffer.from([csvLine(['统一社会信用代码']), ...codes.map((c) => csvLine([c]))].join('\r\n'), 'utf8');
      const started = await fx.service.startBatchCheck({ token, itemId: 'construction-bidding', fileName: 'list.csv', format: 'csv', dataBase64: csv.toString('base64') });
      if (!started.ok) throw new Error(started.error.message);
      await fx.service.batchFinished(started.value.batchId);

      expect(calls.single).toBe(0);
      expect(calls.full).toBe(0); // hits-only answers, never every record
      expect(calls.many).toEqual([49, 49, 20]); // the malformed codes (every 50th row) never reach the cache

      const result = await fx.service.getBatchResult({ token, batchId: started.value.batchId, pageSize: 4, page: 1 });
      if (!result.ok) throw new Error('no result');
      for (const [i, row] of result.value.rows.entries()) {
        const single = await fx.service.checkSubject({ token, itemId: 'construction-bidding', by: 'code', code: KNOWN[i]! });
        if (!single.ok) throw new Error(single.error.message);
        expect({ verdict: row.verdict, hits: row.hitKinds, measures: row.measureIds, incentives: row.incentiveIds }).toEqual({
          verdict: single.value.verdict,
          hits: [...new Set(single.value.hits.map((h) => h.kind))],
          measures: single.value.measures.map((m) => m.id),
          incentives: single.value.incentives.map((x) => x.id),
        });
      }
      expect(result.value.rows.map((r) => r.status)).toEqual(['hit', 'hit', 'hit', expect.any(String)]);
    } finally {
      await fx.close();
      await real.close();
    }
  });
});
