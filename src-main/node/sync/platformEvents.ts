// The platform's intake of kiosk events: one SQLite table keyed by event id, so a retried
// delivery is stored once. Takes the contract's envelope (common/platform/platformEvents:
// id, type, seq per stream, payload by type) and the older seq-less form the kiosk's
// outbox sent before it; answers the fleet view's three queries (fleetRoutes.FleetQueries).
// The reference store for one-machine trials and the bench's baseline.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { UsageRowView } from '../../common/platform/fleetViews';
import type { KioskEvent } from '../../common/platform/fleetStatus';
import { PAYLOADS, PlatformEventSchema, streamOf, type EventPayload, type PlatformEvent } from '../../common/platform/platformEvents';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export const OutboxEventSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    // config-ack: the fleet configuration's acknowledgement, until the one outbox sends the contract envelope.
    type: z.enum(['check-record', 'report-issued', 'objection', 'config-ack']),
    at: z.string().max(40),
    payload: z.record(z.string().max(100), z.unknown()),
  })
  .strict();
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

/** A contract event whose payload is also valid for its type (the fleet view reads these payloads). */
const TypedPlatformEventSchema = PlatformEventSchema.superRefine((e, ctx) => {
  const parsed = PAYLOADS[e.type].safeParse(e.payload);
  if (!parsed.success) ctx.addIssue({ code: 'custom', path: ['payload'], message: `${e.type}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
});

export const EventBatchSchema = z.object({ events: z.array(z.union([TypedPlatformEventSchema, OutboxEventSchema])).min(1).max(100) }).strict();
export type IntakeEvent = PlatformEvent | OutboxEvent;

const EVENTS_V1 = `CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL
      ) WITHOUT ROWID`;
const EVENTS_V2 = `ALTER TABLE events ADD COLUMN stream TEXT;
      ALTER TABLE events ADD COLUMN seq INTEGER;
      CREATE INDEX events_latest ON events (type, kiosk_id, seq)`;

export const PLATFORM_EVENT_STORE: StoreSpec = {
  label: { zh: '平台事件库', en: 'platform event store' },
  migrations: [
    ddlMigration(1, 'kiosk events by id (as shipped before the store opener, which left user_version 0)', EVENTS_V1),
    ddlMigration(2, 'the contract envelope: stream and seq per kiosk, indexed for the fleet view', EVENTS_V2),
  ],
};

export class PlatformEventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(file: string) {
    this.db = openStore(file, PLATFORM_EVENT_STORE, { context: undefined });
    this.insert = this.db.prepare('INSERT OR IGNORE INTO events (id, kiosk_id, type, at, payload, received_at, stream, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /** Stores the events not seen before; returns how many were new and how many were repeats. */
  accept(kioskId: string, events: IntakeEvent[], now: Date): { accepted: number; duplicates: number } {
    let accepted = 0;
    const received = now.toISOString();
    this.db.transaction(() => {
      for (const e of events) {
        const seq = 'seq' in e ? e.seq : null;
        accepted += this.insert.run(e.id, kioskId, e.type, e.at, JSON.stringify(e.payload), received, seq === null ? null : streamOf(e.type), seq).changes;
      }
    })();
    return { accepted, duplicates: events.length - accepted };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  /** Per-stream order kept: stored events, and distinct (kiosk, stream, seq) among them — equal when no seq came twice. */
  sequenceCheck(): { events: number; distinctSeqs: number } {
    return this.db.prepare("SELECT count(*) AS events, count(DISTINCT kiosk_id || '|' || stream || '|' || seq) AS distinctSeqs FROM events WHERE seq IS NOT NULL").get() as { events: number; distinctSeqs: number };
  }

  latestHeartbeats(): KioskEvent<EventPayload<'heartbeat'>>[] {
    return this.latest('heartbeat') as KioskEvent<EventPayload<'heartbeat'>>[];
  }

  configAcks(): KioskEvent<EventPayload<'config-ack'>>[] {
    return this.latest('config-ack') as KioskEvent<EventPayload<'config-ack'>>[];
  }

  /**
   * Usage per day, kiosk, function and staff member between two days (inclusive). A
   * usage-daily event carries the whole day so far: the newest one per (kiosk, day) counts.
   */
  usageRows(fromDay: string, toDay: string): UsageRowView[] {
    return this.db
      .prepare(
        `WITH days AS (
           SELECT kiosk_id, payload, row_number() OVER (PARTITION BY kiosk_id, json_extract(payload, '$.day') ORDER BY seq DESC) AS rn
           FROM events WHERE type = 'usage-daily' AND json_extract(payload, '$.day') BETWEEN ? AND ?)
         SELECT json_extract(d.payload, '$.day') AS day, d.kiosk_id AS kioskId, json_extract(r.value, '$.fn') AS fn,
                json_extract(r.value, '$.staffId') AS staffId, json_extract(r.value, '$.count') AS count
         FROM days d, json_each(d.payload, '$.rows') r WHERE d.rn = 1
         ORDER BY day, kioskId, fn, staffId`,
      )
      .all(fromDay, toDay) as UsageRowView[];
  }

  private latest(type: 'heartbeat' | 'config-ack'): KioskEvent<unknown>[] {
    const rows = this.db
      .prepare(
        // Newest by seq; events of the older seq-less form rank by their time.
        `SELECT kioskId, at, receivedAt, payload FROM (
           SELECT kiosk_id AS kioskId, at, received_at AS receivedAt, payload,
                  row_number() OVER (PARTITION BY kiosk_id ORDER BY coalesce(seq, 0) DESC, at DESC) AS rn
           FROM events WHERE type = ?) WHERE rn = 1 ORDER BY kioskId`,
      )
      .all(type) as Array<{ kioskId: string; at: string; receivedAt: string; payload: string }>;
    return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as unknown }));
  }

  close(): void {
    this.db.close();
  }
}
