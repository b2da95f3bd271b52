// The staff database's old feedback outbox (staff_outbox), which nothing ever read: its
// still-pending rows are moved once, at open, into the one outbox as check-decision
// events under their own ids (so a move repeated after a crash stores each once), then
// marked moved with their payload emptied. Nothing writes to staff_outbox any more; the
// table stays so an older file opens unchanged.
import type Database from 'better-sqlite3';
import { EventId } from '../../common/platform/platformEvents';
import { maskPersonalText } from '../../common/rules/masking';
import type { EventSink } from '../outbox/outbox';

interface LegacyFeedback {
  checkId?: string;
  staffNo?: string;
  decision?: string;
  measures?: Array<{ id?: string }>;
  incentives?: Array<{ id?: string }>;
  note?: string;
}

/** Moves the pending rows into `outbox`; returns how many. */
export function moveLegacyFeedback(db: Database.Database, outbox: EventSink, now: Date): number {
  const rows = db.prepare('SELECT event_id, created_at, payload FROM staff_outbox WHERE pending = 1 ORDER BY created_at, event_id').all() as Array<{ event_id: string; created_at: string; payload: string }>;
  const done = db.prepare("UPDATE staff_outbox SET pending = 0, delivered_at = ?, payload = '{}' WHERE event_id = ?");
  for (const row of rows) {
    const p = JSON.parse(row.payload) as LegacyFeedback;
    const note = maskPersonalText(p.note ?? '').slice(0, 500);
    outbox.enqueue(
      'check-decision',
      {
        checkId: (p.checkId ?? row.event_id).slice(0, 64),
        decision: (p.decision ?? 'none').slice(0, 40),
        measuresApplied: [...(p.measures ?? []), ...(p.incentives ?? [])].flatMap((m) => (m.id ? [m.id.slice(0, 40)] : [])).slice(0, 100),
        staffId: (p.staffNo ?? '').slice(0, 20),
        ...(note !== '' && { note }),
      },
      { ...(EventId.safeParse(row.event_id).success && { id: row.event_id }), at: row.created_at },
    );
    done.run(now.toISOString(), row.event_id);
  }
  return rows.length;
}
