// Delivered outbox rows are the platform's now: the kiosk keeps them only long enough
// to answer a question about a delivery, then deletes them (a decision's feedback
// names the staff member and the subject). Pending rows are never touched.
import type Database from 'better-sqlite3';

/** The one outbox's table (outbox.sqlite) and the staff outbox it replaced; both mark delivery with `delivered_at` (ISO time). */
export type OutboxTable = 'staff_outbox' | 'events';

export const DEFAULT_DELIVERED_RETENTION_DAYS = 30;

/** Deletes rows delivered more than `days` before `now`; returns how many. */
export function purgeDeliveredOutbox(db: Database.Database, table: OutboxTable, days: number, now: Date): number {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.prepare(`DELETE FROM ${table} WHERE delivered_at IS NOT NULL AND delivered_at < ?`).run(before).changes;
}
