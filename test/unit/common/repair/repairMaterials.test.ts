// The repair checklist as data: which materials a case needs follows from the penalty's
// severity (by the 令第36号 rules) and whom it is for; the shipped file is valid.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoMaterials, repairChecklist, RepairConfigSchema } from '../../../../src-main/common/repair/repairMaterials';
import { penaltyPeriods } from '../../../../src-main/common/rules/disclosurePeriods';
import { repairEligibility } from '../../../../src-main/common/rules/repairEligibility';

const SHIPPED = RepairConfigSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/repair/materials.json'), 'utf8')));
const penalty = (severity: 'minor' | 'ordinary' | 'serious', decisionDate: string) => ({ category: 'penalty' as const, status: 'active' as const, severity, decisionDate, title: '虚假宣传', authority: '演示市市场监督管理局' });

describe('repairChecklist', () => {
  it('an eligible ordinary penalty of an enterprise: the letter, the certificate, proof, the authority form, training, a report', () => {
    const e = repairEligibility(penalty('ordinary', '2026-01-10'), '2026-04-11');
    expect(e).toEqual({ kind: 'eligible', severity: 'ordinary', since: '2026-04-11' });
    if (e.kind !== 'eligible') return;
    expect(repairChecklist(SHIPPED.materials, e.severity, 'enterprise').map((m) => m.code)).toEqual([
      'commitment-letter',
      'registration-certificate',
      'penalty-fulfilled',
      'authority-repair-form',
      'training-certificate',
      'credit-report',
    ]);
  });

  it('a minor penalty of a person: no authority form, the identity document instead of the certificate', () => {
    const list = repairChecklist(SHIPPED.materials, 'minor', 'person');
    expect(list.map((m) => m.code)).toEqual(['commitment-letter', 'identity-document', 'penalty-fulfilled', 'training-certificate', 'credit-report']);
    expect(photoMaterials(list).map((m) => m.code)).not.toContain('commitment-letter');
  });

  it('a penalty one day short of its minimum period is not eligible yet, from the next day', () => {
    expect(repairEligibility(penalty('ordinary', '2026-01-10'), '2026-04-10')).toMatchObject({ kind: 'not-yet', reason: 'minimum-period', from: '2026-04-11', minMonths: 3 });
  });

  it('a configured unrepairable list and city periods come from the same file', () => {
    const config = RepairConfigSchema.parse({ ...SHIPPED, periods: { serious: { maxMonths: 36, minMonthsBeforeRepair: 24 } }, unrepairable: [{ code: 'food-safety', label: '食品安全严重违法', titleIncludes: ['食品'] }] });
    expect(repairEligibility(penalty('serious', '2025-01-01'), '2026-06-01', { periods: penaltyPeriods(config.periods), unrepairable: [] })).toMatchObject({ kind: 'not-yet', from: '2027-01-02', minMonths: 24 });
    expect(repairEligibility({ ...penalty('ordinary', '2025-01-01'), title: '销售过期食品' }, '2026-06-01', { periods: penaltyPeriods(config.periods), unrepairable: config.unrepairable })).toMatchObject({ kind: 'never', reason: 'unrepairable-list', list: { code: 'food-safety' } });
  });

  it('refuses a file without exactly one letter signed here, or with a code twice', () => {
    expect(RepairConfigSchema.safeParse({ ...SHIPPED, materials: SHIPPED.materials.filter((m) => m.source !== 'signed') }).success).toBe(false);
    expect(RepairConfigSchema.safeParse({ ...SHIPPED, materials: [...SHIPPED.materials, SHIPPED.materials[1]] }).success).toBe(false);
  });
});
