// Keyed hashes for natural persons: the audit log and the statistics must tell one
// person's checks apart without holding an ID number. HMAC-SHA-256 under a key kept
// in the data folder; organisations' codes are public and stay in clear.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SUBJECT_KEY_FILE = 'staff-subject.key';

export interface SubjectKeyer {
  /** 'p:<hmac>' for a resident ID number, 'o:<USCC>' for an organisation, '' for none. */
  subjectKey(subject: { kind: string; code: string } | null): string;
  /** The key a staff member's linked ID card is found by (never the number itself). */
  cardKey(idNumber: string): string;
}

export function loadSubjectKeyer(dataDir: string): SubjectKeyer {
  const file = path.join(dataDir, SUBJECT_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'latin1').trim(), 'hex');
  if (key.length !== 32) throw new Error(`${SUBJECT_KEY_FILE} holds no 32-byte key`);
  return keyerFrom(key);
}

export function keyerFrom(key: Buffer): SubjectKeyer {
  const mac = (domain: string, text: string): string => createHmac('sha256', key).update(`${domain}\u0000${text}`).digest('hex').slice(0, 32);
  return {
    subjectKey: (subject) => (subject === null ? '' : subject.kind === 'natural-person' ? `p:${mac('subject', subject.code.toUpperCase())}` : `o:${subject.code}`),
    cardKey: (idNumber) => mac('staff-card', idNumber.trim().toUpperCase()),
  };
}
