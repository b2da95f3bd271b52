// The counter's own database (staff.sqlite in the data folder): staff accounts, the
// append-only audit chain and the 联合奖惩反馈 outbox. One file so a decision's audit
// entry and its feedback event commit in one transaction. Opened by the stores' one
// opener (store/openStore.ts) with the migrations below.
import type Database from 'better-sqlite3';
import path from 'node:path';
import type { Migration } from '../store/migrationRunner';
import { openStore, openStoreReadonly, type StoreSpec } from '../store/openStore';
import { pepperLegacyHash } from './pinHash';

export const STAFF_DB_FILE = 'staff.sqlite';

export interface StaffDbContext {
  /** The PIN pepper (loadPinPepper): migration 2 wraps the hashes of earlier versions under it. */
  pepper: Buffer;
}

export const STAFF_MIGRATIONS: readonly Migration<StaffDbContext>[] = [
  {
    version: 1,
    description: 'accounts, the audit chain and its head, the feedback outbox (as shipped before the store opener)',
    up(db) {
      db.exec(`
CREATE TABLE IF NOT EXISTS staff_accounts (
  staff_no TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('staff','supervisor','admin')),
  pin_hash TEXT NOT NULL,
  card_key TEXT UNIQUE,
  active INTEGER NOT NULL DEFAULT 1,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kiosk_id TEXT NOT NULL,
  staff_no TEXT NOT NULL,
  action TEXT NOT NULL,
  item_id TEXT NOT NULL,
  subject_key TEXT NOT NULL,
  result TEXT NOT NULL,
  detail TEXT NOT NULL,
  alg TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
-- The newest entry, written in the same transaction as it: a truncated or extended chain disagrees with it.
CREATE TABLE IF NOT EXISTS audit_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL, hash TEXT NOT NULL);
-- Append-only at the SQL level too; verifyAuditChain catches whoever drops these.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TABLE IF NOT EXISTS staff_outbox (
  event_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  payload TEXT NOT NULL,
  pending INTEGER NOT NULL DEFAULT 1,
  delivered_at TEXT
);
CREATE INDEX IF NOT EXISTS staff_outbox_pending ON staff_outbox (pending, created_at);
`);
    },
  },
  {
    version: 2,
    description: 'PIN hashes wrapped under the pepper the KeyStore holds',
    up(db, { pepper }) {
      const rows = db.prepare('SELECT staff_no, pin_hash FROM staff_accounts').all() as Array<{ staff_no: string; pin_hash: string }>;
      const update = db.prepare('UPDATE staff_accounts SET pin_hash = ? WHERE staff_no = ?');
      for (const row of rows) update.run(pepperLegacyHash(row.pin_hash, pepper), row.staff_no);
    },
  },
];

export const STAFF_STORE: StoreSpec<StaffDbContext> = { label: { zh: '员工数据库', en: 'staff database' }, migrations: STAFF_MIGRATIONS };

export function staffDbFile(dataDir: string): string {
  return path.join(dataDir, STAFF_DB_FILE);
}

export function openStaffDb(file: string, context: StaffDbContext, options: { target?: number } = {}): Database.Database {
  return openStore(file, STAFF_STORE, { context, ...options });
}

/** For reading only (the audit and statistics commands): no migration runs. */
export function openStaffDbReadonly(file: string): Database.Database {
  return openStoreReadonly(file, STAFF_STORE);
}
