// The statutory disclosure periods of 信用修复管理办法 (NDRC 令第36号, in force
// 2026-04-01), kept as data: the maximum is the ceiling of every penalty's public
// display (whatever 公示截止期 the data carries), the minimum is what a penalty must
// have served before credit repair may be applied for. Periods run from the decision
// date and are counted as the Civil Code counts them (民法典 第201–202条): the
// decision day is not counted and a period of months ends on the corresponding day
// of its last month — so a record is shown through that day and served the day after.
import { z } from 'zod';
import type { Severity } from '../domain/creditRecord';
import { addDays, addMonths } from '../time/isoDate';

/** 轻微 / 一般 / 严重 failures. */
export type PenaltySeverity = Severity;

export interface PenaltyPeriod {
  /** The longest a penalty of this severity may be shown publicly, in months. */
  maxMonths: number;
  /** The shortest it must have been shown before repair may be applied for, in months. */
  minMonthsBeforeRepair: number;
}

export type PenaltyPeriods = Record<PenaltySeverity, PenaltyPeriod>;

/** The regulation's values: 轻微 at most 3 months where disclosed at all; 一般 3 months to 1 year; 严重 1 to 3 years. */
export const PENALTY_PERIODS: PenaltyPeriods = {
  minor: { maxMonths: 3, minMonthsBeforeRepair: 0 },
  ordinary: { maxMonths: 12, minMonthsBeforeRepair: 3 },
  serious: { maxMonths: 36, minMonthsBeforeRepair: 12 },
};

const Months = z.number().int().min(0).max(120);
const PeriodSchema = z
  .object({ maxMonths: Months, minMonthsBeforeRepair: Months })
  .strict()
  .refine((p) => p.minMonthsBeforeRepair <= p.maxMonths, '最短公示期不能长于最长公示期 / the minimum period cannot exceed the maximum');

/** A configuration's override: any severity it names replaces the regulation's values. */
export const PenaltyPeriodsOverrideSchema = z
  .object({ minor: PeriodSchema.optional(), ordinary: PeriodSchema.optional(), serious: PeriodSchema.optional() })
  .strict();
export type PenaltyPeriodsOverride = z.infer<typeof PenaltyPeriodsOverrideSchema>;

export function penaltyPeriods(override: PenaltyPeriodsOverride = {}): PenaltyPeriods {
  return { ...PENALTY_PERIODS, ...Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined)) };
}

/** The last day a penalty decided on `decisionDate` may be shown. */
export function lastDisclosureDay(decisionDate: string, severity: PenaltySeverity, periods: PenaltyPeriods = PENALTY_PERIODS): string {
  return addMonths(decisionDate, periods[severity].maxMonths);
}

/** The first day the minimum period is served (repair may be applied for from this day). */
export function minimumPeriodServedOn(decisionDate: string, severity: PenaltySeverity, periods: PenaltyPeriods = PENALTY_PERIODS): string {
  const months = periods[severity].minMonthsBeforeRepair;
  return months === 0 ? decisionDate : addDays(addMonths(decisionDate, months), 1);
}
