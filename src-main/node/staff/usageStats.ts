// Usage statistics from the audit log itself, so the figures the city reports can be
// traced to the entries behind them: counts per function per day/week/month, per
// kiosk and per staff member, and the same as CSV.
import type Database from 'better-sqlite3';
import type { StatsRow, StatsView } from '../../common/contract/staffViews';
import { csvLine } from '../../common/staff/csvText';
import { periodOf, REPAIR_SUBMITTED_ACTION, STAT_FUNCTIONS, type Granularity, type StatFunction } from '../../common/staff/statsPeriods';

/** The audit actions counted (functionOf reads their results). */
const COUNTED_ACTIONS = ['check', 'batch-check', 'self-service-query', 'report-printed', 'decision', 'report-verified', 'objection-submitted', 'commitment', 'face-check', REPAIR_SUBMITTED_ACTION];

/** Audit actions (and decision results) that count as a function use. */
function functionOf(action: string, result: string): StatFunction | null {
  switch (action) {
    case 'report-verified':
    case 'objection-submitted':
    case 'face-check':
      // A face check counts whatever its outcome (pass, fail, fallback): the band stays in the entry.
      return action;
    case 'commitment':
      // Signed (by hand or by card); a refusal to sign is not a use.
      return result === 'refused' ? null : 'commitment-signed';
    case REPAIR_SUBMITTED_ACTION:
      return 'repair-submitted';
    case 'check':
      return 'counter-check';
    case 'batch-check':
      return 'batch-check';
    case 'self-service-query':
      return 'self-service-query';
    case 'report-printed':
      return 'report-printed';
    case 'decision':
      return result === 'measure-applied' ? 'measure-applied' : result === 'incentive-granted' ? 'incentive-granted' : null;
    default:
      return null;
  }
}

export interface StatsQuery {
  from: string;
  to: string;
  granularity: Granularity;
  /** Only this staff member's figures. */
  staffNo?: string;
}

export function usageStats(db: Database.Database, query: StatsQuery): StatsView {
  const params: unknown[] = [query.from, `${query.to}\uffff`];
  let where = 'at >= ? AND at <= ?';
  if (query.staffNo !== undefined) {
    where += ' AND staff_no = ?';
    params.push(query.staffNo);
  }
  const grouped = db
    .prepare(
      `SELECT substr(at, 1, 10) AS day, action, result, kiosk_id, staff_no, count(*) AS n FROM audit_log
       WHERE ${where} AND action IN (${COUNTED_ACTIONS.map(() => '?').join(',')})
       GROUP BY day, action, result, kiosk_id, staff_no`,
    )
    .all(...params, ...COUNTED_ACTIONS) as Array<{ day: string; action: string; result: string; kiosk_id: string; staff_no: string; n: number }>;
  const merged = new Map<string, StatsRow>();
  const totals = Object.fromEntries(STAT_FUNCTIONS.map((f) => [f, 0])) as Record<StatFunction, number>;
  for (const g of grouped) {
    const fn = functionOf(g.action, g.result);
    if (!fn) continue;
    const period = periodOf(g.day, query.granularity);
    const key = `${period}\u0000${fn}\u0000${g.kiosk_id}\u0000${g.staff_no}`;
    const row = merged.get(key) ?? { period, function: fn, kioskId: g.kiosk_id, staffNo: g.staff_no, count: 0 };
    row.count += g.n;
    merged.set(key, row);
    totals[fn] += g.n;
  }
  const rows = [...merged.values()].sort(
    (a, b) => a.period.localeCompare(b.period) || STAT_FUNCTIONS.indexOf(a.function) - STAT_FUNCTIONS.indexOf(b.function) || a.kioskId.localeCompare(b.kioskId) || a.staffNo.localeCompare(b.staffNo),
  );
  return { from: query.from, to: query.to, granularity: query.granularity, rows, totals };
}

export function statsCsv(view: StatsView): string {
  const lines = [csvLine(['period', 'function', 'kiosk_id', 'staff_no', 'count'])];
  for (const r of view.rows) lines.push(csvLine([r.period, r.function, r.kioskId, r.staffNo, r.count]));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
