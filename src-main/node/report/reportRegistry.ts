// Every issued report — and every counter check slip (核查单), numbered and sealed the
// same way — registered locally: number, a keyed hash of the subject's code
// (SubjectKeyer.reportSubject — never an ID number, nor a plain hash of one), when,
// pages, content hash. The platform is told through the one outbox (report-issued); the
// old pending_upload column only marks rows registered before that, moved once at start.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer, type SubjectKeyer } from '../keys/subjectKeyer';
import { ddlMigration, type Migration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export interface IssuedReportEntry {
  reportNumber: string;
  subjectKeyHash: string;
  issuedAt: string;
  pages: number;
  edition: string;
  kind: string;
  contentHash: string;
  keyId: string | null;
}

export interface ReportRegistryContext {
  /** Migration 2 re-keys the subject column with it. */
  keyer: Pick<SubjectKeyer, 'reportSubjectOfLegacy'>;
}

export const REPORT_REGISTRY_MIGRATIONS: readonly Migration<ReportRegistryContext>[] = [
  ddlMigration(
    1,
    'issued reports (as shipped before the store opener, which left user_version 0)',
    `CREATE TABLE IF NOT EXISTS issued_report (
        report_number TEXT PRIMARY KEY,
        subject_key_hash TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        pages INTEGER NOT NULL,
        edition TEXT NOT NULL,
        kind TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        key_id TEXT,
        pending_upload INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX IF NOT EXISTS issued_report_pending ON issued_report (pending_upload) WHERE pending_upload = 1;
      CREATE INDEX IF NOT EXISTS issued_report_subject ON issued_report (subject_key_hash, issued_at);`,
  ),
  {
    version: 2,
    description: 'the subject keyed: the unkeyed SHA-256 of the code (reversible for an ID number) replaced by an HMAC of it',
    up(db, { keyer }) {
      const rows = db.prepare('SELECT report_number, subject_key_hash FROM issued_report').all() as Array<{ report_number: string; subject_key_hash: string }>;
      const update = db.prepare('UPDATE issued_report SET subject_key_hash = ? WHERE report_number = ?');
      for (const row of rows) update.run(keyer.reportSubjectOfLegacy(row.subject_key_hash), row.report_number);
    },
  },
];

export const REPORT_REGISTRY_STORE: StoreSpec<ReportRegistryContext> = { label: { zh: '报告登记库', en: 'issued-report registry' }, migrations: REPORT_REGISTRY_MIGRATIONS };

interface Row {
  report_number: string;
  subject_key_hash: string;
  issued_at: string;
  pages: number;
  edition: string;
  kind: string;
  content_hash: string;
  key_id: string | null;
  pending_upload: number;
}

export class ReportRegistry {
  private readonly db: Database.Database;

  constructor(file: string, context: ReportRegistryContext, options: { target?: number } = {}) {
    this.db = openStore(file, REPORT_REGISTRY_STORE, { context, ...options });
  }

  register(entry: IssuedReportEntry): IssuedReportEntry {
    this.db
      .prepare(
        'INSERT INTO issued_report (report_number, subject_key_hash, issued_at, pages, edition, kind, content_hash, key_id, pending_upload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)',
      )
      .run(entry.reportNumber, entry.subjectKeyHash, entry.issuedAt, entry.pages, entry.edition, entry.kind, entry.contentHash, entry.keyId);
    return entry;
  }

  /** The reports issued for one subject (by SubjectKeyer.reportSubject of its code), oldest first. */
  forSubject(subjectKeyHash: string): IssuedReportEntry[] {
    return (this.db.prepare('SELECT * FROM issued_report WHERE subject_key_hash = ? ORDER BY issued_at').all(subjectKeyHash) as Row[]).map(fromRow);
  }

  find(reportNumber: string): IssuedReportEntry | null {
    const row = this.db.prepare('SELECT * FROM issued_report WHERE report_number = ?').get(reportNumber) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Reports registered before the outbox carried them (pending_upload = 1), oldest first: moved once into the outbox. */
  registeredBeforeOutbox(): IssuedReportEntry[] {
    return (this.db.prepare('SELECT * FROM issued_report WHERE pending_upload = 1 ORDER BY issued_at').all() as Row[]).map(fromRow);
  }

  markMovedToOutbox(reportNumber: string): void {
    this.db.prepare('UPDATE issued_report SET pending_upload = 0 WHERE report_number = ?').run(reportNumber);
  }

  close(): void {
    this.db.close();
  }
}

/** Registers one issued document (a report or a check slip) in the registry file. */
export function recordIssued(registryFile: string, keys: KeyStore, entry: Omit<IssuedReportEntry, 'pendingUpload'>): IssuedReportEntry {
  const registry = new ReportRegistry(registryFile, { keyer: loadSubjectKeyer(keys) });
  try {
    return registry.register(entry);
  } finally {
    registry.close();
  }
}

/** The registry's entry for a number, or null; null too where this folder has no registry (it is not created by asking). */
export function findIssued(registryFile: string, keys: KeyStore, reportNumber: string): IssuedReportEntry | null {
  if (!fs.existsSync(registryFile)) return null;
  const registry = new ReportRegistry(registryFile, { keyer: loadSubjectKeyer(keys) });
  try {
    return registry.find(reportNumber);
  } finally {
    registry.close();
  }
}

function fromRow(r: Row): IssuedReportEntry {
  return {
    reportNumber: r.report_number,
    subjectKeyHash: r.subject_key_hash,
    issuedAt: r.issued_at,
    pages: r.pages,
    edition: r.edition,
    kind: r.kind,
    contentHash: r.content_hash,
    keyId: r.key_id,
  };
}
