// Keyed hashes of personal codes: the audit log, the statistics, a linked staff card
// and the issued-report registry must tell one person apart without holding an ID
// number — or a plain hash of one, which the small space of ID numbers reverses in
// seconds. HMAC-SHA-256 under the subject key from the KeyStore, one domain per use;
// organisations' codes are public and stay in clear in the audit log.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyStore } from './keyStore';
import { NEW_KEY } from './newKeys';

export interface SubjectKeyer {
  /** 'p:<hmac>' for a resident ID number, 'o:<USCC>' for an organisation, '' for none. */
  subjectKey(subject: { kind: string; code: string } | null): string;
  /** The key a staff member's linked ID card is found by (never the number itself). */
  cardKey(idNumber: string): string;
  /** The issued-report registry's subject column, for any code (see reportSubjectOfLegacy). */
  reportSubject(code: string): string;
  /** The same, from the unkeyed hash older registries stored: how those rows are re-keyed. */
  reportSubjectOfLegacy(unkeyedHash: string): string;
}

/** A fleet subject key file (`subject-key new`, `platform export --subject-key`): its 64 hex characters, lower case. */
export function readSubjectKeyFile(file: string): string {
  const hex = fs.readFileSync(file, 'latin1').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw Object.assign(new Error(`主体密钥文件须为 64 位十六进制 / the subject key file must hold 64 hex characters: ${path.resolve(file)}`), { code: 'INVALID_INPUT' });
  return hex.toLowerCase();
}

/** The subject key (64 hex characters in the store), created on first use. */
export function loadSubjectKeyer(keys: KeyStore): SubjectKeyer {
  const text = keys.ensure('subject', NEW_KEY.subject).toString('latin1').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text)) throw new Error('the subject key holds no 32-byte key');
  return keyerFrom(Buffer.from(text, 'hex'));
}

/**
 * The unkeyed hash the registry stored before it was keyed. Kept only as the input of
 * the keyed one, so the rows of an upgraded registry, re-keyed from it, still match.
 */
export function unkeyedReportSubjectHash(code: string): string {
  return createHash('sha256').update(`credit-kiosk-subject:${code.trim().toUpperCase()}`, 'utf8').digest('hex');
}

export function keyerFrom(key: Buffer): SubjectKeyer {
  const mac = (domain: string, text: string): string => createHmac('sha256', key).update(`${domain}\u0000${text}`).digest('hex');
  const short = (domain: string, text: string): string => mac(domain, text).slice(0, 32);
  const reportSubjectOfLegacy = (unkeyedHash: string): string => mac('report-subject', unkeyedHash);
  return {
    subjectKey: (subject) => (subject === null ? '' : subject.kind === 'natural-person' ? `p:${short('subject', subject.code.toUpperCase())}` : `o:${subject.code}`),
    cardKey: (idNumber) => short('staff-card', idNumber.trim().toUpperCase()),
    reportSubject: (code) => reportSubjectOfLegacy(unkeyedReportSubjectHash(code)),
    reportSubjectOfLegacy,
  };
}
