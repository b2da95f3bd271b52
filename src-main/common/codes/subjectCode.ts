// The one recogniser of the codes a person types, scans, imports or a package carries,
// before any lookup: by structure first (GB 11643 division and birth date; GB 32100
// registration authority, category and division; the former codes' shapes), then by
// check character. A string that reads as an ID number is judged as one: a mistyped
// check digit is reported as such, never taken for a USCC that happens to check out.
import { checkOrganizationCode, checkRegistrationNumber, type FormerCodeProblem } from './formerCodes';
import { checkResidentId, isCalendarDate, type ResidentIdProblem } from './residentId';
import { checkUscc, usccCheckCharMatches, type UsccProblem } from './uscc';

export type CodeKind = 'resident-id' | 'uscc' | 'registration-number' | 'organization-code' | 'unknown';

export type CodeProblem = ResidentIdProblem | UsccProblem | FormerCodeProblem | 'length' | 'kind';

export interface CodeValidation {
  input: string;
  /** Trimmed, upper-cased form used for lookups. */
  normalized: string;
  kind: CodeKind;
  valid: boolean;
  /** Why, Chinese first then English. */
  reason: string;
  problem?: CodeProblem;
}

const REASONS: Record<'ok' | 'former' | CodeProblem, string> = {
  ok: '校验位正确 / check character matches',
  former: '曾用代码，按原样查询 / a former code, looked up as issued',
  length:
    '位数不符：不是 18 位身份证号码或统一社会信用代码，也不是 15 位注册号或 9 位组织机构代码 / wrong length: not an 18-character ID number or USCC, a 15-digit registration number or a 9-character organisation code',
  format: '含有此类代码不使用的字符 / characters not allowed in this kind of code',
  charset: '含有统一社会信用代码不使用的字母（I、O、Z、S、V） / contains a letter a unified social credit code never uses (I, O, Z, S, V)',
  division: '行政区划代码不存在 / the division code does not exist',
  'birth-date': '身份证号码中的出生日期不存在 / the birth date in the ID number does not exist',
  authority: '登记管理部门代码不存在 / no registration authority has this code',
  category: '该登记管理部门没有此机构类别代码 / this registration authority has no such category code',
  'check-character': '校验位不符，请核对是否输错 / check character does not match: probably mistyped',
  kind: '代码类别不符 / a valid code, but not of the kind asked for here',
};

export function normalizeCode(input: string): string {
  return input.trim().toUpperCase();
}

export interface RecogniseOptions {
  /** ISO date: a birth date after it is refused. */
  today?: string;
}

/** Recognises a code by its structure and checks it. */
export function validateSubjectCode(input: string, options: RecogniseOptions = {}): CodeValidation {
  const normalized = normalizeCode(input);
  const answer = (kind: CodeKind, problem?: CodeProblem): CodeValidation =>
    problem === undefined
      ? { input, normalized, kind, valid: true, reason: kind === 'registration-number' || kind === 'organization-code' ? REASONS.former : REASONS.ok }
      : { input, normalized, kind, valid: false, reason: REASONS[problem], problem };

  if (normalized.length === 18) {
    if (!/^\d{17}[\dX]$/.test(normalized)) return answer('uscc', checkUscc(normalized).problem);
    const id = checkResidentId(normalized, options.today);
    // Division and birth date both real: it is an ID number, right or mistyped.
    if (id.valid || id.problem === 'check-character') return answer('resident-id', id.problem);
    const uscc = checkUscc(normalized);
    if (uscc.valid) return answer('uscc');
    // Neither reading holds: the check character says which one was meant.
    return usccCheckCharMatches(normalized) && !normalized.endsWith('X') ? answer('uscc', uscc.problem) : answer('resident-id', id.problem);
  }
  if (/^\d{13}(\d{2})?$/.test(normalized)) return answer('registration-number', checkRegistrationNumber(normalized).problem);
  if (/^[0-9A-Z]{8}-?[0-9X]$/.test(normalized)) return answer('organization-code', checkOrganizationCode(normalized).problem);
  return answer('unknown', 'length');
}

/**
 * The same recogniser, for a place that takes only some kinds of code (an enterprise's
 * USCC, a person's ID number): a valid code of another kind is refused as 'kind'.
 */
export function validateCodeOf(input: string, kinds: readonly CodeKind[], options: RecogniseOptions = {}): CodeValidation {
  const v = validateSubjectCode(input, options);
  if (!v.valid || kinds.includes(v.kind)) return v;
  return { ...v, valid: false, reason: `${REASONS.kind}（${v.kind}，应为 ${kinds.join(' / ')}）`, problem: 'kind' };
}

/** Whether a recognised code names a natural person (and so is personal data to mask). */
export function mayBePersonalCode(v: CodeValidation): boolean {
  if (v.kind === 'resident-id') return true;
  if (v.kind === 'uscc' || v.kind === 'organization-code') return false;
  // A 15-digit first-generation ID number (division + YYMMDD + sequence) looks like a
  // registration number; where the digits read as one, mask rather than risk it.
  if (v.kind === 'registration-number') return v.normalized.length === 15 && readsAsFirstGenerationId(v.normalized);
  return /\d{6,}/.test(v.normalized);
}

function readsAsFirstGenerationId(code: string): boolean {
  return isCalendarDate(1900 + Number(code.slice(6, 8)), Number(code.slice(8, 10)), Number(code.slice(10, 12)));
}
