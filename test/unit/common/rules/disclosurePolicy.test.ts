import { describe, expect, it } from 'vitest';
import { publicVisibility } from '../../../../src-main/common/rules/disclosurePolicy';

const TODAY = '2026-11-21';

describe('publicVisibility', () => {
  it('shows an ordinary penalty within a year of its decision', () => {
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'ordinary', decisionDate: '2026-03-01' }, TODAY)).toEqual({ visible: true });
  });

  it('hides an ordinary penalty after a year, a serious one after three', () => {
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'ordinary', decisionDate: '2025-11-20' }, TODAY)).toEqual({ visible: false, reason: 'past-period' });
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'serious', decisionDate: '2024-01-01' }, TODAY)).toEqual({ visible: true });
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'serious', decisionDate: '2023-11-20' }, TODAY)).toEqual({ visible: false, reason: 'past-period' });
  });

  it('does not disclose minor failures by default', () => {
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'minor', decisionDate: '2026-11-01' }, TODAY)).toEqual({ visible: false, reason: 'minor-not-disclosed' });
  });

  it('follows the data’s own 公示截止期 when it is shorter than the regulation’s maximum', () => {
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'serious', decisionDate: '2026-10-01', disclosureDeadline: '2026-11-20' }, TODAY)).toEqual({ visible: false, reason: 'past-deadline' });
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'ordinary', decisionDate: '2026-01-01', disclosureDeadline: '2026-11-21' }, TODAY)).toEqual({ visible: true });
  });

  it('never lets the data’s deadline outlast 令第36号’s maximum (the issue’s three cases)', () => {
    // A minor penalty 200 days old with its data deadline a year away.
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'minor', decisionDate: '2026-05-05', disclosureDeadline: '2027-11-21' }, TODAY)).toEqual({ visible: false, reason: 'past-period' });
    // An ordinary penalty older than a year, a serious one older than three, data deadlines longer.
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'ordinary', decisionDate: '2020-01-01', disclosureDeadline: '2026-11-21' }, TODAY)).toEqual({ visible: false, reason: 'past-period' });
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'serious', decisionDate: '2023-11-20', disclosureDeadline: '2028-01-01' }, TODAY)).toEqual({ visible: false, reason: 'past-period' });
  });

  it('keeps repaired and revoked records as archive only', () => {
    expect(publicVisibility({ category: 'penalty', status: 'repaired', decisionDate: '2026-11-01' }, TODAY)).toEqual({ visible: false, reason: 'repaired' });
    expect(publicVisibility({ category: 'serious-dishonesty', status: 'revoked' }, TODAY)).toEqual({ visible: false, reason: 'revoked' });
  });

  it('shows a record under objection, and licences without an end', () => {
    expect(publicVisibility({ category: 'penalty', status: 'objection-pending', severity: 'ordinary', decisionDate: '2026-10-01' }, TODAY)).toEqual({ visible: true });
    expect(publicVisibility({ category: 'licence', status: 'active', decisionDate: '2001-01-01' }, TODAY)).toEqual({ visible: true });
  });

  it('takes per-category periods from configuration', () => {
    const policy = { penaltyMonths: { minor: 3, ordinary: 6, serious: 12 }, categoryMonths: { 'abnormal-operation': 24 } as const };
    expect(publicVisibility({ category: 'penalty', status: 'active', severity: 'minor', decisionDate: '2026-09-01' }, TODAY, policy)).toEqual({ visible: true });
    expect(publicVisibility({ category: 'abnormal-operation', status: 'active', decisionDate: '2024-01-01' }, TODAY, policy)).toEqual({ visible: false, reason: 'past-period' });
  });
});
