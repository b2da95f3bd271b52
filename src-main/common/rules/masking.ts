// Masking of personal data by audience: the one place that decides what a screen,
// a log line or a list shows. No official pattern is published, so the shape is
// configuration (credit-report.md, "Privacy").
import { mayBePersonalCode, validateSubjectCode } from '../codes/subjectCode';

export type Audience = 'subject' | 'staff' | 'public';

export interface MaskingRules {
  idKeepStart: number;
  idKeepEnd: number;
  maskChar: string;
}

export const DEFAULT_MASKING: MaskingRules = { idKeepStart: 4, idKeepEnd: 4, maskChar: '*' };

/** 370302199001011234 → 3703**********1234. Short inputs are masked whole. */
export function maskIdNumber(id: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const keep = rules.idKeepStart + rules.idKeepEnd;
  if (id.length <= keep) return rules.maskChar.repeat(id.length);
  return id.slice(0, rules.idKeepStart) + rules.maskChar.repeat(id.length - keep) + id.slice(id.length - rules.idKeepEnd);
}

/** 张三 → 张*, 欧阳明华 → 欧***: the family name stays so a person can tell it is theirs. */
export function maskPersonName(name: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return rules.maskChar;
  return chars[0] + rules.maskChar.repeat(chars.length - 1);
}

/** 13812345678 → 138****5678. */
export function maskPhone(phone: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length < 7) return rules.maskChar.repeat(digits.length);
  return digits.slice(0, 3) + rules.maskChar.repeat(digits.length - 7) + digits.slice(-4);
}

/** Keeps the province/city part (first 6 characters) of an address. */
export function maskAddress(address: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const chars = Array.from(address);
  if (chars.length <= 6) return rules.maskChar.repeat(3);
  return chars.slice(0, 6).join('') + rules.maskChar.repeat(3);
}

export interface PersonalFields {
  name: string;
  idNumber: string;
  address?: string;
  phone?: string;
}

/**
 * What an audience sees of a natural person. The ID number is masked even for the
 * subject: a kiosk screen is in a public hall. Staff see the name to compare it
 * with the applicant; the public never sees an address or a phone number.
 */
export function maskPersonFor(audience: Audience, person: PersonalFields, rules: MaskingRules = DEFAULT_MASKING): PersonalFields {
  const idNumber = maskIdNumber(person.idNumber, rules);
  switch (audience) {
    case 'subject':
      return {
        name: person.name,
        idNumber,
        ...(person.address !== undefined && { address: person.address }),
        ...(person.phone !== undefined && { phone: maskPhone(person.phone, rules) }),
      };
    case 'staff':
      return {
        name: person.name,
        idNumber,
        ...(person.address !== undefined && { address: maskAddress(person.address, rules) }),
        ...(person.phone !== undefined && { phone: maskPhone(person.phone, rules) }),
      };
    case 'public':
      return { name: maskPersonName(person.name, rules), idNumber };
  }
}

/** A subject code as a list or log may show it: whatever may name a person is masked, an organisation's code is not. */
export function maskSubjectCode(code: string, rules: MaskingRules = DEFAULT_MASKING): string {
  const c = code.trim().slice(0, 40);
  return mayBePersonalCode(validateSubjectCode(c)) ? maskIdNumber(c, rules) : c;
}

// ID numbers (and 15-digit ones), USCCs, long digit runs (registration and card
// numbers), mobile numbers with or without separators, and landlines with an area code.
const PERSONAL_TEXT =
  /(?<![0-9A-Za-z])(?:[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}|\d{17}[\dX]|\d{11,}|(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}-\d{7,8})(?![0-9A-Za-z])/gi;

/**
 * Masks every ID-number-, USCC- and phone-shaped run in free text (a decision note,
 * an error message) before it is logged, queued or audited: "申请人周建国 370302199001011234"
 * → "申请人周建国 3703**********1234".
 */
export function maskPersonalText(text: string, rules: MaskingRules = DEFAULT_MASKING): string {
  return text.replace(PERSONAL_TEXT, (run) => {
    const compact = run.replace(/[\s-]/g, '');
    return compact.length >= 15 ? maskIdNumber(compact, rules) : maskPhone(compact, rules);
  });
}
