// A natural person's data read on the command line is an access like a counter check:
// it needs a stated purpose (--purpose) and leaves an entry in the audit chain with the
// operating-system account that ran it. Organisations' public data needs neither.
import os from 'node:os';
import { isPerson, type Subject } from '../common/domain/subject';
import type { KioskConfig } from '../node/config/kioskConfig';
import { modeDataDir } from '../node/config/dataFolders';
import { openKeyStore } from '../node/keys/openKeyStore';
import { loadSubjectKeyer } from '../node/keys/subjectKeyer';
import { AuditLog } from '../node/staff/auditLog';
import { openStaffDb, staffDbFile } from '../node/staff/staffDb';
import { loadPinPepper } from '../node/staff/pinHash';

/** What the audit entry names as the one who acted: the CLI, with the OS account in the detail. */
export const CLI_ACTOR = 'cli';

export const PURPOSE_REQUIRED = '查询自然人信息须说明用途 / a natural person’s data needs a stated purpose: add --purpose "…" (it is written to the audit log)';

/** A purpose as given, trimmed; null when missing or blank. Bounded so the audit entry stays small. */
export function statedPurpose(purpose: string | undefined): string | null {
  const text = (purpose ?? '').trim();
  return text === '' ? null : text.slice(0, 200);
}

export function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}

export interface PersonAccess {
  config: Pick<KioskConfig, 'dataDir' | 'mode' | 'kioskId' | 'keys'>;
  /** The subcommand, e.g. 'query', 'report'. */
  command: string;
  /** The person's code as asked (it is keyed, never stored). */
  code: string;
  purpose: string;
  /** What came of it: 'shown', 'not-found', 'report-issued' … */
  result: string;
}

/** Appends the access to the data folder's audit chain. */
export function auditPersonAccess(access: PersonAccess): void {
  const dir = modeDataDir(access.config);
  const keys = openKeyStore({ dataDir: dir, keys: access.config.keys });
  const db = openStaffDb(staffDbFile(dir), { pepper: loadPinPepper(keys) });
  try {
    new AuditLog(db).append({
      at: new Date().toISOString(),
      kioskId: access.config.kioskId,
      staffNo: CLI_ACTOR,
      action: `cli-${access.command}`,
      subjectKey: loadSubjectKeyer(keys).subjectKey({ kind: 'natural-person', code: access.code }),
      result: access.result,
      detail: { osUser: osUser(), purpose: access.purpose },
    });
  } finally {
    db.close();
  }
}

/** Whether a lookup concerns a natural person (and so needs the purpose and the audit): a person found, or a valid resident ID number asked. */
export const concernsPerson = (subject: Subject | null, code: { valid: boolean; kind: string }): boolean => (code.valid && code.kind === 'resident-id') || (subject !== null && isPerson(subject));
