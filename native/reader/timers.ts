// Time as a dependency: the reader loop, transports and simulator take a Timers
// so tests drive them with a manual clock — fast, deterministic, no wall-clock asserts.

export type TimerHandle = { readonly id: number };

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | undefined): void;
  now(): number;
}

/** The process clock. */
export function systemTimers(): Timers {
  const live = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  return {
    setTimeout(callback, ms) {
      const id = next++;
      live.set(
        id,
        setTimeout(() => {
          live.delete(id);
          callback();
        }, Math.max(0, ms)),
      );
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      const t = live.get(handle.id);
      if (t !== undefined) clearTimeout(t);
      live.delete(handle.id);
    },
    now: () => Date.now(),
  };
}

export interface ManualTimers extends Timers {
  /** Moves the clock forward, firing due timers in order and letting promise chains settle after each. */
  advance(ms: number): Promise<void>;
  /** Lets pending promise chains settle without moving the clock. */
  settle(): Promise<void>;
  pending(): number;
}

/** A clock that only moves when told to (tests, benchmarks). */
export function createManualTimers(start = 0): ManualTimers {
  let now = start;
  let next = 1;
  const queue: { id: number; at: number; seq: number; callback: () => void }[] = [];
  // setImmediate runs after the whole microtask queue drains, so one turn settles a promise chain.
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
  };
  return {
    setTimeout(callback, ms) {
      const id = next++;
      queue.push({ id, at: now + Math.max(0, ms), seq: id, callback });
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      const i = queue.findIndex((t) => t.id === handle.id);
      if (i >= 0) queue.splice(i, 1);
    },
    now: () => now,
    pending: () => queue.length,
    settle,
    async advance(ms) {
      const until = now + ms;
      await settle();
      for (;;) {
        queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const due = queue[0];
        if (!due || due.at > until) break;
        queue.shift();
        now = Math.max(now, due.at);
        due.callback();
        await settle();
      }
      now = until;
    },
  };
}
