// Every KioskApi answer: a value, or an error with a stable code that screens translate.
import type { ErrorCode } from './errorCodes';

export interface KioskError {
  code: ErrorCode;
  /** Default text, Chinese first; screens show their own translation of `code`. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
