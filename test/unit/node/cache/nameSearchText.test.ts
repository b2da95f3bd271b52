import { describe, expect, it } from 'vitest';
import { ftsPhrase, matchRank, MAX_SEARCH_CHARS, normalizeSearchText, shortGrams } from '../../../../src-main/common/search/nameSearchText';
import { resolveDate } from '../../../../src-main/common/time/relativeDate';

describe('name search text', () => {
  it('normalises width, spacing and case, and bounds the length', () => {
    expect(normalizeSearchText('  ＡＢＣ　科技\t有限公司 ')).toBe('ABC 科技 有限公司');
    expect(Array.from(normalizeSearchText('科'.repeat(1000)))).toHaveLength(MAX_SEARCH_CHARS);
    expect(normalizeSearchText('𠀀𠀁')).toBe('𠀀𠀁'); // astral characters count as one each
  });

  it('yields the distinct unigrams and bigrams', () => {
    expect(shortGrams('青禾青禾').sort()).toEqual(['禾', '禾青', '青', '青禾'].sort());
    expect(shortGrams('')).toEqual([]);
  });

  it('quotes an FTS phrase so no query syntax gets through', () => {
    expect(ftsPhrase('a" OR "b')).toBe('"a"" OR ""b"');
  });

  it('ranks exact, prefix, substring', () => {
    expect(matchRank('青禾', '青禾')).toBe(0);
    expect(matchRank('青禾科技', '青禾')).toBe(1);
    expect(matchRank('演示青禾', '青禾')).toBe(2);
  });
});

describe('relative dates', () => {
  const now = new Date('2026-01-31T23:30:00Z');
  it('resolve days, months and years from the UTC date', () => {
    expect(resolveDate('-60d', now)).toBe('2025-12-02');
    expect(resolveDate('+1m', now)).toBe('2026-02-28');
    expect(resolveDate('-2y', now)).toBe('2024-01-31');
    expect(resolveDate('2029-06-30', now)).toBe('2029-06-30');
    expect(() => resolveDate('yesterday', now)).toThrow();
  });
});
