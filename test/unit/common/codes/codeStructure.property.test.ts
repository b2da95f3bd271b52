// Property tests of the one recogniser against the structure rules of GB 11643 and
// GB 32100: every code built by the rules is recognised, every code that breaks one
// rule is refused for that rule, and an ID number with a wrong check digit is never a USCC.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSubjectCode } from '../../../../src-main/common/codes/subjectCode';
import { residentIdCheckChar } from '../../../../src-main/common/codes/residentId';
import { USCC_CATEGORIES, USCC_CHARSET, usccCheckChar } from '../../../../src-main/common/codes/uscc';

const PROVINCES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83'];
const NOT_PROVINCES = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter((p) => !PROVINCES.includes(p));

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const division = fc.tuple(fc.constantFrom(...PROVINCES), digits(4)).map(([p, rest]) => p + rest);
const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const first17 = fc.tuple(division, birthDate, digits(3)).map(([a, b, s]) => a + b + s);
const validId = first17.map((f) => f + residentIdCheckChar(f));
const otherCheck = (right: string) => fc.constantFrom(...'0123456789X'.split('').filter((c) => c !== right));

const usccChar = fc.constantFrom(...USCC_CHARSET.split(''));
const authorityAndCategory = fc.constantFrom(...Object.entries(USCC_CATEGORIES).flatMap(([a, cats]) => cats.split('').map((c) => a + c)));
const usccBody = fc.tuple(authorityAndCategory, division, fc.array(usccChar, { minLength: 9, maxLength: 9 })).map(([ac, d, org]) => ac + d + org.join(''));
const withCheck = (first: string) => first + usccCheckChar(first)!;

describe('GB 11643 structure', () => {
  it('recognises every ID number built by the rules', () => {
    fc.assert(fc.property(validId, (id) => {
        expect(validateSubjectCode(id, { today: '2026-01-01' })).toMatchObject({ kind: 'resident-id', valid: true });
      }),
    );;
  });

  it('reports a wrong check digit as a mistyped ID number, never as a valid USCC', () => {
    fc.assert(
      fc.property(
        first17.chain((f) => otherCheck(residentIdCheckChar(f)).map((c) => f + c)),
        (id) => {
          expect(validateSubjectCode(id, { today: '2026-01-01' })).toMatchObject({ kind: 'resident-id', valid: false, problem: 'check-character' });
        },
      ),
    );
  });

  it('refuses a birth date after today', () => {
    const f = '37030220300101123';
    expect(validateSubjectCode(f + residentIdCheckChar(f), { today: '2026-12-07' })).toMatchObject({ kind: 'resident-id', valid: false, problem: 'birth-date' });
  });

  it('refuses a division code of no province', () => {
    fc.assert(
      // (9 leads the 2023 foreign permanent resident card's number: 9 + province + country.)
      fc.property(fc.tuple(fc.constantFrom(...NOT_PROVINCES.filter((p) => !p.startsWith('9'))), digits(4), birthDate, digits(3)), ([p, rest, b, s]) => {
        const f = p + rest + b + s;
        expect(validateSubjectCode(f + residentIdCheckChar(f)).valid && validateSubjectCode(f + residentIdCheckChar(f)).kind === 'resident-id').toBe(false);
      }),
    );
  });
});

describe('GB 32100 structure', () => {
  it('recognises every USCC built by the rules (unless its digits read as a whole ID number)', () => {
    fc.assert(
      fc.property(usccBody.map(withCheck), (code) => {
        const v = validateSubjectCode(code, { today: '2026-01-01' });
        if (v.kind === 'resident-id') expect(/^\d{17}[\dX]$/.test(code)).toBe(true);
        else expect(v).toMatchObject({ kind: 'uscc', valid: true });
      }),
    );
  });

  it('refuses a registration authority that does not exist, whatever the check character', () => {
    const noAuthority = USCC_CHARSET.split('').filter((c) => USCC_CATEGORIES[c] === undefined);
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(...noAuthority), usccBody).map(([a, body]) => withCheck(a + body.slice(1, 17))), (code) => {
        const v = validateSubjectCode(code);
        expect(v.kind === 'uscc' && v.valid).toBe(false);
      }),
    );
  });

  it('refuses a category its registration authority does not allow', () => {
    const wrong = Object.entries(USCC_CATEGORIES).flatMap(([a, cats]) => USCC_CHARSET.split('').filter((c) => !cats.includes(c)).map((c) => a + c));
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(...wrong), usccBody).map(([ac, body]) => withCheck(ac + body.slice(2, 17))), (code) => {
        const v = validateSubjectCode(code);
        expect(v.kind === 'uscc' && v.valid).toBe(false);
      }),
    );
  });

  it('refuses a division code of no province', () => {
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom('91', '92', '52'), fc.constantFrom(...NOT_PROVINCES), digits(4), usccBody).map(([ac, p, r, body]) => withCheck(ac + p + r + body.slice(8, 17))), (code) => {
        const v = validateSubjectCode(code);
        expect(v.kind === 'uscc' && v.valid).toBe(false);
      }),
    );
  });
});
