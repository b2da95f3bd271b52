// The repair applications filed at this kiosk (<dataDir>/repair.sqlite): enough to refuse
// a second one for the same record while the first waits, and to show where each stands
// — by the subject's keyed hash, never a code, name or phone in clear. The photographed
// pages wait here sealed (the field cipher, under a key derived from the KeyStore's cache
// key) until the platform has each one; then the row is deleted (secure_delete is on).
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { createFieldCipher, type FieldCipher } from '../cache/fieldCipher';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export const REPAIR_STORE: StoreSpec = {
  label: { zh: '信用修复申请登记库', en: 'credit repair applications' },
  migrations: [
    ddlMigration(
      1,
      'repair applications by keyed subject, and their pages sealed until delivered',
      `CREATE TABLE application (
          application_number TEXT PRIMARY KEY,
          subject_key TEXT NOT NULL,
          record_id TEXT NOT NULL,
          commitment_number TEXT NOT NULL,
          event_id TEXT NOT NULL,
          submitted_at TEXT NOT NULL,
          closed_at TEXT
        );
        CREATE INDEX application_subject ON application (subject_key, record_id);
        CREATE TABLE page (
          application_number TEXT NOT NULL REFERENCES application (application_number),
          sha256 TEXT NOT NULL,
          material TEXT NOT NULL,
          sealed BLOB NOT NULL,
          PRIMARY KEY (application_number, sha256)
        );`,
    ),
  ],
};

export interface RepairApplicationRow {
  applicationNumber: string;
  recordId: string;
  commitmentNumber: string;
  eventId: string;
  submittedAt: string;
  closedAt: string | null;
  pagesWaiting: number;
}

export interface RepairPage {
  material: string;
  jpeg: Buffer;
  sha256: string;
}

/** The pages' cipher: its own key, derived from the KeyStore's cache master key (as the outbox's is). */
export function repairPageCipher(masterKey: Buffer): FieldCipher {
  return createFieldCipher('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.from('credit-kiosk/repair-pages/v1'), 'page-cipher', 32)));
}

const SELECT_APPLICATION = `SELECT a.application_number AS applicationNumber, a.record_id AS recordId, a.commitment_number AS commitmentNumber, a.event_id AS eventId,
  a.submitted_at AS submittedAt, a.closed_at AS closedAt, (SELECT count(*) FROM page p WHERE p.application_number = a.application_number) AS pagesWaiting FROM application a`;

export class RepairStore {
  private readonly db: Database.Database;

  constructor(
    file: string,
    private readonly cipher: FieldCipher,
  ) {
    this.db = openStore(file, REPAIR_STORE, { context: undefined });
  }

  /**
   * Records an application, seals its pages and queues its event together: `queue` (the
   * outbox's durable enqueue) runs inside the transaction, so a queue that throws leaves nothing.
   */
  record(entry: { applicationNumber: string; subjectKey: string; recordId: string; commitmentNumber: string; submittedAt: string }, pages: readonly RepairPage[], queue: () => string): string {
    return this.db.transaction(() => {
      const eventId = queue();
      this.db
        .prepare('INSERT INTO application (application_number, subject_key, record_id, commitment_number, event_id, submitted_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(entry.applicationNumber, entry.subjectKey, entry.recordId, entry.commitmentNumber, eventId, entry.submittedAt);
      const insert = this.db.prepare('INSERT OR IGNORE INTO page (application_number, sha256, material, sealed) VALUES (?, ?, ?, ?)');
      for (const p of pages) insert.run(entry.applicationNumber, p.sha256, p.material, this.cipher.seal(p.jpeg.toString('base64'), `${entry.applicationNumber}/${p.sha256}`));
      return eventId;
    })();
  }

  forSubject(subjectKey: string): RepairApplicationRow[] {
    return this.db.prepare(`${SELECT_APPLICATION} WHERE a.subject_key = ? ORDER BY a.submitted_at DESC`).all(subjectKey) as RepairApplicationRow[];
  }

  byNumber(applicationNumber: string): RepairApplicationRow | null {
    return (this.db.prepare(`${SELECT_APPLICATION} WHERE a.application_number = ?`).get(applicationNumber) as RepairApplicationRow | undefined) ?? null;
  }

  /** The application still open for this record (waiting for the platform's answer), if any. */
  openFor(subjectKey: string, recordId: string): RepairApplicationRow | null {
    return (this.db.prepare(`${SELECT_APPLICATION} WHERE a.subject_key = ? AND a.record_id = ? AND a.closed_at IS NULL`).get(subjectKey, recordId) as RepairApplicationRow | undefined) ?? null;
  }

  close(applicationNumber: string, at: string): void {
    this.db.prepare('UPDATE application SET closed_at = ? WHERE application_number = ? AND closed_at IS NULL').run(at, applicationNumber);
  }

  /** Pages waiting for the platform, oldest application first, opened for sending. */
  waitingPages(limit: number): Array<RepairPage & { applicationNumber: string; eventId: string }> {
    const rows = this.db
      .prepare('SELECT p.sha256, p.application_number AS applicationNumber, p.material, p.sealed, a.event_id AS eventId FROM page p JOIN application a USING (application_number) ORDER BY a.submitted_at LIMIT ?')
      .all(limit) as Array<{ sha256: string; applicationNumber: string; material: string; sealed: Buffer; eventId: string }>;
    return rows.map((r) => ({ sha256: r.sha256, applicationNumber: r.applicationNumber, material: r.material, eventId: r.eventId, jpeg: Buffer.from(this.cipher.open(r.sealed, `${r.applicationNumber}/${r.sha256}`), 'base64') }));
  }

  /** The platform has the page: it leaves this kiosk. */
  deletePage(applicationNumber: string, sha256: string): void {
    this.db.prepare('DELETE FROM page WHERE application_number = ? AND sha256 = ?').run(applicationNumber, sha256);
  }

  shutdown(): void {
    this.db.close();
  }
}
