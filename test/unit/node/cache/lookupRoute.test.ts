// Where a single-code lookup runs: in the caller's thread, until one runs over the time
// budget; then in the worker for the next few; then in the caller's thread again.
import { describe, expect, it } from 'vitest';
import { LookupRoute } from '../../../../src-main/node/cache/lookupRoute';

describe('the lookup route', () => {
  it('answers near while lookups keep within the budget, sends the next few to the worker after one does not', () => {
    let now = 1000;
    const route = new LookupRoute({ budgetMs: 8, coolDownLookups: 3, now: () => now });
    expect(route.choose()).toBe('near');
    expect(route.timed(() => ((now += 7), 'fast'))).toBe('fast');
    expect(route.choose()).toBe('near');

    route.timed(() => (now += 9)); // a cold page from disk
    expect([route.choose(), route.choose(), route.choose(), route.choose()]).toEqual(['worker', 'worker', 'worker', 'near']);
    expect(route.routed).toEqual({ near: 3, worker: 3 });
  });

  it('keeps the time of a lookup that throws, and lets the error through', () => {
    let now = 0;
    const route = new LookupRoute({ budgetMs: 8, coolDownLookups: 1, now: () => now });
    expect(() =>
      route.timed(() => {
        now += 50;
        throw new Error('SQLITE_CORRUPT');
      }),
    ).toThrow('SQLITE_CORRUPT');
    expect(route.choose()).toBe('worker');
  });

  it('stays near while the worker is busy, rather than queue behind its work', () => {
    let now = 0;
    const route = new LookupRoute({ budgetMs: 8, coolDownLookups: 1, now: () => now });
    route.timed(() => (now += 9));
    expect(route.choose(true)).toBe('near');
    expect(route.choose(false)).toBe('worker');
    expect(route.choose(false)).toBe('near');
  });
});
