// Which record may be objected to at the kiosk: one shown now, of a category taken,
// not already pending (marked by the platform, or filed here and not answered).
import { describe, expect, it } from 'vitest';
import { DEFAULT_OBJECTION_CONFIG, ObjectionConfigSchema, objectionCheck } from '../../../../src-main/common/rules/objectionRules';

const shown = [
  { id: 'r-fine', category: 'penalty' as const, status: 'active' as const },
  { id: 'r-marked', category: 'penalty' as const, status: 'objection-pending' as const },
  { id: 'r-promise', category: 'commitment' as const, status: 'active' as const },
];
const excluded = DEFAULT_OBJECTION_CONFIG.excludedCategories;

describe('objectionCheck', () => {
  it('allows a record shown now', () => {
    expect(objectionCheck('r-fine', shown, new Set(), excluded)).toEqual({ allowed: true });
  });
  it('refuses a record not shown (archived, another subject’s, made up)', () => {
    expect(objectionCheck('r-elsewhere', shown, new Set(), excluded)).toEqual({ allowed: false, reason: 'not-shown' });
  });
  it('refuses a category the configuration excludes, naming it', () => {
    expect(objectionCheck('r-promise', shown, new Set(), excluded)).toEqual({ allowed: false, reason: 'category-excluded', category: 'commitment' });
    expect(objectionCheck('r-promise', shown, new Set(), [])).toEqual({ allowed: true });
  });
  it('refuses a second objection: marked by the platform, or filed here and not answered', () => {
    expect(objectionCheck('r-marked', shown, new Set(), excluded)).toEqual({ allowed: false, reason: 'pending' });
    expect(objectionCheck('r-fine', shown, new Set(['r-fine']), excluded)).toEqual({ allowed: false, reason: 'pending' });
  });
});

describe('ObjectionConfigSchema', () => {
  it('has reasons and an answer period by default, and refuses an empty reason list', () => {
    expect(DEFAULT_OBJECTION_CONFIG.reasons.length).toBeGreaterThan(0);
    expect(DEFAULT_OBJECTION_CONFIG.answerWorkingDays).toBe(10);
    expect(ObjectionConfigSchema.safeParse({ reasons: [] }).success).toBe(false);
    expect(ObjectionConfigSchema.safeParse({ reasons: [{ code: 'Bad Code', zh: '甲', en: 'a' }] }).success).toBe(false);
  });
});
