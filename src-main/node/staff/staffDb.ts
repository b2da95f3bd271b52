// The counter's own database (staff.sqlite in the data folder): staff accounts, the
// append-only audit chain and the 联合奖惩反馈 outbox. One file so a decision's audit
// entry and its feedback event commit in one transaction.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export const STAFF_DB_FILE = 'staff.sqlite';
const SCHEMA_VERSION = 1;

const SCHEMA = `
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
`;

export function staffDbFile(dataDir: string): string {
  return path.join(dataDir, STAFF_DB_FILE);
}

export function openStaffDb(file: string, options: { readonly?: boolean } = {}): Database.Database {
  if (options.readonly) return new Database(file, { readonly: true, fileMustExist: true });
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(`staff database schema ${version} is newer than this program (${SCHEMA_VERSION})`);
  }
  db.exec(SCHEMA);
  if (version < SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  return db;
}
