// The platform's intake of kiosk events (check records, report issuance, objections):
// one SQLite table keyed by event id, so a retried delivery is stored once.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export const OutboxEventSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    type: z.enum(['check-record', 'report-issued', 'objection', 'commitment']),
    at: z.string().max(40),
    payload: z.record(z.string().max(100), z.unknown()),
  })
  .strict();
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;

export const EventBatchSchema = z.object({ events: z.array(OutboxEventSchema).min(1).max(100) }).strict();

const EVENTS_V1 = `CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL
      ) WITHOUT ROWID`;

export const PLATFORM_EVENT_STORE: StoreSpec = { label: { zh: '平台事件库', en: 'platform event store' }, migrations: [ddlMigration(1, 'kiosk events by id (as shipped before the store opener, which left user_version 0)', EVENTS_V1)] };

export class PlatformEventStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(file: string) {
    this.db = openStore(file, PLATFORM_EVENT_STORE, { context: undefined });
    this.insert = this.db.prepare('INSERT OR IGNORE INTO events (id, kiosk_id, type, at, payload, received_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Stores the events not seen before; returns how many were new and how many were repeats. */
  accept(kioskId: string, events: OutboxEvent[], now: Date): { accepted: number; duplicates: number } {
    let accepted = 0;
    this.db.transaction(() => {
      for (const e of events) accepted += this.insert.run(e.id, kioskId, e.type, e.at, JSON.stringify(e.payload), now.toISOString()).changes;
    })();
    return { accepted, duplicates: events.length - accepted };
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }
}
