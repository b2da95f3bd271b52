// Errors the cache raises, carrying a stable code from the contract so the kiosk
// service can tell "damaged, re-sync" from "unavailable" without parsing text.
import type { ErrorCode } from '../../common/contract/errorCodes';

export type CacheErrorCode = Extract<ErrorCode, 'CACHE_CORRUPT' | 'CACHE_UNAVAILABLE' | 'DISK_FULL' | 'INVALID_INPUT'>;

export class CacheError extends Error {
  readonly code: CacheErrorCode;
  constructor(code: CacheErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CacheError';
    this.code = code;
  }
}

/** SQLite result codes that mean the file itself is damaged or is not a database. */
const CORRUPT_SQLITE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE']);
const FULL_SQLITE_CODES = new Set(['SQLITE_FULL', 'ENOSPC']);

/** Maps a driver or file-system error to a CacheError; other errors pass through unchanged. */
export function toCacheError(err: unknown, file: string): unknown {
  if (err instanceof CacheError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && CORRUPT_SQLITE_CODES.has(code)) {
    return new CacheError('CACHE_CORRUPT', `信用数据缓存已损坏 / the credit cache is corrupt: ${baseName(file)} (${code})`, { cause: err });
  }
  if (typeof code === 'string' && FULL_SQLITE_CODES.has(code)) {
    return new CacheError('DISK_FULL', `存储空间已满 / the disk is full while writing ${baseName(file)}`, { cause: err });
  }
  return err;
}

/** Only the file's name goes into messages: a path may name a user or a machine. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
