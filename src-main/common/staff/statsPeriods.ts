// Reporting periods for usage statistics: calendar day, ISO week (周一 starts it),
// calendar month, all in UTC dates like the rest of the kiosk.

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The functions the city counts ("信用核查、联合奖惩功能使用次数"), and the citizen services beside them. */
export const STAT_FUNCTIONS = [
  'self-service-query',
  'report-printed',
  'counter-check',
  'batch-check',
  'measure-applied',
  'incentive-granted',
  'report-verified',
  'objection-submitted',
  'commitment-signed',
  'repair-submitted',
  'face-check',
] as const;
export type StatFunction = (typeof STAT_FUNCTIONS)[number];

/** Uses the kiosk's services record themselves in the audit chain (the action is the function's name). */
export const RECORDED_USES = ['self-service-query', 'report-printed', 'report-verified', 'objection-submitted'] as const;
export type RecordedUse = (typeof RECORDED_USES)[number];

/** The audit action the credit-repair journey writes for a submitted application. */
export const REPAIR_SUBMITTED_ACTION = 'repair-application-submitted';

/** 2026-05-15 → day 2026-05-15, week 2026-W20, month 2026-05. */
export function periodOf(isoDate: string, granularity: Granularity): string {
  if (granularity === 'day') return isoDate;
  if (granularity === 'month') return isoDate.slice(0, 7);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday decides the ISO year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
