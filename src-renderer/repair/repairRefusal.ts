// Why a penalty cannot be repaired (now), as the person reads it: the rule, and from which date.
import type { TFunction } from 'i18next';
import type { RepairCheckView } from '../../src-main/common/contract/repairApi';

export function refusalText(t: TFunction, refusal: Exclude<RepairCheckView, { allowed: true }>): string {
  if (refusal.reason !== 'rules') return t(`repair.refusals.${refusal.reason}`);
  const e = refusal.eligibility;
  if (e.kind === 'not-yet' && e.reason === 'minimum-period') return t('repair.refusals.minimum-period', { severity: t(`repair.severities.${e.severity}`), months: e.minMonths, date: e.from });
  if (e.kind === 'never' && e.reason === 'unrepairable-list') return t('repair.refusals.unrepairable-list', { list: e.list.label });
  return t(`repair.refusals.${e.reason}`);
}
