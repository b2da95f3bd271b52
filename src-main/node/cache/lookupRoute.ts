// Where a single-code lookup runs when the cache has a query worker. A lookup of one
// code is an index probe and one range scan (0.2–0.6 ms at a million subjects with its
// pages in memory); handing it to the worker thread and back costs as much again at p99
// on a 2-vCPU machine (bench/lookupPath.bench.ts prints both). So it runs in the caller's
// thread on its own read-only connection — and the worker's promise, that a slow query
// never stalls the thread that serves the screens, is kept by a time budget: a lookup that
// ran over it (pages from a cold disk, a subject with thousands of records) sends the
// lookups that follow to the worker for a cool-down, then the next one tries again —
// unless the worker is busy (a batch's chunk, a search): then a lookup would queue behind
// that work for far longer than it could ever take here, so it stays near.

export interface LookupRouteOptions {
  /** A near lookup slower than this sends the next ones to the worker. */
  budgetMs?: number;
  /** For how long. */
  coolDownMs?: number;
  now?: () => number;
}

// Wall time, so a lookup the scheduler preempted counts too: rare enough on a kiosk, and
// the cool-down is short so such a miss costs a few handoffs, not a session's worth.
export const LOOKUP_BUDGET_MS = 8;
export const LOOKUP_COOL_DOWN_MS = 5_000;

export class LookupRoute {
  private readonly budgetMs: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private workerUntil = -Infinity;
  /** How many lookups each way went (the bench prints them). */
  readonly routed = { near: 0, worker: 0 };

  constructor(options: LookupRouteOptions = {}) {
    this.budgetMs = options.budgetMs ?? LOOKUP_BUDGET_MS;
    this.coolDownMs = options.coolDownMs ?? LOOKUP_COOL_DOWN_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** 'near' (this thread) unless a near lookup ran over the budget less than a cool-down ago and the worker is free. */
  choose(workerBusy = false): 'near' | 'worker' {
    const way = !workerBusy && this.now() < this.workerUntil ? 'worker' : 'near';
    this.routed[way] += 1;
    return way;
  }

  /** Runs a near lookup and keeps its time against the budget. */
  timed<T>(lookup: () => T): T {
    const start = this.now();
    try {
      return lookup();
    } finally {
      const end = this.now();
      if (end - start > this.budgetMs) this.workerUntil = end + this.coolDownMs;
    }
  }
}
