// Every issued report, registered locally: number, a hash of the subject's key (never
// an ID number in clear), when, pages, content hash, and whether the platform has been
// told (pending_upload; the outbox that sends them is separate work).
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface IssuedReportEntry {
  reportNumber: string;
  subjectKeyHash: string;
  issuedAt: string;
  pages: number;
  edition: string;
  kind: string;
  contentHash: string;
  keyId: string | null;
  pendingUpload: boolean;
}

/** SHA-256 of the subject's code (USCC or ID number), so reports of one subject can be found without holding the code. */
export function subjectKeyHash(code: string): string {
  return createHash('sha256').update(`credit-kiosk-subject:${code.trim().toUpperCase()}`, 'utf8').digest('hex');
}

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

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS issued_report (
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
    CREATE INDEX IF NOT EXISTS issued_report_subject ON issued_report (subject_key_hash, issued_at);`);
  }

  register(entry: Omit<IssuedReportEntry, 'pendingUpload'>): IssuedReportEntry {
    this.db
      .prepare(
        'INSERT INTO issued_report (report_number, subject_key_hash, issued_at, pages, edition, kind, content_hash, key_id, pending_upload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)',
      )
      .run(entry.reportNumber, entry.subjectKeyHash, entry.issuedAt, entry.pages, entry.edition, entry.kind, entry.contentHash, entry.keyId);
    return { ...entry, pendingUpload: true };
  }

  find(reportNumber: string): IssuedReportEntry | null {
    const row = this.db.prepare('SELECT * FROM issued_report WHERE report_number = ?').get(reportNumber) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Reports not yet sent upstream, oldest first. */
  pendingUploads(limit = 100): IssuedReportEntry[] {
    return (this.db.prepare('SELECT * FROM issued_report WHERE pending_upload = 1 ORDER BY issued_at LIMIT ?').all(limit) as Row[]).map(fromRow);
  }

  markUploaded(reportNumbers: readonly string[]): void {
    const stmt = this.db.prepare('UPDATE issued_report SET pending_upload = 0 WHERE report_number = ?');
    this.db.transaction(() => reportNumbers.forEach((n) => stmt.run(n)))();
  }

  close(): void {
    this.db.close();
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
    pendingUpload: r.pending_upload === 1,
  };
}
