import { describe, expect, it } from 'vitest';
import { validateSubjectCode } from '../../../../src-main/common/codes/subjectCode';
import { syntheticCodeOf, syntheticSubjects } from '../../../../src-main/node/cache/syntheticData';

const OPTS = { count: 2000, seed: 42, today: '2026-05-15' };

describe('synthetic data', () => {
  it('is deterministic from the seed', () => {
    const a = [...syntheticSubjects({ ...OPTS, count: 50 })];
    const b = [...syntheticSubjects({ ...OPTS, count: 50 })];
    expect(a).toEqual(b);
    expect([...syntheticSubjects({ ...OPTS, count: 50, seed: 43 })]).not.toEqual(a);
    expect([...syntheticSubjects({ ...OPTS, count: 1, start: 17 })][0]).toEqual(a[17]);
  });

  it('gives valid, distinct codes and computes any code without generating the rest', () => {
    const codes = new Set<string>();
    let i = 0;
    for (const { subject } of syntheticSubjects(OPTS)) {
      const v = validateSubjectCode(subject.code);
      expect(v.valid, subject.code).toBe(true);
      expect(v.kind).toBe(subject.kind === 'natural-person' ? 'resident-id' : 'uscc');
      expect(syntheticCodeOf(i, OPTS.seed)).toBe(subject.code);
      codes.add(subject.code);
      i += 1;
    }
    expect(codes.size).toBe(OPTS.count);
  });

  it('mixes kinds, categories and statuses, about 20 records each', () => {
    const kinds = new Map<string, number>();
    const categories = new Set<string>();
    const statuses = new Set<string>();
    let records = 0;
    for (const { subject, records: recs } of syntheticSubjects(OPTS)) {
      kinds.set(subject.kind, (kinds.get(subject.kind) ?? 0) + 1);
      records += recs.length;
      for (const r of recs) {
        categories.add(r.category);
        statuses.add(r.status);
        expect(r.subjectId).toBe(subject.id);
      }
    }
    expect(kinds.size).toBe(4);
    expect(categories.size).toBeGreaterThanOrEqual(12);
    expect(statuses).toEqual(new Set(['active', 'repaired', 'revoked', 'objection-pending']));
    expect(records / OPTS.count).toBeGreaterThan(17);
    expect(records / OPTS.count).toBeLessThan(23);
  });
});
