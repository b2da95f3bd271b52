// Numbered, forward-only schema migrations for every SQLite file the kiosk keeps.
// Each step runs in its own transaction together with the PRAGMA user_version bump,
// so a file is always at exactly one version: a crash mid-migration leaves the
// previous version intact. Never edit a shipped migration; add the next one.
import type Database from 'better-sqlite3';

export interface Migration<C = void> {
  version: number;
  description: string;
  /** `context` carries what a step needs beyond the file (a key for a re-keying step). */
  up(db: Database.Database, context: C): void;
}

export interface MigrateOptions<C> {
  context: C;
  /** Stop at this version (tests of an earlier layout); default the newest. */
  target?: number;
  /** The error for a file written by a newer program, which this one must not touch. */
  newer(version: number, latest: number): Error;
  /** Runs inside each step's transaction after the step (the cache also records the version in its meta table). */
  afterStep?(db: Database.Database, version: number): void;
}

export function latestVersion<C>(migrations: readonly Migration<C>[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

export function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings a file forward to `target` (default: the newest), one transaction per step. */
export function runMigrations<C>(db: Database.Database, migrations: readonly Migration<C>[], options: MigrateOptions<C>): { from: number; to: number } {
  const latest = latestVersion(migrations);
  const target = options.target ?? latest;
  const from = schemaVersionOf(db);
  if (from > latest) throw options.newer(from, latest);
  for (const m of migrations) {
    if (m.version <= from || m.version > target) continue;
    db.transaction(() => {
      m.up(db, options.context);
      options.afterStep?.(db, m.version);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, Math.min(target, latest)) };
}

/** A step that only runs DDL (the first version of most stores). */
export function ddlMigration(version: number, description: string, ddl: string): Migration<unknown> {
  return { version, description, up: (db) => void db.exec(ddl) };
}
