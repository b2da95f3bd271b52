// 令第36号's periods on their boundaries: a penalty is shown through the last day of
// its maximum period and hidden the day after, whatever deadline the data carries;
// repair opens the day after the minimum period is served.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../../src-main/common/domain/creditRecord';
import { lastDisclosureDay, minimumPeriodServedOn, PENALTY_PERIODS, penaltyPeriods, PenaltyPeriodsOverrideSchema } from '../../../../src-main/common/rules/disclosurePeriods';
import { DEFAULT_DISCLOSURE_POLICY, penaltyDeadline, publicVisibility } from '../../../../src-main/common/rules/disclosurePolicy';
import { addDays, addMonths } from '../../../../src-main/common/time/isoDate';

const DECIDED = '2025-01-15';
const FAR = '2030-12-31';
const penalty = (severity: Severity, disclosureDeadline?: string) => ({
  category: 'penalty' as const,
  status: 'active' as const,
  severity,
  decisionDate: DECIDED,
  ...(disclosureDeadline !== undefined && { disclosureDeadline }),
});

describe('PENALTY_PERIODS', () => {
  it('holds the regulation’s values', () => {
    expect(PENALTY_PERIODS).toEqual({
      minor: { maxMonths: 3, minMonthsBeforeRepair: 0 },
      ordinary: { maxMonths: 12, minMonthsBeforeRepair: 3 },
      serious: { maxMonths: 36, minMonthsBeforeRepair: 12 },
    });
  });

  it('takes a configuration’s override per severity and refuses a minimum above the maximum', () => {
    expect(penaltyPeriods({ ordinary: { maxMonths: 6, minMonthsBeforeRepair: 3 } })).toEqual({ ...PENALTY_PERIODS, ordinary: { maxMonths: 6, minMonthsBeforeRepair: 3 } });
    expect(PenaltyPeriodsOverrideSchema.safeParse({ serious: { maxMonths: 6, minMonthsBeforeRepair: 12 } }).success).toBe(false);
    expect(PenaltyPeriodsOverrideSchema.safeParse({ grave: { maxMonths: 6, minMonthsBeforeRepair: 1 } }).success).toBe(false);
  });
});

describe('the maximum caps display (day before / on / after the last day)', () => {
  const cases: Array<[Severity, string]> = [
    ['minor', '2025-04-15'],
    ['ordinary', '2026-01-15'],
    ['serious', '2028-01-15'],
  ];
  for (const [severity, lastDay] of cases) {
    it(`${severity}: shown through ${lastDay}, hidden from the day after, though the data says ${FAR}`, () => {
      expect(lastDisclosureDay(DECIDED, severity)).toBe(lastDay);
      expect(publicVisibility(penalty(severity, FAR), addDays(lastDay, -1))).toEqual({ visible: true });
      expect(publicVisibility(penalty(severity, FAR), lastDay)).toEqual({ visible: true });
      expect(publicVisibility(penalty(severity, FAR), addDays(lastDay, 1))).toEqual({ visible: false, reason: 'past-period' });
      expect(penaltyDeadline(penalty(severity, FAR))).toBe(lastDay);
    });
  }

  it('an ordinary penalty with no data deadline follows the policy, the same ceiling', () => {
    expect(publicVisibility(penalty('ordinary'), '2026-01-15')).toEqual({ visible: true });
    expect(publicVisibility(penalty('ordinary'), '2026-01-16')).toEqual({ visible: false, reason: 'past-period' });
  });

  it('a configured shorter maximum caps earlier', () => {
    const policy = { ...DEFAULT_DISCLOSURE_POLICY, penaltyPeriods: penaltyPeriods({ serious: { maxMonths: 24, minMonthsBeforeRepair: 12 } }) };
    expect(publicVisibility(penalty('serious', FAR), '2027-01-15', policy)).toEqual({ visible: true });
    expect(publicVisibility(penalty('serious', FAR), '2027-01-16', policy)).toEqual({ visible: false, reason: 'past-period' });
  });

  it('counts a month from the 31st to the month’s last day', () => {
    expect(lastDisclosureDay('2024-11-30', 'minor')).toBe('2025-02-28');
    expect(publicVisibility({ ...penalty('minor', FAR), decisionDate: '2024-11-30' }, '2025-03-01')).toEqual({ visible: false, reason: 'past-period' });
  });
});

describe('the minimum before repair (day before / on / after it is served)', () => {
  it('ordinary: 3 months served on 2025-04-15, repair from 2025-04-16', () => {
    expect(minimumPeriodServedOn(DECIDED, 'ordinary')).toBe('2025-04-16');
  });
  it('serious: 1 year served on 2026-01-15, repair from 2026-01-16', () => {
    expect(minimumPeriodServedOn(DECIDED, 'serious')).toBe('2026-01-16');
  });
  it('minor: no minimum, repair from the decision day', () => {
    expect(minimumPeriodServedOn(DECIDED, 'minor')).toBe(DECIDED);
  });
});

const day = fc.integer({ min: 0, max: 365 * 12 }).map((n) => addDays('2018-01-01', n));
const severity = fc.constantFrom<Severity>('minor', 'ordinary', 'serious');

describe('properties', () => {
  it('a penalty shown today is within its maximum period and its data deadline', () => {
    fc.assert(
      fc.property(severity, day, fc.option(day, { nil: undefined }), day, (sev, decided, deadline, today) => {
        const record = { category: 'penalty' as const, status: 'active' as const, severity: sev, decisionDate: decided, ...(deadline !== undefined && { disclosureDeadline: deadline }) };
        if (publicVisibility(record, today).visible) {
          expect(today <= addMonths(decided, PENALTY_PERIODS[sev].maxMonths)).toBe(true);
          if (deadline !== undefined) expect(today <= deadline).toBe(true);
        }
      }),
    );
  });

  it('once hidden by its period a penalty stays hidden', () => {
    fc.assert(
      fc.property(severity, day, day, fc.integer({ min: 1, max: 2000 }), (sev, decided, today, later) => {
        const record = { category: 'penalty' as const, status: 'active' as const, severity: sev, decisionDate: decided, disclosureDeadline: FAR };
        if (!publicVisibility(record, today).visible && today > decided) expect(publicVisibility(record, addDays(today, later)).visible).toBe(false);
      }),
    );
  });
});
