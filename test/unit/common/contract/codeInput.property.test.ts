// Codes in KioskApi inputs go through the one recogniser at the host boundary: a code it
// accepts reaches the service; any other is refused there as INVALID_CODE with the
// recogniser's own problem — a mistyped check character stays "mistyped", never a
// generic INVALID_INPUT — and no service runs. Property tests with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../../src-main/common/codes/residentId';
import { validateCodeOf, validateSubjectCode } from '../../../../src-main/common/codes/subjectCode';
import { USCC_CATEGORIES, USCC_CHARSET, usccCheckChar } from '../../../../src-main/common/codes/uscc';
import { dispatchKioskCall } from '../../../../src-main/common/contract/dispatch';
import { KIOSK_METHODS, type KioskMethods } from '../../../../src-main/common/contract/kioskApi';
import { ok } from '../../../../src-main/common/contract/result';

const SESSION = 'AbCdEfGhIjKlMnOpQrStUv';
const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx';

function recordingApi(): { api: KioskMethods; calls: string[] } {
  const calls: string[] = [];
  const api = Object.fromEntries(KIOSK_METHODS.map((m) => [m, async () => (calls.push(m), ok(null))])) as unknown as KioskMethods;
  return { api, calls };
}

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const division = fc.tuple(fc.constantFrom('11', '31', '37', '44', '65'), digits(4)).map(([p, rest]) => p + rest);
const birthDate = fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const first17 = fc.tuple(division, birthDate, digits(3)).map(([a, b, s]) => a + b + s);
const usccFirst17 = fc
  .tuple(fc.constantFrom(...Object.entries(USCC_CATEGORIES).flatMap(([a, cats]) => cats.split('').map((c) => a + c))), division, fc.array(fc.constantFrom(...USCC_CHARSET.split('')), { minLength: 9, maxLength: 9 }))
  .map(([ac, d, org]) => ac + d + org.join(''));
/** Codes of every sort a person types: right, mistyped in the last character, or anything. */
const typed = fc.oneof(
  first17.map((f) => f + residentIdCheckChar(f)),
  first17.chain((f) => fc.constantFrom(...'0123456789X'.split('')).map((c) => f + c)),
  usccFirst17.map((f) => f + usccCheckChar(f)!),
  usccFirst17.chain((f) => fc.constantFrom(...USCC_CHARSET.split('')).map((c) => f + c)),
  fc.string({ maxLength: 40 }),
);

describe('codes in KioskApi inputs', () => {
  it('a counter check takes exactly the codes the recogniser accepts, and refuses the rest with its problem', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (code) => {
        const { api, calls } = recordingApi();
        const result = await dispatchKioskCall(api, 'checkSubject', { token: TOKEN, itemId: 'construction-bidding', by: 'code', code });
        const v = validateSubjectCode(code);
        if (v.valid) {
          expect(calls).toEqual(['checkSubject']);
        } else {
          expect(calls).toEqual([]);
          expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', problem: v.problem } });
          expect(!result.ok && result.error.message).toContain(v.reason);
        }
      }),
    );
  });

  it('an enterprise lookup, preview or print takes only a valid USCC', async () => {
    await fc.assert(
      fc.asyncProperty(typed, fc.constantFrom('lookupEnterprise', 'previewReport', 'printReport'), async (uscc, method) => {
        const { api, calls } = recordingApi();
        const result = await dispatchKioskCall(api, method, { sessionId: SESSION, uscc });
        const v = validateCodeOf(uscc, ['uscc']);
        if (v.valid) expect(calls).toEqual([method]);
        else expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', problem: v.problem } });
      }),
    );
  });

  it('says "mistyped" for an ID number with a wrong check digit, and "another kind" for a person’s number where a USCC belongs', async () => {
    const { api } = recordingApi();
    const mistyped = await dispatchKioskCall(api, 'checkSubject', { token: TOKEN, itemId: 'construction-bidding', by: 'code', code: '650102197607108653' });
    expect(mistyped).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', problem: 'check-character' } });
    expect(!mistyped.ok && mistyped.error.message).toMatch(/校验位不符，请核对是否输错/);
    const person = await dispatchKioskCall(api, 'lookupEnterprise', { sessionId: SESSION, uscc: '11010519491231002X' });
    expect(person).toMatchObject({ ok: false, error: { code: 'INVALID_CODE', problem: 'kind' } });
  });
});
