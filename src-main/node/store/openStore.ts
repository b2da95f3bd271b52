// The one way the kiosk opens an SQLite file of its own (staff, reports, outboxes,
// print quota, the platform's event intake): the file created 0600 in a 0700 folder
// (SQLite gives its -wal and -shm files the database file's mode), WAL with full
// sync, deleted content zeroed, PRAGMA quick_check at open, then the store's
// migrations brought forward. A file from a newer program is refused untouched.
import Database from 'better-sqlite3';
import { latestVersion, runMigrations, schemaVersionOf, type Migration } from './migrationRunner';
import { createPrivateFile } from './privateFile';
import { StoreError } from './storeError';

export interface StoreLabel {
  zh: string;
  en: string;
}

export interface StoreSpec<C = void> {
  /** The file as an operator knows it: { zh: '员工数据库', en: 'staff database' }. */
  label: StoreLabel;
  migrations: readonly Migration<C>[];
}

export interface OpenStoreOptions<C> {
  /** What the migrations need (a key for a re-keying step). */
  context: C;
  /** Stop migrating at this version (tests of an earlier layout). */
  target?: number;
}

export function openStore<C>(file: string, spec: StoreSpec<C>, options: OpenStoreOptions<C>): Database.Database {
  const memory = file === ':memory:';
  if (!memory) createPrivateFile(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: !memory });
    // Before anything writes (even the journal mode): a newer program's file stays as it is.
    const version = schemaVersionOf(db);
    if (version > latestVersion(spec.migrations)) throw newerError(spec.label, version, latestVersion(spec.migrations));
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    // Old values of a re-keyed hash or a delivered payload do not linger in free pages.
    db.pragma('secure_delete = ON');
    checkIntegrity(db, spec.label);
    const { from, to } = runMigrations(db, spec.migrations, {
      context: options.context,
      ...(options.target !== undefined && { target: options.target }),
      newer: (version, latest) => newerError(spec.label, version, latest),
    });
    // A migration that rewrote values leaves their old pages in the log until a checkpoint.
    if (to > from && !memory) db.pragma('wal_checkpoint(TRUNCATE)');
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof StoreError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw new StoreError('STORE_CORRUPT', `${spec.label.zh}已损坏 / the ${spec.label.en} is corrupt: ${(err as Error).message}`, { cause: err });
    throw new StoreError('STORE_UNAVAILABLE', `${spec.label.zh}无法打开 / cannot open the ${spec.label.en}: ${(err as Error).message}`, { cause: err });
  }
}

/** A read-only connection (reports, CLI): no migration, but a file from a newer program is refused. */
export function openStoreReadonly<C>(file: string, spec: StoreSpec<C>): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const version = schemaVersionOf(db);
  const latest = latestVersion(spec.migrations);
  if (version > latest) {
    db.close();
    throw newerError(spec.label, version, latest);
  }
  return db;
}

/** SQLite's first complaints from PRAGMA quick_check, none for a sound file. */
export function quickCheckProblems(db: Database.Database): string[] {
  const rows = db.pragma('quick_check(5)') as Array<{ quick_check: string }>;
  return rows.map((r) => r.quick_check).filter((m) => m !== 'ok');
}

function checkIntegrity(db: Database.Database, label: StoreLabel): void {
  const problems = quickCheckProblems(db);
  if (problems.length > 0) throw new StoreError('STORE_CORRUPT', `${label.zh}已损坏 / the ${label.en} is corrupt: ${problems[0]}`);
}

function newerError(label: StoreLabel, version: number, latest: number): StoreError {
  return new StoreError('STORE_NEWER', `${label.zh}来自更新的版本（模式 ${version}）/ the ${label.en} is from a newer version (schema ${version} > ${latest})`);
}
