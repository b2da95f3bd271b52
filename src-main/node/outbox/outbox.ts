// The kiosk's one outbox: everything it owes the platform (checks and decisions, issued
// reports, daily usage, audit anchors, heartbeats, citizen applications) stored first
// (outboxStore.ts), then delivered by a loop the runtime starts: in order per stream,
// in batches, through the one platform client (deadline, retries, breaker), marked
// delivered only when the platform answered 200. The platform stores by event id, so a
// batch re-sent after kill -9 or a lost answer is stored once. Bounded: over the
// alarm threshold the admin console says so; at the maximum, enqueue refuses loudly.
import type { OutboxStatusView } from '../../common/contract/outboxViews';
import type { EventPayload, EventType, PlatformEvent } from '../../common/platform/platformEvents';
import { MAX_EVENTS_PER_BATCH } from '../../common/platform/platformEvents';
import type { PlatformClient } from '../platformClient/platformClient';
import { platformErrorOf } from '../platformClient/platformError';
import { OutboxStore } from './outboxStore';

export interface OutboxLimits {
  /** Pending events beyond which enqueue refuses (OUTBOX_FULL). */
  maxPending: number;
  /** The admin console's alarm: this many pending … */
  alarmPending: number;
  /** … or the oldest pending this old. */
  alarmAgeHours: number;
  /** Delivered rows are deleted after this many days. */
  deliveredDays: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxPending: 500_000, alarmPending: 5_000, alarmAgeHours: 72, deliveredDays: 30 };

export interface OutboxOptions {
  file: string;
  /** The KeyStore's cache master key: payloads are sealed under a key derived from it. */
  key: Buffer;
  /** The platform client; none: events are stored and wait for a platform to be configured. */
  client?: PlatformClient | null;
  limits?: Partial<OutboxLimits>;
  batchSize?: number;
  /** One batch's whole-request deadline, retries included (default 30 s). */
  deadlineMs?: number;
  retries?: number;
  backoffMs?: number;
  /** The loop's period when all is well (default 60 s). */
  intervalMs?: number;
  /** The loop's first wait after a failure, doubling to 15 min (default 5 s). */
  retryAfterMs?: number;
  now?: () => Date;
}

export interface DeliveryResult {
  delivered: number;
  pending: number;
  error?: string;
}

export interface Outbox {
  /** Validates and stores an event durably (committed at return); returns its id. */
  enqueue<T extends EventType>(type: T, payload: EventPayload<T>, options?: { id?: string; at?: string }): string;
  has(id: string): boolean;
  /** The oldest pending events as they will travel (tests, diagnostics). */
  pendingEvents(limit?: number): PlatformEvent[];
  /** Sends what is pending now (oldest first) until none is left or a batch fails. */
  deliver(): Promise<DeliveryResult>;
  pending(): number;
  status(): OutboxStatusView;
  /** Starts the delivery loop: periodic, and soon after each enqueue. */
  start(): void;
  /** Stops the loop, waits for a batch in flight, closes the file. */
  close(): Promise<void>;
}

/** What a writer needs of the outbox (the staff checks, the report issuer, citizen services). */
export type EventSink = Pick<Outbox, 'enqueue'>;

const MAX_RETRY_WAIT_MS = 15 * 60_000;

export function createOutbox(options: OutboxOptions): Outbox {
  const limits = { ...DEFAULT_OUTBOX_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const store = new OutboxStore(options.file, options.key, limits.maxPending);
  store.purgeDelivered(limits.deliveredDays, now());
  const client = options.client ?? null;
  const batchSize = Math.min(options.batchSize ?? MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH);
  let inFlight: Promise<DeliveryResult> | null = null;
  let lastError: string | null = null;
  let failures = 0;
  let running = false;
  let timer: NodeJS.Timeout | undefined;

  async function deliverNow(): Promise<DeliveryResult> {
    if (!client) return { delivered: 0, pending: store.pendingCount(), error: '未配置平台 / no platform configured' };
    let delivered = 0;
    for (;;) {
      const events = store.nextBatch(batchSize);
      if (events.length === 0) break;
      const ids = events.map((e) => e.id);
      let error: string | null = null;
      try {
        const res = await client.call({
          method: 'POST',
          path: 'v1/events',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
          deadlineMs: options.deadlineMs ?? 30_000,
          retries: options.retries ?? 2,
          backoffMs: options.backoffMs ?? 500,
          maxBytes: 64 * 1024,
        });
        // A refused batch stays, in place: later events of its stream must not overtake it.
        if (res.status !== 200) error = `平台拒收（HTTP ${res.status}）/ refused by the platform (HTTP ${res.status}): ${res.body.toString('utf8').slice(0, 200)}`;
      } catch (err) {
        error = platformErrorOf(err).message;
      }
      if (error !== null) {
        store.markFailed(ids, error);
        lastError = error;
        failures += 1;
        return { delivered, pending: store.pendingCount(), error };
      }
      // Confirmed (new there, or already stored): never sent again.
      store.markDelivered(ids, now());
      delivered += ids.length;
    }
    lastError = null;
    failures = 0;
    store.purgeDelivered(limits.deliveredDays, now());
    return { delivered, pending: store.pendingCount() };
  }

  function deliver(): Promise<DeliveryResult> {
    // One delivery at a time: a second caller shares the one in flight.
    inFlight ??= deliverNow().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function schedule(ms: number): void {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void deliver().then(() => schedule(nextWait()));
    }, ms);
    timer.unref();
  }

  function nextWait(): number {
    if (failures === 0) return store.pendingCount() > 0 ? 0 : (options.intervalMs ?? 60_000);
    const base = Math.min(MAX_RETRY_WAIT_MS, (options.retryAfterMs ?? 5_000) * 2 ** Math.min(failures - 1, 20));
    return base * (0.75 + Math.random() / 2);
  }

  function status(): OutboxStatusView {
    const s = store.summary();
    const ageHours = s.oldestPendingAt ? (now().getTime() - Date.parse(s.oldestPendingAt)) / 3_600_000 : 0;
    const alarm = s.pending >= limits.alarmPending || ageHours >= limits.alarmAgeHours;
    return {
      ...s,
      lastError: s.pending > 0 ? (lastError ?? s.lastError) : null,
      platformConfigured: client !== null,
      alarm,
      alarmMessage: alarm
        ? `平台事件积压：${s.pending} 条待发送，最早一条存于 ${s.oldestPendingAt ?? ''}，请检查平台连接 / Platform backlog: ${s.pending} events pending since ${s.oldestPendingAt ?? ''}; check the connection to the platform`
        : '',
    };
  }

  return {
    enqueue(type, payload, opts) {
      const id = store.enqueue(type, payload, { ...opts, now: now() });
      // Soon, not at once: a burst of enqueues goes out as one batch.
      if (running && !inFlight && failures === 0 && timer !== undefined) schedule(200);
      return id;
    },
    has: (id) => store.has(id),
    pendingEvents: (limit = MAX_EVENTS_PER_BATCH) => store.nextBatch(limit),
    deliver,
    pending: () => store.pendingCount(),
    status,
    start() {
      if (running || !client) return;
      running = true;
      schedule(0);
    },
    async close() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
      store.close();
    },
  };
}
