// The objections filed at this kiosk, so a person placing their card again sees them
// and where they stand. Pseudonymous: the subject by its keyed hash (SubjectKeyer), the
// record by the platform's id; no name, number, phone or record text is kept here.
import type Database from 'better-sqlite3';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

const V1 = `CREATE TABLE IF NOT EXISTS objection (
        application_number TEXT PRIMARY KEY, event_id TEXT NOT NULL, subject_key TEXT NOT NULL, record_id TEXT NOT NULL,
        reason_code TEXT NOT NULL, submitted_at TEXT NOT NULL, seen_processing INTEGER NOT NULL DEFAULT 0, answered_at TEXT
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS objection_subject ON objection (subject_key, submitted_at)`;

export const OBJECTION_STORE: StoreSpec = { label: { zh: '异议申请登记', en: 'objection register' }, migrations: [ddlMigration(1, 'objections filed at this kiosk', V1)] };

export interface FiledObjection {
  applicationNumber: string;
  eventId: string;
  subjectKey: string;
  recordId: string;
  reasonCode: string;
  submittedAt: string;
  /** The platform's mark (异议处理中) has been seen on the record since. */
  seenProcessing: boolean;
  answeredAt: string | null;
}

interface Row {
  application_number: string;
  event_id: string;
  subject_key: string;
  record_id: string;
  reason_code: string;
  submitted_at: string;
  seen_processing: number;
  answered_at: string | null;
}

export class ObjectionStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openStore(file, OBJECTION_STORE, { context: undefined });
  }

  add(o: Omit<FiledObjection, 'seenProcessing' | 'answeredAt'>): void {
    this.db
      .prepare('INSERT INTO objection (application_number, event_id, subject_key, record_id, reason_code, submitted_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(o.applicationNumber, o.eventId, o.subjectKey, o.recordId, o.reasonCode, o.submittedAt);
  }

  forSubject(subjectKey: string): FiledObjection[] {
    return (this.db.prepare('SELECT * FROM objection WHERE subject_key = ? ORDER BY submitted_at DESC').all(subjectKey) as Row[]).map(fromRow);
  }

  markProcessing(applicationNumber: string): void {
    this.db.prepare('UPDATE objection SET seen_processing = 1 WHERE application_number = ?').run(applicationNumber);
  }

  markAnswered(applicationNumber: string, at: string): void {
    this.db.prepare('UPDATE objection SET answered_at = ? WHERE application_number = ? AND answered_at IS NULL').run(at, applicationNumber);
  }

  close(): void {
    this.db.close();
  }
}

function fromRow(r: Row): FiledObjection {
  return {
    applicationNumber: r.application_number,
    eventId: r.event_id,
    subjectKey: r.subject_key,
    recordId: r.record_id,
    reasonCode: r.reason_code,
    submittedAt: r.submitted_at,
    seenProcessing: r.seen_processing === 1,
    answeredAt: r.answered_at,
  };
}
