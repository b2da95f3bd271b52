// A usage-daily event: one finished day's uses per function (and per staff member at
// the counter), counted from the audit chain by the same query as the statistics screen,
// so the city's person-times trace back to entries. The id is the day: a day is sent once.
import type { EventPayload, UsageFunction } from '../../common/platform/platformEvents';
import type { StatFunction } from '../../common/staff/statsPeriods';
import type { StatsView } from '../../common/contract/staffViews';

const FUNCTION_OF: Record<StatFunction, UsageFunction> = {
  'self-service-query': 'self-query',
  'report-printed': 'report-print',
  'counter-check': 'credit-check',
  'batch-check': 'batch-check',
  'measure-applied': 'joint-measures',
  'incentive-granted': 'joint-measures',
  'report-verified': 'report-verify',
  'objection-submitted': 'objection',
  'commitment-signed': 'commitment',
  'repair-submitted': 'repair',
  'face-check': 'face-check',
};

/** Self-service uses are the kiosk's, not a staff member's. */
const SELF_SERVICE = new Set<UsageFunction>(['self-query', 'report-print']);

export function usageDayId(day: string): string {
  return `usage-daily-${day}`;
}

export function usageDailyPayload(day: string, stats: Pick<StatsView, 'rows'>): EventPayload<'usage-daily'> {
  const counts = new Map<string, { fn: UsageFunction; staffId: string | null; count: number }>();
  for (const row of stats.rows) {
    const fn = FUNCTION_OF[row.function];
    const staffId = SELF_SERVICE.has(fn) || row.staffNo === '' ? null : row.staffNo.slice(0, 20);
    const key = `${fn}\u0000${staffId ?? ''}`;
    const entry = counts.get(key) ?? { fn, staffId, count: 0 };
    entry.count += row.count;
    counts.set(key, entry);
  }
  return { day, rows: [...counts.values()] };
}
