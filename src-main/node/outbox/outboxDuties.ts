// The events the kiosk owes on a clock rather than on an action: a heartbeat for the
// fleet view, the audit head anchored, and each finished day's usage. Started by the
// runtime with the outbox's delivery loop, stopped on close (a last anchor then).
import type { EventPayload } from '../../common/platform/platformEvents';
import type { KioskStatus } from '../../common/contract/views';
import type { Logger } from '../logging/logger';
import type { Outbox } from './outbox';

export interface OutboxDutiesOptions {
  outbox: Pick<Outbox, 'enqueue' | 'status'>;
  /** The staff service's: anchors the audit head; enqueues finished days' usage. */
  anchorAudit(): boolean;
  enqueueUsageDays(): string[];
  /** What the heartbeat reports besides the outbox. */
  state(): Promise<{ appVersion: string; status: Pick<KioskStatus, 'reader' | 'printer' | 'data'> | null; configVersion: number | null }>;
  heartbeatMs: number;
  anchorMs: number;
  logger: Logger;
}

export function heartbeatPayload(input: Awaited<ReturnType<OutboxDutiesOptions['state']>>, outbox: ReturnType<Outbox['status']>): EventPayload<'heartbeat'> {
  const s = input.status;
  const printer = s?.printer.state;
  return {
    appVersion: input.appVersion,
    dataVersion: s && s.data.dataVersion > 0 ? s.data.dataVersion : null,
    dataAsOf: s && s.data.dataAsOf !== '' ? s.data.dataAsOf : null,
    reader: !s || s.reader.state === 'disconnected' ? 'absent' : s.reader.state === 'connected' ? 'ok' : 'error',
    printer: printer === undefined || printer === 'unavailable' ? 'absent' : printer === 'stopped' ? 'stopped' : s!.printer.reasons.some((r) => r !== 'none') ? 'warning' : 'ok',
    outboxBacklog: outbox.pending,
    oldestPendingAt: outbox.oldestPendingAt,
    configVersion: input.configVersion,
  };
}

export function startOutboxDuties(o: OutboxDutiesOptions): { stop(): void } {
  const guarded = (what: string, fn: () => unknown | Promise<unknown>) => async (): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      o.logger.warn({ event: 'outbox-duty-failed', duty: what, err }, 'periodic platform event not queued');
    }
  };
  const heartbeat = guarded('heartbeat', async () => o.outbox.enqueue('heartbeat', heartbeatPayload(await o.state(), o.outbox.status())));
  // The anchor tick also catches up finished days (a kiosk off at midnight sends them when back).
  const hourly = guarded('anchor-usage', () => {
    o.anchorAudit();
    o.enqueueUsageDays();
  });
  const timers = [setInterval(() => void heartbeat(), o.heartbeatMs), setInterval(() => void hourly(), o.anchorMs)];
  for (const t of timers) t.unref();
  void heartbeat();
  void hourly();
  return {
    stop() {
      for (const t of timers) clearInterval(t);
    },
  };
}
