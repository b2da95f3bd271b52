// Where a single-code lookup runs: in the caller's thread, until one runs over the time
// budget; then in the worker for a cool-down; then in the caller's thread again.
import { describe, expect, it } from 'vitest';
import { LookupRoute } from '../../../../src-main/node/cache/lookupRoute';

describe('the lookup route', () => {
  it('answers near while lookups keep within the budget, sends them to the worker for a cool-down after one does not', () => {
    let now = 1000;
    const route = new LookupRoute({ budgetMs: 8, coolDownMs: 5000, now: () => now });
    expect(route.choose()).toBe('near');
    expect(route.timed(() => ((now += 7), 'fast'))).toBe('fast');
    expect(route.choose()).toBe('near');

    route.timed(() => (now += 9)); // a cold page from disk
    expect(route.choose()).toBe('worker');
    now += 4999;
    expect(route.choose()).toBe('worker');
    now += 2;
    expect(route.choose()).toBe('near');
    expect(route.routed).toEqual({ near: 3, worker: 2 });
  });

  it('stays near during the cool-down while the worker is busy, rather than queue behind its work', () => {
    let now = 0;
    const route = new LookupRoute({ budgetMs: 8, coolDownMs: 5000, now: () => now });
    route.timed(() => (now += 9));
    expect(route.choose(true)).toBe('near');
    expect(route.choose(false)).toBe('worker');
  });

  it('keeps the time of a lookup that throws, and lets the error through', () => {
    let now = 0;
    const route = new LookupRoute({ budgetMs: 8, coolDownMs: 100, now: () => now });
    expect(() =>
      route.timed(() => {
        now += 50;
        throw new Error('SQLITE_CORRUPT');
      }),
    ).toThrow('SQLITE_CORRUPT');
    expect(route.choose()).toBe('worker');
  });
});
