// The fleet view's figures from the kiosks' own events: one status row per kiosk (its newest
// heartbeat and config acknowledgement, today's use) and usage totals by any one dimension.
// Pure: the platform's routes and the page both use these.
import type { KioskStatusView, UsageRowView } from './fleetViews';
import type { EventPayload } from './platformEvents';

/** A kiosk's newest event of one type, as the platform's store returns it. */
export interface KioskEvent<P> {
  kioskId: string;
  /** When it happened, by the kiosk's clock. */
  at: string;
  /** When the platform stored it. */
  receivedAt: string;
  payload: P;
}

export interface FleetStatusInput {
  /** Kiosks the platform knows (its credentials), listed even before their first heartbeat. */
  kiosks: readonly string[];
  heartbeats: readonly KioskEvent<EventPayload<'heartbeat'>>[];
  acks: readonly KioskEvent<EventPayload<'config-ack'>>[];
  /** Today's usage rows (the platform's local day). */
  today: readonly UsageRowView[];
  /** The newest fleet configuration published in the repository, if any. */
  publishedConfigVersion: number | null;
}

export function kioskStatuses(input: FleetStatusInput): KioskStatusView[] {
  const beats = new Map(input.heartbeats.map((h) => [h.kioskId, h]));
  const acks = new Map(input.acks.map((a) => [a.kioskId, a]));
  const used = new Map<string, number>();
  for (const r of input.today) used.set(r.kioskId, (used.get(r.kioskId) ?? 0) + r.count);
  const ids = [...new Set([...input.kiosks, ...beats.keys(), ...acks.keys(), ...used.keys()])].sort();
  return ids.map((kioskId): KioskStatusView => {
    const h = beats.get(kioskId)?.payload;
    const a = acks.get(kioskId);
    return {
      kioskId,
      lastHeartbeatAt: beats.get(kioskId)?.at ?? null,
      appVersion: h?.appVersion ?? null,
      dataVersion: h?.dataVersion ?? null,
      dataAsOf: h?.dataAsOf ?? null,
      reader: h?.reader ?? null,
      printer: h?.printer ?? null,
      outboxBacklog: h?.outboxBacklog ?? null,
      configVersion: input.publishedConfigVersion,
      configAck: a ? { version: a.payload.configVersion, result: a.payload.result, at: a.at } : null,
      usedToday: used.get(kioskId) ?? 0,
    };
  });
}

export const USAGE_DIMENSIONS = ['fn', 'day', 'kioskId', 'staffId'] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

/** Counts summed by one dimension, largest first; a counter-less row (self-service) has staff ''. */
export function usageTotals(rows: readonly UsageRowView[], by: UsageDimension): Array<{ key: string; count: number }> {
  const sums = new Map<string, number>();
  for (const r of rows) {
    const key = r[by] ?? '';
    sums.set(key, (sums.get(key) ?? 0) + r.count);
  }
  return [...sums].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/** Health at a glance: a heartbeat older than this many minutes marks the kiosk as silent. */
export const SILENT_AFTER_MINUTES = 30;

export function isSilent(status: Pick<KioskStatusView, 'lastHeartbeatAt'>, now: Date): boolean {
  if (status.lastHeartbeatAt === null) return true;
  const t = Date.parse(status.lastHeartbeatAt);
  return !Number.isFinite(t) || now.getTime() - t > SILENT_AFTER_MINUTES * 60_000;
}
