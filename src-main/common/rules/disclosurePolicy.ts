// What may be shown publicly now (公示): the one place that decides it.
// Sources: 信用修复管理办法 (NDRC 令第36号, in force 2026-04-01) and the data's own
// 公示截止期. The regulation's maximum periods (disclosurePeriods.ts) cap every
// penalty's deadline, the data's included. Records that fail here stay in the cache
// as archive (for audit and objections) but never reach a public screen or a report.
import type { CreditRecord, RecordCategory, Severity } from '../domain/creditRecord';
import { addMonths } from '../time/isoDate';
import { lastDisclosureDay, PENALTY_PERIODS, type PenaltyPeriods } from './disclosurePeriods';

export interface DisclosurePolicy {
  /** Months a penalty stays disclosed, by severity, counted from the decision date; 0 = not disclosed. */
  penaltyMonths: Record<Severity, number>;
  /** Per-category overrides (months from the decision date) for other time-limited categories. */
  categoryMonths: Partial<Record<RecordCategory, number>>;
  /** The statutory periods: their maximum caps every penalty's deadline; absent, the regulation's values. */
  penaltyPeriods?: PenaltyPeriods;
}

/** Defaults at the upper bounds of the regulation: 轻微 not shown, 一般 ≤ 1 year, 严重 ≤ 3 years. */
export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = {
  penaltyMonths: { minor: 0, ordinary: 12, serious: 36 },
  categoryMonths: { enforcement: 36 },
  penaltyPeriods: PENALTY_PERIODS,
};

type VisibilityInput = Pick<CreditRecord, 'category' | 'status' | 'severity' | 'decisionDate' | 'disclosureDeadline' | 'validTo'>;

/**
 * A penalty's last day of display: the data's 公示截止期 or, without one, the
 * policy's period — never past the regulation's maximum. Null: not capped (no
 * decision date, or not a penalty) and the data's deadline, if any, stands alone.
 */
export function penaltyDeadline(record: VisibilityInput, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): string | null {
  if (record.category !== 'penalty' || !record.decisionDate) return record.disclosureDeadline ?? null;
  return cappedDeadline(record, record.decisionDate, policy);
}

function cappedDeadline(record: VisibilityInput, decisionDate: string, policy: DisclosurePolicy): string {
  const severity = record.severity ?? 'ordinary';
  const ceiling = lastDisclosureDay(decisionDate, severity, policy.penaltyPeriods ?? PENALTY_PERIODS);
  const own = record.disclosureDeadline ?? addMonths(decisionDate, policy.penaltyMonths[severity]);
  return own < ceiling ? own : ceiling;
}

export type Visibility =
  | { visible: true }
  | { visible: false; reason: 'repaired' | 'revoked' | 'past-deadline' | 'minor-not-disclosed' | 'past-period' | 'expired' };

/** The time-limited categories: failures whose disclosure ends. */
const FAILURE_CATEGORIES: ReadonlySet<RecordCategory> = new Set(['penalty', 'enforcement']);

export function publicVisibility(record: VisibilityInput, today: string, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): Visibility {
  if (record.status === 'repaired') return { visible: false, reason: 'repaired' };
  if (record.status === 'revoked') return { visible: false, reason: 'revoked' };
  if (record.category === 'penalty' && record.decisionDate) {
    const severity = record.severity ?? 'ordinary';
    // 轻微: in principle not disclosed — unless the deciding authority set a deadline.
    if (!record.disclosureDeadline && policy.penaltyMonths[severity] <= 0) return { visible: false, reason: 'minor-not-disclosed' };
    const deadline = cappedDeadline(record, record.decisionDate, policy);
    if (deadline >= today) return { visible: true };
    const byData = record.disclosureDeadline !== undefined && record.disclosureDeadline === deadline;
    return { visible: false, reason: byData ? 'past-deadline' : 'past-period' };
  }
  // Otherwise the data's own deadline wins: it was set by the deciding authority.
  if (record.disclosureDeadline) {
    return record.disclosureDeadline >= today ? { visible: true } : { visible: false, reason: 'past-deadline' };
  }
  if (FAILURE_CATEGORIES.has(record.category)) {
    const months =
      record.category === 'penalty'
        ? policy.penaltyMonths[record.severity ?? 'ordinary']
        : (policy.categoryMonths[record.category] ?? policy.penaltyMonths[record.severity ?? 'ordinary']);
    if (months <= 0) return { visible: false, reason: 'minor-not-disclosed' };
    if (record.decisionDate && addMonths(record.decisionDate, months) < today) return { visible: false, reason: 'past-period' };
    return { visible: true };
  }
  const months = policy.categoryMonths[record.category];
  if (months !== undefined && record.decisionDate && addMonths(record.decisionDate, months) < today) {
    return { visible: false, reason: 'past-period' };
  }
  // Honours and list entries carry their own end (有效期至 / 移出日期).
  if (record.validTo && record.validTo < today && (record.category === 'honour' || record.category === 'abnormal-operation' || record.category === 'serious-dishonesty')) {
    return { visible: false, reason: 'expired' };
  }
  return { visible: true };
}

export function isPubliclyVisible(
  record: Parameters<typeof publicVisibility>[0],
  today: string,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): boolean {
  return publicVisibility(record, today, policy).visible;
}
