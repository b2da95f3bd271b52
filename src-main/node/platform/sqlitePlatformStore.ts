// The platform's store in one SQLite file (one-machine trials, the embedded default),
// opened by the one store opener with its numbered migrations. Version 1 is the event
// table the reference platform shipped; version 2 brings it into the platform room.
import type Database from 'better-sqlite3';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';
import { createPlatformStore, type PlatformStore, type SqlDriver, type SqlRunner } from './platformStore';

const EVENTS_V1 = `CREATE TABLE IF NOT EXISTS events (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL
      ) WITHOUT ROWID`;

// Events kept before streams existed get their stream by type and no seq (they are never re-counted).
const PLATFORM_V2 = `
  ALTER TABLE events ADD COLUMN stream TEXT;
  ALTER TABLE events ADD COLUMN seq INTEGER;
  ALTER TABLE events ADD COLUMN body_hash TEXT;
  UPDATE events SET stream = CASE type WHEN 'check-record' THEN 'checks' WHEN 'report-issued' THEN 'reports' ELSE 'applications' END;
  CREATE UNIQUE INDEX events_kiosk_stream_seq ON events (kiosk_id, stream, seq) WHERE seq IS NOT NULL;
  CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, public_key TEXT, registered_at TEXT NOT NULL);
  CREATE TABLE kiosk_streams (kiosk_id TEXT NOT NULL, stream TEXT NOT NULL, contiguous INTEGER NOT NULL, high INTEGER NOT NULL, PRIMARY KEY (kiosk_id, stream)) WITHOUT ROWID;
  CREATE TABLE reports (
    report_number TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, edition TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_masked TEXT NOT NULL,
    subject_key TEXT NOT NULL, issued_at TEXT NOT NULL, digest TEXT NOT NULL, event_id TEXT NOT NULL, received_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE audit_anchors (
    kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, entries INTEGER NOT NULL, head TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL,
    at TEXT NOT NULL, received_at TEXT NOT NULL, regressed INTEGER NOT NULL, PRIMARY KEY (kiosk_id, seq)
  ) WITHOUT ROWID;
  CREATE TABLE usage_days (kiosk_id TEXT NOT NULL, day TEXT NOT NULL, seq INTEGER NOT NULL, rows_json TEXT NOT NULL, PRIMARY KEY (kiosk_id, day)) WITHOUT ROWID;
  CREATE TABLE kiosk_latest (
    kiosk_id TEXT NOT NULL, type TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL, PRIMARY KEY (kiosk_id, type)
  ) WITHOUT ROWID;`;

export const PLATFORM_SQLITE_STORE: StoreSpec = {
  label: { zh: '平台事件库', en: 'platform event store' },
  migrations: [
    ddlMigration(1, 'kiosk events by id (as shipped before the store opener, which left user_version 0)', EVENTS_V1),
    ddlMigration(2, 'the platform room: streams and seq, hashed bodies, kiosk credentials, report registry, audit anchors, usage, fleet state', PLATFORM_V2),
    ddlMigration(3, 'the fleet view lists the newest checks and reports by type', 'CREATE INDEX events_type_received ON events (type, received_at)'),
    ddlMigration(4, 'kiosk credentials can be revoked (platform kiosk revoke)', 'ALTER TABLE kiosks ADD COLUMN revoked_at TEXT'),
  ],
};

export function openSqlitePlatformStore(file: string): PlatformStore {
  return createPlatformStore(sqliteDriver(openStore(file, PLATFORM_SQLITE_STORE, { context: undefined })));
}

/** `$1` parameters as SQLite's named `@p1`. */
function named(sql: string, params: readonly unknown[]): [string, Record<string, unknown>] {
  return [sql.replace(/\$(\d+)/g, '@p$1'), Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))];
}

function sqliteDriver(db: Database.Database): SqlDriver {
  const runner: SqlRunner = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const [text, bound] = named(sql, params);
      return db.prepare(text).all(bound) as T[];
    },
    async run(sql, params = []) {
      const [text, bound] = named(sql, params);
      return db.prepare(text).run(bound).changes;
    },
  };
  // One connection: every call waits its turn, so no statement lands inside another's transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    dialect: 'sqlite',
    query: (sql, params) => serial(() => runner.query(sql, params)),
    run: (sql, params) => serial(() => runner.run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(runner);
          db.exec('COMMIT');
          return out;
        } catch (err) {
          db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () => serial(async () => void db.close()),
  };
}
