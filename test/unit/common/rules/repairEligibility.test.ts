// Whether a penalty may be repaired now: by the minimum periods of 令第36号 and the
// configured lists of penalties that cannot be repaired.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../../src-main/common/domain/creditRecord';
import { PENALTY_PERIODS, penaltyPeriods } from '../../../../src-main/common/rules/disclosurePeriods';
import { repairEligibility, UnrepairableListSchema, type RepairRules } from '../../../../src-main/common/rules/repairEligibility';
import { addDays, addMonths } from '../../../../src-main/common/time/isoDate';

const fine = (severity: Severity, more: Partial<{ status: 'active' | 'repaired' | 'revoked' | 'objection-pending'; title: string; authority: string; decisionDate: string }> = {}) => ({
  category: 'penalty' as const,
  status: 'active' as const,
  severity,
  title: '未按规定公示年度报告',
  authority: '淄博市市场监督管理局',
  decisionDate: '2025-01-15',
  ...more,
});

describe('repairEligibility', () => {
  it('an ordinary penalty: not yet the day before its 3 months are served, eligible on the day after', () => {
    expect(repairEligibility(fine('ordinary'), '2025-04-15')).toEqual({ kind: 'not-yet', severity: 'ordinary', reason: 'minimum-period', from: '2025-04-16', minMonths: 3 });
    expect(repairEligibility(fine('ordinary'), '2025-04-16')).toEqual({ kind: 'eligible', severity: 'ordinary', since: '2025-04-16' });
    expect(repairEligibility(fine('ordinary'), '2025-04-17')).toEqual({ kind: 'eligible', severity: 'ordinary', since: '2025-04-16' });
  });

  it('a serious penalty waits a year', () => {
    expect(repairEligibility(fine('serious'), '2026-01-15')).toMatchObject({ kind: 'not-yet', from: '2026-01-16', minMonths: 12 });
    expect(repairEligibility(fine('serious'), '2026-01-16')).toMatchObject({ kind: 'eligible' });
  });

  it('a minor penalty may be repaired from its decision day', () => {
    expect(repairEligibility(fine('minor'), '2025-01-15')).toMatchObject({ kind: 'eligible', since: '2025-01-15' });
  });

  it('follows configured periods', () => {
    const rules: RepairRules = { periods: penaltyPeriods({ ordinary: { maxMonths: 12, minMonthsBeforeRepair: 6 } }), unrepairable: [] };
    expect(repairEligibility(fine('ordinary'), '2025-07-15', rules)).toMatchObject({ kind: 'not-yet', from: '2025-07-16' });
  });

  it('never for what is not a live penalty', () => {
    expect(repairEligibility({ ...fine('ordinary'), category: 'licence' }, '2026-01-01')).toEqual({ kind: 'never', reason: 'not-a-penalty' });
    expect(repairEligibility(fine('ordinary', { status: 'repaired' }), '2026-01-01')).toEqual({ kind: 'never', reason: 'repaired' });
    expect(repairEligibility(fine('ordinary', { status: 'revoked' }), '2026-01-01')).toEqual({ kind: 'never', reason: 'revoked' });
    const { decisionDate: _d, ...undated } = fine('ordinary');
    expect(repairEligibility(undated, '2026-01-01')).toEqual({ kind: 'never', reason: 'no-decision-date' });
  });

  it('waits for an objection’s answer', () => {
    expect(repairEligibility(fine('ordinary', { status: 'objection-pending' }), '2026-01-01')).toEqual({ kind: 'not-yet', severity: 'ordinary', reason: 'objection-pending' });
  });

  it('never for a penalty on a configured unrepairable list, naming the list', () => {
    const list = UnrepairableListSchema.parse({ code: 'food-safety', label: '食品安全严重违法（法规规定不可修复）', titleIncludes: ['食品'], severities: [] });
    const rules: RepairRules = { periods: PENALTY_PERIODS, unrepairable: [list] };
    expect(repairEligibility(fine('serious', { title: '生产经营不符合食品安全标准的食品' }), '2027-01-01', rules)).toEqual({
      kind: 'never',
      reason: 'unrepairable-list',
      list: { code: 'food-safety', label: '食品安全严重违法（法规规定不可修复）' },
    });
    expect(repairEligibility(fine('serious'), '2027-01-01', rules)).toMatchObject({ kind: 'eligible' });
    const byAuthority = UnrepairableListSchema.parse({ code: 'court', label: '法院', authorities: ['淄博市市场监督管理局'] });
    expect(repairEligibility(fine('minor'), '2027-01-01', { periods: PENALTY_PERIODS, unrepairable: [byAuthority] })).toMatchObject({ kind: 'never', reason: 'unrepairable-list' });
  });

  it('refuses a list with no test at all', () => {
    expect(UnrepairableListSchema.safeParse({ code: 'empty', label: '空' }).success).toBe(false);
  });

  it('eligible exactly when the minimum period has fully passed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Severity>('minor', 'ordinary', 'serious'), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (sev, d, t) => {
        const decisionDate = addDays('2018-01-01', d);
        const today = addDays('2018-01-01', t);
        const min = PENALTY_PERIODS[sev].minMonthsBeforeRepair;
        const served = min === 0 ? today >= decisionDate : today > addMonths(decisionDate, min);
        expect(repairEligibility(fine(sev, { decisionDate }), today).kind).toBe(served ? 'eligible' : 'not-yet');
      }),
    );
  });
});
