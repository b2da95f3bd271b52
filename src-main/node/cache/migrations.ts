// The cache schema as numbered, forward-only migrations, run by the stores' one
// migration runner (store/migrationRunner.ts). Never edit a shipped migration; add the next one.
import type Database from 'better-sqlite3';
import { RECORD_CATEGORIES, RECORD_STATUSES, SEVERITIES } from '../../common/domain/creditRecord';
import { SUBJECT_KINDS } from '../../common/domain/subject';
import { shortGrams } from '../../common/search/nameSearchText';
import { latestVersion, runMigrations, type Migration } from '../store/migrationRunner';
import { CacheError } from './cacheError';
import { MAX_RECORDS_PER_SUBJECT, RECORD_SLOT_BITS } from './recordLayout';

export interface IndexDef {
  name: string;
  ddl: string;
}

const list = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** Secondary indexes of v1 (as shipped; v3 dropped records_sid). */
export const V1_INDEXES: readonly IndexDef[] = [
  { name: 'subjects_id', ddl: 'CREATE UNIQUE INDEX subjects_id ON subjects(id)' },
  { name: 'subjects_rep_id', ddl: 'CREATE INDEX subjects_rep_id ON subjects(rep_id_hash) WHERE rep_id_hash IS NOT NULL' },
  { name: 'subjects_rep_name', ddl: 'CREATE INDEX subjects_rep_name ON subjects(rep_name_hash) WHERE rep_name_hash IS NOT NULL' },
  { name: 'records_id', ddl: 'CREATE UNIQUE INDEX records_id ON records(id)' },
  { name: 'records_sid', ddl: 'CREATE INDEX records_sid ON records(sid, category)' },
];

/** Secondary indexes of v2 (name search). */
export const V2_INDEXES: readonly IndexDef[] = [
  { name: 'subjects_name', ddl: 'CREATE INDEX subjects_name ON subjects(name)' },
  { name: 'name_grams_gram', ddl: 'CREATE INDEX name_grams_gram ON name_grams(gram, sid)' },
];

/**
 * Secondary indexes of v3: names by sid, narrow enough (about 40 bytes an entry) that
 * ranking a thousand search candidates reads a few pages of it instead of a thousand
 * subject rows (cacheReader's searchSql).
 */
export const V3_INDEXES: readonly IndexDef[] = [{ name: 'subjects_sid_name', ddl: 'CREATE INDEX subjects_sid_name ON subjects(sid, name)' }];

/**
 * The secondary indexes of the newest schema: a bulk load drops them and builds them
 * after the rows. (A subject's records need none: their row ids place them, see recordLayout.)
 */
export const SECONDARY_INDEXES: readonly IndexDef[] = [...V1_INDEXES.filter((i) => i.name !== 'records_sid'), ...V2_INDEXES, ...V3_INDEXES];

const V2_RECORD_COLUMNS =
  'id, sid, category, title, document_number, authority, decision_date, valid_from, valid_to, content, severity, status, disclosure_deadline, source_department, data_version, fields, sealed';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'subjects, their codes by keyed hash, records, meta',
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        -- Organisations keep their public registration data in clear; a natural
        -- person's code, name and other personal fields live only in 'sealed'.
        CREATE TABLE subjects (
          sid INTEGER PRIMARY KEY,
          id TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN (${list(SUBJECT_KINDS)})),
          code TEXT,
          name TEXT,
          former_codes TEXT,
          entity_type TEXT,
          registered_capital TEXT,
          established_on TEXT,
          address TEXT,
          registration_authority TEXT,
          registration_status TEXT,
          rep_id_hash BLOB,
          rep_name_hash BLOB,
          sealed BLOB,
          data_version INTEGER NOT NULL
        );
        -- Every code a subject answers to (current and former), by keyed hash only.
        CREATE TABLE subject_codes (code_hash BLOB PRIMARY KEY, sid INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE records (
          rid INTEGER PRIMARY KEY,
          id TEXT NOT NULL,
          sid INTEGER NOT NULL,
          category TEXT NOT NULL CHECK (category IN (${list(RECORD_CATEGORIES)})),
          title TEXT NOT NULL,
          document_number TEXT,
          authority TEXT,
          decision_date TEXT,
          valid_from TEXT,
          valid_to TEXT,
          content TEXT,
          severity TEXT CHECK (severity IS NULL OR severity IN (${list(SEVERITIES)})),
          status TEXT NOT NULL CHECK (status IN (${list(RECORD_STATUSES)})),
          disclosure_deadline TEXT,
          source_department TEXT,
          data_version INTEGER NOT NULL,
          fields TEXT,
          sealed BLOB
        );
      `);
      for (const index of V1_INDEXES) db.exec(index.ddl);
    },
  },
  {
    version: 2,
    description: 'name search: FTS5 trigram index and a 1–2 character gram table',
    up(db) {
      db.exec(`
        CREATE TABLE name_grams (gram TEXT NOT NULL, sid INTEGER NOT NULL);
        CREATE VIRTUAL TABLE name_fts USING fts5(name, tokenize = 'trigram', content = 'subjects', content_rowid = 'sid');
      `);
      const insert = db.prepare('INSERT INTO name_grams (gram, sid) VALUES (?, ?)');
      const rows = db.prepare('SELECT sid, name FROM subjects WHERE name IS NOT NULL').all() as Array<{ sid: number; name: string }>;
      for (const row of rows) for (const gram of shortGrams(row.name)) insert.run(gram, row.sid);
      db.exec(`INSERT INTO name_fts (name_fts) VALUES ('rebuild')`);
      for (const index of V2_INDEXES) db.exec(index.ddl);
    },
  },
  {
    version: 3,
    description: 'records clustered by subject (row id = sid × 2^20 + display position, records_sid dropped); names by sid for search ranking',
    up(db) {
      // The rows are renumbered into the layout recordLayout.ts writes (same order as its
      // sortForDisplay: category, newest decision first, then the old order), so a lookup
      // reads one contiguous range instead of an index plus a row per record.
      const tooMany = db.prepare(`SELECT sid FROM records GROUP BY sid HAVING count(*) > ${MAX_RECORDS_PER_SUBJECT} LIMIT 1`).get();
      if (tooMany) throw new CacheError('INVALID_INPUT', `a subject has more than ${MAX_RECORDS_PER_SUBJECT} records`);
      const ddl = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'records'`).pluck().get() as string;
      db.exec(`
        DROP INDEX records_id;
        ALTER TABLE records RENAME TO records_v2;
        ${ddl};
        INSERT INTO records (rid, ${V2_RECORD_COLUMNS})
          SELECT (sid << ${RECORD_SLOT_BITS}) + row_number() OVER (PARTITION BY sid ORDER BY category, decision_date DESC, rid) - 1, ${V2_RECORD_COLUMNS}
          FROM records_v2 ORDER BY sid, category, decision_date DESC, rid; -- the new row ids' order, without a second sort
        DROP TABLE records_v2;
      `);
      db.exec('CREATE UNIQUE INDEX records_id ON records(id)');
      for (const index of V3_INDEXES) db.exec(index.ddl);
    },
  },
];

export const SCHEMA_VERSION = latestVersion(MIGRATIONS);

export { schemaVersionOf } from '../store/migrationRunner';

/** Brings a file forward to `target` (default: the newest), one transaction per step. */
export function migrate(db: Database.Database, target: number = SCHEMA_VERSION): { from: number; to: number } {
  return runMigrations(db, MIGRATIONS, {
    context: undefined,
    target,
    newer: (from) => new CacheError('CACHE_UNAVAILABLE', `缓存文件来自更新的版本（模式 ${from}）/ the cache file is from a newer version (schema ${from} > ${SCHEMA_VERSION})`),
    afterStep: (d, version) => void d.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)`).run(String(version)),
  });
}
