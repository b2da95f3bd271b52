// 联合奖惩反馈 waiting for the platform: one row per event (id, payload, pending flag).
// The sync engineer's delivery reads pending rows and marks them delivered; until then
// they stay, across restarts. Written in the same transaction as the audit entry.
import type Database from 'better-sqlite3';

export const FEEDBACK_KIND = 'joint-reward-punishment-feedback';

export interface OutboxEvent {
  eventId: string;
  kind: string;
  createdAt: string;
  payload: unknown;
  pending: boolean;
}

export class StaffOutbox {
  constructor(private readonly db: Database.Database) {}

  enqueue(event: { eventId: string; kind: string; createdAt: string; payload: unknown }): void {
    this.db.prepare('INSERT INTO staff_outbox (event_id, kind, created_at, payload) VALUES (?,?,?,?)').run(event.eventId, event.kind, event.createdAt, JSON.stringify(event.payload));
  }

  pending(limit = 100): OutboxEvent[] {
    const rows = this.db.prepare('SELECT * FROM staff_outbox WHERE pending = 1 ORDER BY created_at, event_id LIMIT ?').all(limit) as Array<{
      event_id: string;
      kind: string;
      created_at: string;
      payload: string;
      pending: number;
    }>;
    return rows.map((r) => ({ eventId: r.event_id, kind: r.kind, createdAt: r.created_at, payload: JSON.parse(r.payload) as unknown, pending: r.pending === 1 }));
  }

  markDelivered(eventIds: readonly string[], at: string): void {
    const stmt = this.db.prepare('UPDATE staff_outbox SET pending = 0, delivered_at = ? WHERE event_id = ?');
    this.db.transaction(() => {
      for (const id of eventIds) stmt.run(at, id);
    })();
  }
}
