// Every KioskApi answer: a value, or an error with a stable code that screens translate.
import type { CodeProblem } from '../codes/subjectCode';
import type { ErrorCode } from './errorCodes';

export interface KioskError {
  code: ErrorCode;
  /** Default text, Chinese first; screens show their own translation of `code`. */
  message: string;
  /** With INVALID_CODE: what is wrong with the code (e.g. a mistyped check character), for the screen to say. */
  problem?: CodeProblem;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, problem?: CodeProblem): Result<T> {
  return { ok: false, error: { code, message, ...(problem !== undefined && { problem }) } };
}
