// Every SQLite file the kiosk keeps is its account's alone: created 0600 in a 0700
// folder before SQLite opens it (SQLite gives the -wal and -shm files the same mode).
import fs from 'node:fs';
import path from 'node:path';

/** Owner read/write only: stores hold audit entries, hashes and keyed subject references; the cache sealed personal data. */
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the file 0600 if it is not there; narrows one that an earlier version left readable by others. */
export function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      const stat = fs.statSync(file + suffix);
      if ((stat.mode & 0o077) !== 0) fs.chmodSync(file + suffix, PRIVATE_FILE_MODE);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

