// Codes in KioskApi inputs: every schema that takes a code checks it with the one
// recogniser (common/codes), and a refusal keeps its reason — a mistyped check character
// is "you mistyped", not a generic invalid request (dispatch answers INVALID_CODE with
// the problem). The services check again with the day's date (a birth date not yet come).
import { z } from 'zod';
import { validateCodeOf, validateSubjectCode, type CodeKind, type CodeProblem, type CodeValidation } from '../codes/subjectCode';
import { DEFAULT_ERROR_MESSAGES } from './errorCodes';
import { fail, type Result } from './result';

/** Marks a schema issue as a refused code (see dispatch). */
export const CODE_ISSUE = 'INVALID_CODE';

/** A code as typed, scanned or picked: of any kind, or only of the kinds given. */
export function codeInput(kinds?: readonly CodeKind[]) {
  return z
    .string()
    .max(40)
    .superRefine((code, ctx) => {
      const v = kinds ? validateCodeOf(code, kinds) : validateSubjectCode(code);
      if (!v.valid) ctx.addIssue({ code: 'custom', message: v.reason, params: { errorCode: CODE_ISSUE, problem: v.problem } });
    });
}

/** An enterprise's (or other organisation's) unified social credit code. */
export const UsccInput = codeInput(['uscc']);
/** Any subject's code: a person's ID number, a USCC, a former registration number or organisation code. */
export const SubjectCodeInput = codeInput();

/** The answer for a refused code: INVALID_CODE, its reason and its problem. */
export function codeRefused(v: Pick<CodeValidation, 'reason' | 'problem'>): Result<never> {
  return fail('INVALID_CODE', `${DEFAULT_ERROR_MESSAGES.INVALID_CODE}: ${v.reason}`, v.problem);
}

/** The refused code among a schema's issues, if one is. */
export function refusedCode(issues: ReadonlyArray<{ message: string; params?: Record<string, unknown> }>): { reason: string; problem?: CodeProblem } | null {
  const issue = issues.find((i) => i.params?.errorCode === CODE_ISSUE);
  return issue ? { reason: issue.message, ...(issue.params?.problem !== undefined && { problem: issue.params.problem as CodeProblem }) } : null;
}
