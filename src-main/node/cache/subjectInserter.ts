// Writes one subject with its records, code hashes and name grams: the one insert
// path shared by the bulk builder and the sync applier. Records go in display order
// at the row ids recordLayout.ts gives them.
//
// Two things make it fast at twenty million rows. It binds positionally (naming every
// parameter is measurable). And it checks kinds, categories, statuses and severities
// itself, with Set lookups, and turns SQLite's CHECK constraints off on its connection:
// SQLite evaluates `x IN ('a', 'b', …)` by building a small ephemeral table on every
// insert, which took more time than the insert itself (bench/cache.bench.ts). The
// constraints stay in the schema for any other writer.
import type Database from 'better-sqlite3';
import { RECORD_CATEGORIES, RECORD_STATUSES, SEVERITIES, type CreditRecord } from '../../common/domain/creditRecord';
import { SUBJECT_KINDS } from '../../common/domain/subject';
import { shortGrams } from '../../common/search/nameSearchText';
import { CacheError } from './cacheError';
import { bundleToRows, type Codec, type SubjectInput } from './cacheRows';
import { MAX_RECORDS_PER_SUBJECT, recordRowRange, sortForDisplay } from './recordLayout';

export interface SubjectInserter {
  /** `sid` given: the row keeps that id (a delta's replacement); otherwise SQLite picks the next. */
  insert(subject: SubjectInput, records: readonly CreditRecord[], dataVersion: number, sid?: number): { sid: number; name: string | null };
}

const KINDS = new Set<string>(SUBJECT_KINDS);
const CATEGORIES = new Set<string>(RECORD_CATEGORIES);
const STATUSES = new Set<string>(RECORD_STATUSES);
const SEVERITY_SET = new Set<string>(SEVERITIES);

/** The schema's CHECK constraints, as the inserter enforces them. */
function checkValues(subject: SubjectInput, records: readonly CreditRecord[]): void {
  if (!KINDS.has(subject.kind)) throw invalid(`subject ${subject.id}: unknown kind ${String(subject.kind)}`);
  if (records.length > MAX_RECORDS_PER_SUBJECT) throw invalid(`subject ${subject.id}: more than ${MAX_RECORDS_PER_SUBJECT} records`);
  for (const r of records) {
    if (!CATEGORIES.has(r.category)) throw invalid(`record ${r.id}: unknown category ${String(r.category)}`);
    if (!STATUSES.has(r.status)) throw invalid(`record ${r.id}: unknown status ${String(r.status)}`);
    if (r.severity !== undefined && !SEVERITY_SET.has(r.severity)) throw invalid(`record ${r.id}: unknown severity ${String(r.severity)}`);
  }
}

function invalid(detail: string): CacheError {
  return new CacheError('INVALID_INPUT', `数据不符合信用目录 / the data does not fit the credit catalogue: ${detail}`);
}

export function createSubjectInserter(db: Database.Database, codec: Codec): SubjectInserter {
  db.pragma('ignore_check_constraints = ON');
  const insertSubject = db.prepare(`INSERT INTO subjects (sid, id, kind, code, name, former_codes, entity_type, registered_capital, established_on, address,
      registration_authority, registration_status, rep_id_hash, rep_name_hash, sealed, data_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCode = db.prepare('INSERT OR IGNORE INTO subject_codes (code_hash, sid) VALUES (?, ?)');
  const insertGram = db.prepare('INSERT INTO name_grams (gram, sid) VALUES (?, ?)');
  const insertRecord = db.prepare(`INSERT INTO records (rid, id, sid, category, title, document_number, authority, decision_date, valid_from, valid_to,
      content, severity, status, disclosure_deadline, source_department, data_version, fields, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return {
    insert(subject, records, dataVersion, sid) {
      checkValues(subject, records);
      const rows = bundleToRows(codec, subject, sortForDisplay(records), dataVersion);
      const s = rows.subject;
      const id = Number(
        insertSubject.run(
          sid ?? null, s.id, s.kind, s.code, s.name, s.former_codes, s.entity_type, s.registered_capital, s.established_on, s.address,
          s.registration_authority, s.registration_status, s.rep_id_hash, s.rep_name_hash, s.sealed, s.data_version,
        ).lastInsertRowid,
      );
      for (const h of rows.codeHashes) insertCode.run(h, id);
      if (s.name !== null) for (const gram of shortGrams(s.name)) insertGram.run(gram, id);
      let rid = recordRowRange(id).first;
      for (const r of rows.records) {
        insertRecord.run(
          rid++, r.id, id, r.category, r.title, r.document_number, r.authority, r.decision_date, r.valid_from, r.valid_to,
          r.content, r.severity, r.status, r.disclosure_deadline, r.source_department, r.data_version, r.fields, r.sealed,
        );
      }
      return { sid: id, name: s.name };
    },
  };
}
