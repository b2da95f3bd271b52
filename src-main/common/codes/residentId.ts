// Resident identity card number, GB 11643-1999: 6-digit division code, 8-digit birth
// date, 3-digit sequence, ISO 7064 MOD 11-2 check character.
import { isPersonalNumberPrefix } from './divisionCode';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type ResidentIdProblem = 'format' | 'division' | 'birth-date' | 'check-character';

export interface ResidentIdCheck {
  valid: boolean;
  problem?: ResidentIdProblem;
  /** ISO date of birth when the birth-date part exists on the calendar. */
  birthDate?: string;
  /** GB 11643 sequence parity: odd for men, even for women. */
  sex?: 'male' | 'female';
}

/** The check character an ID number's first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** Birth dates before this are no living person's (and no card was issued to one). */
const EARLIEST_BIRTH = '1850-01-01';

/**
 * Checks an already normalised (trimmed, upper-case) 18-character ID number: the
 * division code, a birth date that exists and is not after `today` (ISO date, when
 * given), then the check character.
 */
export function checkResidentId(id: string, today?: string): ResidentIdCheck {
  if (!/^\d{17}[\dX]$/.test(id)) return { valid: false, problem: 'format' };
  if (!isPersonalNumberPrefix(id.slice(0, 6))) return { valid: false, problem: 'division' };
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const real = isCalendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)));
  if (!real || birthDate < EARLIEST_BIRTH || (today !== undefined && birthDate > today)) return { valid: false, problem: 'birth-date' };
  const sex = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return { valid: false, problem: 'check-character', birthDate, sex };
  return { valid: true, birthDate, sex };
}
