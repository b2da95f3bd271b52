// Telling a damaged cache file at open, before a lookup trips over it: the file
// header first (cheap, catches truncation and overwritten starts), then SQLite's
// own PRAGMA quick_check (every page and index structure, without the slower
// cross-checks of integrity_check).
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { quickCheckProblems } from '../store/openStore';
import { CacheError } from './cacheError';

const MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');

export function checkHeader(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new CacheError('CACHE_UNAVAILABLE', `找不到信用数据缓存 / no credit cache file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    const size = fs.fstatSync(fd).size;
    if (read < 100 || !header.subarray(0, 16).equals(MAGIC)) throw corrupt('the file does not start with an SQLite header');
    const raw = header.readUInt16BE(16);
    const pageSize = raw === 1 ? 65536 : raw;
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw corrupt('the page size in the header is invalid');
    if (size % pageSize !== 0) throw corrupt('the file is not a whole number of pages (truncated?)');
    const pages = header.readUInt32BE(28);
    // The in-header page count is valid only when the version-valid-for field matches the change counter.
    if (header.readUInt32BE(92) === header.readUInt32BE(24) && pages * pageSize > size) throw corrupt('the file is shorter than its header says');
  } finally {
    fs.closeSync(fd);
  }
}

/** PRAGMA quick_check; throws CACHE_CORRUPT with SQLite's first complaint. */
export function quickCheck(db: Database.Database): void {
  const problems = quickCheckProblems(db);
  if (problems.length > 0) throw corrupt(`quick_check: ${problems[0]}`);
}

function corrupt(why: string): CacheError {
  return new CacheError('CACHE_CORRUPT', `信用数据缓存已损坏，需要重新同步 / the credit cache is corrupt and must be re-synced: ${why}`);
}
