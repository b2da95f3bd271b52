// The platform's store in PostgreSQL (a city's platform): a connection pool, numbered
// forward-only migrations recorded in schema_migrations (each in its own transaction,
// concurrent starts serialised by an advisory lock), and a database from a newer program
// refused untouched.
import pg from 'pg';
import { StoreError } from '../store/storeError';
import { createPlatformStore, type PlatformStore, type SqlDriver, type SqlRunner } from './platformStore';

interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

export const PLATFORM_PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    description: 'the platform room: events by id with streams and seq, kiosk credentials, report registry, audit anchors, usage, fleet state',
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL,
        payload JSONB NOT NULL, received_at TEXT NOT NULL, body_hash TEXT NOT NULL, UNIQUE (kiosk_id, stream, seq)
      );
      CREATE TABLE kiosks (kiosk_id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, public_key TEXT, registered_at TEXT NOT NULL);
      CREATE TABLE kiosk_streams (kiosk_id TEXT NOT NULL, stream TEXT NOT NULL, contiguous INTEGER NOT NULL, high INTEGER NOT NULL, PRIMARY KEY (kiosk_id, stream));
      CREATE TABLE reports (
        report_number TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, edition TEXT NOT NULL, subject_kind TEXT NOT NULL, subject_masked TEXT NOT NULL,
        subject_key TEXT NOT NULL, issued_at TEXT NOT NULL, digest TEXT NOT NULL, event_id TEXT NOT NULL, received_at TEXT NOT NULL
      );
      CREATE TABLE audit_anchors (
        kiosk_id TEXT NOT NULL, seq INTEGER NOT NULL, entries INTEGER NOT NULL, head TEXT NOT NULL, key_id TEXT NOT NULL, signature TEXT NOT NULL,
        at TEXT NOT NULL, received_at TEXT NOT NULL, regressed INTEGER NOT NULL, PRIMARY KEY (kiosk_id, seq)
      );
      CREATE TABLE usage_days (kiosk_id TEXT NOT NULL, day TEXT NOT NULL, seq INTEGER NOT NULL, rows_json TEXT NOT NULL, PRIMARY KEY (kiosk_id, day));
      CREATE TABLE kiosk_latest (
        kiosk_id TEXT NOT NULL, type TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, payload JSONB NOT NULL, received_at TEXT NOT NULL,
        PRIMARY KEY (kiosk_id, type)
      );`,
  },
  { version: 2, description: 'the fleet view lists the newest checks and reports by type', sql: 'CREATE INDEX events_type_received ON events (type, received_at)' },
  { version: 3, description: 'kiosk credentials can be revoked (platform kiosk revoke)', sql: 'ALTER TABLE kiosks ADD COLUMN revoked_at TEXT' },
];

/** Any constant: the advisory lock that lets one starting platform migrate at a time. */
const MIGRATION_LOCK = 4_817_201;

export async function openPostgresPlatformStore(url: string, options: { maxConnections?: number } = {}): Promise<PlatformStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000 });
  // A restarted server drops idle connections: the pool forgets them and opens new ones.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end();
    if (err instanceof StoreError) throw err;
    throw new StoreError('STORE_UNAVAILABLE', `平台数据库无法打开 / cannot open the platform database: ${(err as Error).message}`, { cause: err });
  }
  return createPlatformStore(postgresDriver(pool));
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  const onError = (): void => undefined; // the failing query reports it
  client.on('error', onError);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    const latest = PLATFORM_PG_MIGRATIONS.at(-1)!.version;
    if (current > latest) throw new StoreError('STORE_NEWER', `平台数据库来自更新的版本（模式 ${current}）/ the platform database is from a newer version (schema ${current} > ${latest})`);
    for (const m of PLATFORM_PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [m.version, m.description]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.off('error', onError);
    client.release();
  }
}

function postgresDriver(pool: pg.Pool): SqlDriver {
  const on = (c: pg.Pool | pg.PoolClient): SqlRunner => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      return (await c.query(sql, params as unknown[])).rows as T[];
    },
    async run(sql, params = []) {
      return (await c.query(sql, params as unknown[])).rowCount ?? 0;
    },
  });
  return {
    dialect: 'postgres',
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken = false;
      // A server that goes away mid-transaction: the query fails (and the kiosk retries); without
      // a listener the client's 'error' event would end the whole platform.
      const onError = (): void => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(on(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.off('error', onError);
        // A connection that could not roll back (the server went away) is not given back to the pool.
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
