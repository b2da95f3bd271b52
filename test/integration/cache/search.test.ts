import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Subject } from '../../../src-main/common/domain/subject';
import { CacheReader, searchSql } from '../../../src-main/node/cache/cacheReader';
import { buildCacheFile } from '../../../src-main/node/cache/cacheWriter';
import type { LocalCreditCache } from '../../../src-main/node/cache/creditCache';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { syntheticSubjects } from '../../../src-main/node/cache/syntheticData';
import { NOW, removeTempDirs, tempDir } from './cacheTestFiles';

const KEY = Buffer.alloc(32, 5);
let file: string;
let cache: LocalCreditCache;

const org = (id: string, name: string, code: string): { subject: Subject; records: [] } => ({ subject: { id, kind: 'enterprise', code, formerCodes: [], name }, records: [] });

beforeAll(async () => {
  file = path.join(tempDir(), 'search.sqlite');
  const named = [
    org('exact', '鑫瑞科技', '91370303MA0000001R'),
    org('prefix-long', '鑫瑞科技发展集团有限公司', '91370303MA0000002P'),
    org('prefix-short', '鑫瑞科技有限公司', '91370303MA0000003M'),
    org('substring', '淄博鑫瑞科技有限公司', '91370303MA0000004K'),
    org('other', '枣庄华泰商贸有限公司', '91370303MA0000005H'),
    org('quote', '演示"引号"商行', '91370303MA0000006F'),
  ];
  // Valid check characters are not needed to search; codes only have to be distinct.
  const filler = syntheticSubjects({ count: 3000, seed: 11, recordsPerSubject: 1, today: '2026-05-15' });
  buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: NOW.toISOString(), source: 'test', subjects: [...named, ...filler] });
  cache = await openCreditCache({ file, key: KEY });
});

afterAll(async () => {
  await cache.close();
  removeTempDirs();
});

describe('name search', () => {
  it('ranks exact, then prefix (shorter first), then substring', async () => {
    const page = await cache.search('鑫瑞科技', { pageSize: 100 });
    const ours = page.hits.filter((h) => ['exact', 'prefix-long', 'prefix-short', 'substring'].includes(h.subjectId));
    expect(ours.map((h) => [h.subjectId, h.match])).toEqual([
      ['exact', 'exact'],
      ['prefix-short', 'prefix'],
      ['prefix-long', 'prefix'],
      ['substring', 'substring'],
    ]);
    expect(page.hits[0]?.subjectId).toBe('exact');
  });

  it('finds 1- and 2-character substrings through the gram table', async () => {
    const two = await cache.search('华泰', { pageSize: 100 });
    expect(two.hits.some((h) => h.subjectId === 'other')).toBe(true);
    expect(two.hits.every((h) => h.name.includes('华泰'))).toBe(true);
    const one = await cache.search('枣', { pageSize: 100 });
    expect(one.hits.length).toBeGreaterThan(0);
    expect(one.hits.every((h) => h.name.includes('枣'))).toBe(true);
  });

  it('pages without overlap', async () => {
    const p1 = await cache.search('有限公司', { page: 1, pageSize: 10 });
    const p2 = await cache.search('有限公司', { page: 2, pageSize: 10 });
    expect(p1.hits).toHaveLength(10);
    expect(p2.hits).toHaveLength(10);
    expect(new Set([...p1.hits, ...p2.hits].map((h) => h.subjectId)).size).toBe(20);
    expect(p1.total).toBeGreaterThanOrEqual(20);
  });

  it('never lists natural persons', async () => {
    const all = await cache.search('王', { pageSize: 100 });
    expect(all.hits.every((h) => h.kind !== 'natural-person')).toBe(true);
  });

  it('takes SQL-like, FTS-syntax, empty and huge input as plain text', async () => {
    for (const text of [`'; DROP TABLE subjects; --`, `" OR 1=1 --`, 'NEAR(a b)', '*', '科技 OR 商贸', '%', '_', '']) {
      const page = await cache.search(text);
      expect(Array.isArray(page.hits)).toBe(true);
    }
    expect((await cache.search('"引号"')).hits.map((h) => h.subjectId)).toEqual(['quote']);
    const huge = await cache.search('科'.repeat(100_000), { page: 1e12, pageSize: 1e9 });
    expect(huge.query.length).toBe(50);
    expect(huge.pageSize).toBe(100);
    expect((await cache.check()).subjects).toBe(3006);
  });

  it('normalises full-width and spacing', async () => {
    expect((await cache.search('  鑫瑞科技  ')).hits[0]?.subjectId).toBe('exact');
  });

  it('short queries never scan the subjects table (EXPLAIN QUERY PLAN)', () => {
    const reader = new CacheReader(file, KEY);
    try {
      for (const chars of [1, 2, 3]) {
        const plan = reader.connection.prepare(`EXPLAIN QUERY PLAN ${searchSql(chars, 'page')}`).all({
          q: '鑫瑞',
          qEnd: '鑫瑞\u{10FFFF}',
          cap: 1000,
          fts: '"鑫瑞科"',
          qLen: 2,
          limit: 20,
          offset: 0,
        }) as Array<{ detail: string }>;
        const details = plan.map((p) => p.detail);
        // Every access to subjects or name_grams is a SEARCH by index or primary key; SCANs are of the small candidate set only.
        expect(details.filter((d) => /^SCAN (subjects|s|name_grams)\b/.test(d)), details.join('\n')).toEqual([]);
        expect(details.some((d) => /SEARCH (s|subjects) USING INTEGER PRIMARY KEY/.test(d)), details.join('\n')).toBe(true);
        // Candidates are ranked on the narrow names-by-sid index, not on their subject rows.
        expect(details.some((d) => /SEARCH n USING COVERING INDEX subjects_sid_name/.test(d)), details.join('\n')).toBe(true);
      }
    } finally {
      reader.close();
    }
  });
});
