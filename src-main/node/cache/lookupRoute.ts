// Where a single-code lookup runs when the cache has a query worker. A lookup of one
// code is an index probe and one range scan (0.2–0.6 ms at a million subjects with its
// pages in memory); handing it to the worker thread and back costs as much again at p99
// on a 2-vCPU machine (bench/lookupPath.bench.ts prints both). So it runs in the caller's
// thread on its own read-only connection — and the worker's promise, that a slow query
// never stalls the thread that serves the screens, is kept by a time budget: a lookup that
// ran over it (pages from a cold disk, a subject with thousands of records) sends the
// next few lookups to the worker, then the next one tries again here — unless the worker
// is busy (a batch's chunk, a search): a lookup would then queue behind that work for far
// longer than it could ever take here, so it stays near.
//
// The budget is wall time, so a lookup the scheduler preempted counts too; the cool-down
// is counted in lookups, not seconds, so such a miss costs a few handoffs and no more.

export interface LookupRouteOptions {
  /** A near lookup slower than this sends the next ones to the worker. */
  budgetMs?: number;
  /** How many. */
  coolDownLookups?: number;
  now?: () => number;
}

export const LOOKUP_BUDGET_MS = 8;
export const LOOKUP_COOL_DOWN = 20;

export class LookupRoute {
  private readonly budgetMs: number;
  private readonly coolDown: number;
  private readonly now: () => number;
  private toWorker = 0;
  /** How many lookups each way went (the bench prints them). */
  readonly routed = { near: 0, worker: 0 };

  constructor(options: LookupRouteOptions = {}) {
    this.budgetMs = options.budgetMs ?? LOOKUP_BUDGET_MS;
    this.coolDown = options.coolDownLookups ?? LOOKUP_COOL_DOWN;
    this.now = options.now ?? (() => performance.now());
  }

  /** 'near' (this thread) unless a recent near lookup ran over the budget and the worker is free. */
  choose(workerBusy = false): 'near' | 'worker' {
    const way = !workerBusy && this.toWorker > 0 ? 'worker' : 'near';
    if (way === 'worker') this.toWorker -= 1;
    this.routed[way] += 1;
    return way;
  }

  /** Runs a near lookup and keeps its time against the budget. */
  timed<T>(lookup: () => T): T {
    const start = this.now();
    try {
      return lookup();
    } finally {
      if (this.now() - start > this.budgetMs) this.toWorker = this.coolDown;
    }
  }
}
