// Recognising the code a person types, scans or a card yields, before any lookup.
import { checkResidentId, type ResidentIdProblem } from './residentId';
import { checkUscc, type UsccProblem } from './uscc';

export type CodeKind = 'resident-id' | 'uscc' | 'unknown';

export interface CodeValidation {
  input: string;
  /** Trimmed, upper-cased form used for lookups. */
  normalized: string;
  kind: CodeKind;
  valid: boolean;
  reason: string;
  problem?: ResidentIdProblem | UsccProblem | 'length';
}

// Shown to staff as they are (counter checks, batch rows): Chinese first, then English.
const REASONS: Record<string, string> = {
  ok: '校验位正确 / check character matches',
  length: '不是 18 位：既不是身份证号码也不是统一社会信用代码 / not 18 characters: neither a resident ID number nor a unified social credit code',
  format: '含有此类代码不允许的字符 / characters not allowed in this kind of code',
  charset: '含有统一社会信用代码不使用的字母（I、O、Z、S、V） / contains a letter a unified social credit code never uses (I, O, Z, S, V)',
  'birth-date': '身份证号码中的出生日期不存在 / the birth date in the ID number does not exist',
  'check-character': '校验位不符 / check character does not match',
};

export function normalizeCode(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Tells an 18-character resident ID number from a unified social credit code and
 * checks it. Digits-only (or digits + X) input is taken as an ID number; anything
 * else of 18 characters as a USCC.
 */
export function validateSubjectCode(input: string): CodeValidation {
  const normalized = normalizeCode(input);
  if (normalized.length !== 18) {
    return { input, normalized, kind: 'unknown', valid: false, reason: REASONS.length!, problem: 'length' };
  }
  if (/^\d{17}[\dX]$/.test(normalized)) {
    const id = checkResidentId(normalized);
    // A USCC can also be all digits; if the ID check fails, give the USCC a chance.
    if (!id.valid && checkUscc(normalized).valid) return ok(input, normalized, 'uscc');
    return id.valid ? ok(input, normalized, 'resident-id') : bad(input, normalized, 'resident-id', id.problem!);
  }
  const uscc = checkUscc(normalized);
  return uscc.valid ? ok(input, normalized, 'uscc') : bad(input, normalized, 'uscc', uscc.problem!);
}

function ok(input: string, normalized: string, kind: CodeKind): CodeValidation {
  return { input, normalized, kind, valid: true, reason: REASONS.ok! };
}

function bad(input: string, normalized: string, kind: CodeKind, problem: ResidentIdProblem | UsccProblem): CodeValidation {
  return { input, normalized, kind, valid: false, reason: REASONS[problem]!, problem };
}
