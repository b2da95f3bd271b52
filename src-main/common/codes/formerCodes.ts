// The codes an organisation answered to before its USCC (曾用代码), which the cache
// keeps and looks up: the 15-digit registration number (工商注册号, 13 digits before
// 2007) and the organisation code (组织机构代码, GB 11714-1997).
import { isDivisionCode } from './divisionCode';

export type FormerCodeProblem = 'division' | 'check-character';

/**
 * A registration number: a division code and a sequence, 13 or 15 digits. Numbers
 * issued before GS15-2006 carry no check digit, and the registers kept them as
 * issued, so only the structure is checked — the cache is the judge of the rest.
 */
export function checkRegistrationNumber(code: string): { valid: boolean; problem?: FormerCodeProblem } {
  if (!/^\d{13}(\d{2})?$/.test(code)) return { valid: false, problem: 'division' };
  return isDivisionCode(code.slice(0, 6)) ? { valid: true } : { valid: false, problem: 'division' };
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The GB 11714 check character of an organisation code's first 8 characters. */
export function organizationCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(first8[i] ?? '', 36);
    if (Number.isNaN(value)) return null;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** An organisation code, written `XXXXXXXX-C` or without the hyphen. */
export function checkOrganizationCode(code: string): { valid: boolean; problem?: FormerCodeProblem } {
  const body = code.replace('-', '');
  return organizationCodeCheckChar(body.slice(0, 8)) === body[8] ? { valid: true } : { valid: false, problem: 'check-character' };
}
