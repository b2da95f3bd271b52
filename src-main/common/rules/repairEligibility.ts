// Whether a penalty may be repaired (信用修复) today, by 令第36号's minimum disclosure
// periods (disclosurePeriods.ts) and the configured lists of penalties that cannot be
// repaired ("法律、法规和党中央、国务院政策文件明确规定不可修复的"). Pure: the repair
// journey asks it and shows its answer; the platform decides the application itself.
import { z } from 'zod';
import type { CreditRecord } from '../domain/creditRecord';
import { SEVERITIES } from '../domain/creditRecord';
import { minimumPeriodServedOn, PENALTY_PERIODS, type PenaltyPeriods, type PenaltySeverity } from './disclosurePeriods';

/** One configured list of penalties that can never be repaired; a record on it matches any one of its tests. */
export const UnrepairableListSchema = z
  .object({
    /** Stable code the screens and the receipt name the list by. */
    code: z.string().regex(/^[a-z0-9-]{1,40}$/),
    /** The list as a person reads it (zh-CN), e.g. its legal basis. */
    label: z.string().min(1).max(200),
    severities: z.array(z.enum(SEVERITIES)).optional(),
    /** Words of the violation type (title) that put a penalty on the list. */
    titleIncludes: z.array(z.string().min(1)).optional(),
    /** Deciding authorities (处罚机关) whose penalties are on the list, by name. */
    authorities: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .refine((l) => (l.titleIncludes?.length ?? 0) + (l.authorities?.length ?? 0) + (l.severities?.length ?? 0) > 0, '不可修复清单至少需要一个条件 / an unrepairable list needs at least one test');
export type UnrepairableList = z.infer<typeof UnrepairableListSchema>;

export interface RepairRules {
  periods: PenaltyPeriods;
  unrepairable: readonly UnrepairableList[];
}

export const DEFAULT_REPAIR_RULES: RepairRules = { periods: PENALTY_PERIODS, unrepairable: [] };

export type NeverReason =
  | 'not-a-penalty' // only administrative penalties are repaired this way
  | 'repaired' // already repaired: archive only
  | 'revoked' // the decision was revoked: nothing to repair
  | 'no-decision-date' // the period cannot be counted: the counter decides
  | 'unrepairable-list';

export type RepairEligibility =
  | { kind: 'eligible'; severity: PenaltySeverity; since: string }
  | { kind: 'not-yet'; severity: PenaltySeverity; reason: 'minimum-period'; from: string; minMonths: number }
  | { kind: 'not-yet'; severity: PenaltySeverity; reason: 'objection-pending' }
  | { kind: 'never'; reason: Exclude<NeverReason, 'unrepairable-list'> }
  | { kind: 'never'; reason: 'unrepairable-list'; list: { code: string; label: string } };

type EligibilityInput = Pick<CreditRecord, 'category' | 'status' | 'severity' | 'decisionDate' | 'title' | 'authority'>;

function onList(record: EligibilityInput, severity: PenaltySeverity, list: UnrepairableList): boolean {
  if (list.severities?.includes(severity)) return true;
  if (list.titleIncludes?.some((w) => record.title.includes(w))) return true;
  return record.authority !== undefined && (list.authorities?.includes(record.authority) ?? false);
}

export function repairEligibility(record: EligibilityInput, today: string, rules: RepairRules = DEFAULT_REPAIR_RULES): RepairEligibility {
  if (record.category !== 'penalty') return { kind: 'never', reason: 'not-a-penalty' };
  if (record.status === 'repaired') return { kind: 'never', reason: 'repaired' };
  if (record.status === 'revoked') return { kind: 'never', reason: 'revoked' };
  const severity = record.severity ?? 'ordinary';
  const list = rules.unrepairable.find((l) => onList(record, severity, l));
  if (list) return { kind: 'never', reason: 'unrepairable-list', list: { code: list.code, label: list.label } };
  if (!record.decisionDate) return { kind: 'never', reason: 'no-decision-date' };
  // The record under objection may yet be corrected or deleted: repair waits for the answer.
  if (record.status === 'objection-pending') return { kind: 'not-yet', severity, reason: 'objection-pending' };
  const from = minimumPeriodServedOn(record.decisionDate, severity, rules.periods);
  if (today < from) return { kind: 'not-yet', severity, reason: 'minimum-period', from, minMonths: rules.periods[severity].minMonthsBeforeRepair };
  return { kind: 'eligible', severity, since: from };
}
