// What the store tests share: the demo people's personal data as it must never be found
// in a file (ID numbers, their unkeyed hashes, names), and a search of a whole folder.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { LIN_ID, LIN_NAME, ZHOU_ID, ZHOU_NAME } from '../cache/cacheTestFiles';

const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/** Each demo person's ID number, its plain hashes (hex and raw, as the registry once stored them) and name. */
export const PERSONAL_NEEDLES: ReadonlyArray<{ what: string; bytes: Buffer }> = [
  [LIN_ID, LIN_NAME],
  [ZHOU_ID, ZHOU_NAME],
].flatMap(([id, name]) => [
  { what: `${name}'s ID number`, bytes: Buffer.from(id!, 'utf8') },
  { what: `${name}'s name`, bytes: Buffer.from(name!, 'utf8') },
  ...[id!, `credit-kiosk-subject:${id!}`].flatMap((text) => [
    { what: `sha256(${text.slice(0, 24)}…) hex`, bytes: Buffer.from(sha256(text).toString('hex'), 'utf8') },
    { what: `sha256(${text.slice(0, 24)}…) raw`, bytes: sha256(text) },
  ]),
]);

/** Every file below dir (databases with their -wal and -shm files, keys, sealed keys). */
export function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function expectNoPersonalData(dir: string): void {
  const files = filesBelow(dir).filter((f) => /\.sqlite(-wal|-shm)?$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    for (const needle of PERSONAL_NEEDLES) expect(bytes.includes(needle.bytes), `${needle.what} in ${path.basename(file)}`).toBe(false);
  }
}
