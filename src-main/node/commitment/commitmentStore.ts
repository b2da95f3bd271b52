// The commitments this kiosk has had signed: enough to refuse a second identical one
// while the first stands (same subject, kind and chosen fields), by a keyed identity —
// never a code or a name in clear.
import type Database from 'better-sqlite3';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export const COMMITMENT_STORE: StoreSpec = {
  label: { zh: '信用承诺登记库', en: 'signed commitments' },
  migrations: [
    ddlMigration(
      1,
      'signed commitments by keyed identity',
      `CREATE TABLE commitment (
          commitment_number TEXT PRIMARY KEY,
          identity TEXT NOT NULL,
          signed_at TEXT NOT NULL,
          valid_until TEXT NOT NULL,
          event_id TEXT NOT NULL
        );
        CREATE INDEX commitment_identity ON commitment (identity, valid_until);`,
    ),
  ],
};

export interface StandingCommitment {
  commitmentNumber: string;
  signedAt: string;
  validUntil: string;
}

export class CommitmentStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openStore(file, COMMITMENT_STORE, { context: undefined });
  }

  /** The commitment of this identity still standing on `today` (ISO date), if any. */
  standing(identity: string, today: string): StandingCommitment | null {
    const row = this.db
      .prepare('SELECT commitment_number AS commitmentNumber, signed_at AS signedAt, valid_until AS validUntil FROM commitment WHERE identity = ? AND valid_until >= ? ORDER BY signed_at DESC LIMIT 1')
      .get(identity, today) as StandingCommitment | undefined;
    return row ?? null;
  }

  /**
   * Records a commitment and queues its event together: `queue` (the outbox's durable
   * enqueue) runs inside the transaction, so a queue that throws leaves no record.
   */
  record(entry: { commitmentNumber: string; identity: string; signedAt: string; validUntil: string }, queue: () => string): string {
    return this.db.transaction(() => {
      const eventId = queue();
      this.db.prepare('INSERT INTO commitment (commitment_number, identity, signed_at, valid_until, event_id) VALUES (?, ?, ?, ?, ?)').run(entry.commitmentNumber, entry.identity, entry.signedAt, entry.validUntil, eventId);
      return eventId;
    })();
  }

  close(): void {
    this.db.close();
  }
}
