// The platform's intake of kiosk events (the contract's envelope, every type):
// one SQLite table keyed by event id, so a retried delivery is stored once.
import type Database from 'better-sqlite3';
import type { PlatformEvent } from '../../common/platform/platformEvents';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

// The kiosk's envelope is the shared contract's (common/platform/platformEvents.ts).
export { EventBatchSchema } from '../../common/platform/platformEvents';
export type OutboxEvent = PlatformEvent;

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
