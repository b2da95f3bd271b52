// A circuit breaker for the online fallback: after `failures` consecutive failures
// the platform is not asked for `coolOffMs` (a citizen should not wait on timeouts
// the kiosk already knows will come); then one trial call decides.

export interface CircuitBreakerOptions {
  failures?: number;
  coolOffMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | null = null;
  private readonly failures: number;
  private readonly coolOffMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failures = options.failures ?? 3;
    this.coolOffMs = options.coolOffMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** 'closed': ask; 'half-open': ask once to probe; 'open': do not ask. */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.coolOffMs ? 'half-open' : 'open';
  }

  succeeded(): void {
    this.consecutive = 0;
    this.openedAt = null;
  }

  failed(): void {
    this.consecutive += 1;
    if (this.consecutive >= this.failures || this.openedAt !== null) this.openedAt = this.now();
  }
}
