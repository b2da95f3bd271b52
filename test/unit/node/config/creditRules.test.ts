// config.disclosure: the operator may set 令第36号's periods and the unrepairable lists;
// the kiosk's visibility and repair rules follow them, and a bad value is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicVisibility } from '../../../../src-main/common/rules/disclosurePolicy';
import { repairEligibility } from '../../../../src-main/common/rules/repairEligibility';
import { disclosurePolicyOf, repairRulesOf } from '../../../../src-main/node/config/creditRules';
import { KioskConfigSchema, loadKioskConfig } from '../../../../src-main/node/config/kioskConfig';

const fine = { category: 'penalty' as const, status: 'active' as const, severity: 'ordinary' as const, title: '无证经营', decisionDate: '2025-01-15', disclosureDeadline: '2030-01-01' };

describe('config.disclosure', () => {
  it('defaults to the regulation: an ordinary penalty shown one year', () => {
    const config = KioskConfigSchema.parse({});
    expect(publicVisibility(fine, '2026-01-15', disclosurePolicyOf(config)).visible).toBe(true);
    expect(publicVisibility(fine, '2026-01-16', disclosurePolicyOf(config)).visible).toBe(false);
    expect(repairEligibility(fine, '2025-04-16', repairRulesOf(config)).kind).toBe('eligible');
  });

  it('follows an operator’s periods and lists', () => {
    const config = KioskConfigSchema.parse({
      disclosure: {
        penaltyPeriods: { ordinary: { maxMonths: 6, minMonthsBeforeRepair: 4 } },
        unrepairable: [{ code: 'licence-free', label: '无证经营（示例清单）', titleIncludes: ['无证'] }],
      },
    });
    expect(publicVisibility(fine, '2025-07-16', disclosurePolicyOf(config)).visible).toBe(false);
    expect(repairEligibility(fine, '2025-06-01', repairRulesOf(config))).toMatchObject({ kind: 'never', reason: 'unrepairable-list' });
  });

  it('refuses a minimum longer than the maximum, saying where', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-rules-'));
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ disclosure: { penaltyPeriods: { serious: { maxMonths: 12, minMonthsBeforeRepair: 24 } } } }));
    expect(() => loadKioskConfig({ configPath: file, cwd: dir, env: {} })).toThrow(/disclosure\.penaltyPeriods\.serious.*最短公示期/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
