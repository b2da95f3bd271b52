// The read side of the cache over one read-only connection: the same code runs in
// the query worker and, when no worker is used, in the caller's thread.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { normalizeCode } from '../../common/codes/subjectCode';
import { SUBJECT_KINDS, type Subject, type SubjectKind } from '../../common/domain/subject';
import { HIT_CATEGORIES } from '../../common/staff/hits';
import { codePointLength, ftsPhrase, normalizeName, normalizeSearchText, TRIGRAM_MIN_CHARS } from '../../common/search/nameSearchText';
import { CacheError, toCacheError } from './cacheError';
import { checkHeader, quickCheck } from './cacheIntegrity';
import { keyCheckValue, lookupHash } from './cacheKeys';
import { readMeta } from './cacheMeta';
import { bundleWire, createCodec, HIT_TUPLE_SQL, RECORD_TUPLE_SQL, rowToSubject, type BundleWire, type Codec, type HitsWire, type SubjectRow } from './cacheRows';
import type { CacheCheck, CacheDataInfo, SearchOptions, SearchPage } from './creditCache';
import { schemaVersionOf, SCHEMA_VERSION } from './migrations';
import { recordRowRange } from './recordLayout';

/** Candidates taken from each source (exact, prefix, substring) before ranking: bounds the work of a very common query. */
export const SEARCH_CANDIDATE_CAP = 1000;
export const MAX_PAGE_SIZE = 100;

/** The search SQL for a query of the given length (exported for the query-plan test). */
export function searchSql(queryChars: number, mode: 'page' | 'count'): string {
  const substring =
    queryChars >= TRIGRAM_MIN_CHARS
      ? 'SELECT rowid AS sid FROM name_fts WHERE name_fts MATCH :fts LIMIT :cap'
      : 'SELECT sid FROM name_grams WHERE gram = :q LIMIT :cap';
  const cand = `WITH cand(sid) AS (
      SELECT sid FROM subjects WHERE name = :q
      UNION SELECT sid FROM (SELECT sid FROM subjects WHERE name > :q AND name < :qEnd ORDER BY name LIMIT :cap)
      UNION SELECT sid FROM (${substring})
    )`;
  if (mode === 'count') return `${cand} SELECT count(*) AS n FROM cand`;
  // Candidates are ranked on the narrow (sid, name) index — SQLite would otherwise read
  // each candidate's whole subject row — and only the page's rows are read from subjects.
  return `${cand},
    ranked AS (
      SELECT n.sid, n.name, length(n.name) AS len,
        CASE WHEN n.name = :q THEN 0 WHEN substr(n.name, 1, :qLen) = :q THEN 1 ELSE 2 END AS rank
      FROM cand JOIN subjects n INDEXED BY subjects_sid_name ON n.sid = cand.sid
      ORDER BY rank, len, n.name, n.sid
      LIMIT :limit OFFSET :offset
    )
    SELECT s.id, s.kind, s.code, s.name, ranked.rank
    FROM ranked JOIN subjects s ON s.sid = ranked.sid
    ORDER BY ranked.rank, ranked.len, ranked.name, ranked.sid`;
}

const MATCH = ['exact', 'prefix', 'substring'] as const;

export class CacheReader {
  private readonly db: Database.Database;
  private readonly codec: Codec;
  private readonly stmts;

  /** Opens read-only after the caller has checked and migrated the file (see openCreditCache). */
  constructor(
    private readonly file: string,
    key: Uint8Array,
    /** Page cache of this connection. 64 MiB holds the interior pages of every index at a million subjects, so a lookup reads only leaves. */
    cacheKiB = 65_536,
  ) {
    try {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      this.db.pragma(`cache_size = -${Math.trunc(cacheKiB)}`);
      const meta = readMeta(this.db);
      this.codec = createCodec(key, meta.cipher);
      if (meta.key_check !== keyCheckValue(this.codec.keys)) {
        throw new CacheError('CACHE_UNAVAILABLE', '缓存密钥与数据文件不符 / the cache key does not match the cache file');
      }
      this.stmts = {
        byCodeHash: this.db.prepare('SELECT s.* FROM subject_codes c JOIN subjects s ON s.sid = c.sid WHERE c.code_hash = ?'),
        // One contiguous range, in display order (recordLayout.ts), as one JSON text; and how
        // many rows carry their own ciphertext (files written before a person's facts were sealed with them).
        records: this.db.prepare(`SELECT json_group_array(${RECORD_TUPLE_SQL}), count(sealed) FROM records WHERE rid BETWEEN ? AND ?`).raw(true),
        // The hit categories are SQL literals: a bound list (json_each) cost more per lookup than it saved.
        hits: this.db.prepare(`SELECT json_group_array(${HIT_TUPLE_SQL}) FROM records WHERE rid BETWEEN ? AND ? AND category IN (${HIT_CATEGORIES.map((c) => `'${c}'`).join(', ')})`).pluck(),
        ownSealed: this.db.prepare('SELECT id, sealed FROM records WHERE rid BETWEEN ? AND ? AND sealed IS NOT NULL').raw(true),
        byRepId: this.db.prepare('SELECT * FROM subjects WHERE rep_id_hash = ? ORDER BY sid'),
        byRepName: this.db.prepare('SELECT * FROM subjects WHERE rep_name_hash = ? AND rep_id_hash IS NULL ORDER BY sid'),
        searchShort: this.db.prepare(searchSql(1, 'page')),
        countShort: this.db.prepare(searchSql(1, 'count')).pluck(),
        searchLong: this.db.prepare(searchSql(TRIGRAM_MIN_CHARS, 'page')),
        countLong: this.db.prepare(searchSql(TRIGRAM_MIN_CHARS, 'count')).pluck(),
      };
    } catch (err) {
      throw toCacheError(err, file);
    }
  }

  /** A subject with its records, the records still JSON text (decodeBundle makes them objects, on the caller's side). */
  findByCode(code: string): BundleWire | null {
    return this.guard(() => this.lookup(code));
  }

  /** Many codes in one call, each answered as findByCode would, in order. */
  findManyByCode(codes: readonly string[]): Array<BundleWire | null> {
    return this.guard(() => codes.map((code) => this.lookup(code)));
  }

  /**
   * The batch check's hits-only path (a chunk per round trip, not a code): each subject
   * with only its records of HIT_CATEGORIES, as HitTuples — a check that counts hits need
   * not read, build, copy and decode licences, contents or fields.
   */
  findHitsByCode(codes: readonly string[]): Array<HitsWire | null> {
    return this.guard(() =>
      codes.map((code) => {
        const row = this.subjectRow(code);
        if (!row) return null;
        const { first, last } = recordRowRange(row.sid);
        return { subject: rowToSubject(this.codec, row), records: this.stmts.hits.get(first, last) as string };
      }),
    );
  }

  private subjectRow(code: string): SubjectRow | undefined {
    const normalized = normalizeCode(code);
    if (normalized === '' || normalized.length > 64) return undefined;
    return this.stmts.byCodeHash.get(lookupHash(this.codec.keys, 'code', normalized)) as SubjectRow | undefined;
  }

  private lookup(code: string): BundleWire | null {
    const row = this.subjectRow(code);
    if (!row) return null;
    const { first, last } = recordRowRange(row.sid);
    const [records, ownSealed] = this.stmts.records.get(first, last) as [string, number];
    return bundleWire(this.codec, row, records, ownSealed > 0 ? (this.stmts.ownSealed.all(first, last) as Array<[string, Buffer]>) : []);
  }

  findRepresentedBy(person: { idNumber: string; name: string }): Subject[] {
    return this.guard(() => {
      const byId = this.stmts.byRepId.all(lookupHash(this.codec.keys, 'code', normalizeCode(person.idNumber))) as SubjectRow[];
      const name = normalizeName(person.name);
      const byName = name ? (this.stmts.byRepName.all(lookupHash(this.codec.keys, 'name', name)) as SubjectRow[]) : [];
      return [...byId, ...byName].map((row) => rowToSubject(this.codec, row));
    });
  }

  search(text: string, options: SearchOptions = {}): SearchPage {
    return this.guard(() => {
      const q = normalizeSearchText(text);
      const page = clampInt(options.page, 1, 1_000_000, 1);
      const pageSize = clampInt(options.pageSize, 1, MAX_PAGE_SIZE, 20);
      if (q === '') return { query: q, page, pageSize, hits: [], total: 0, totalIsCapped: false };
      const qLen = codePointLength(q);
      const long = qLen >= TRIGRAM_MIN_CHARS;
      const params = { q, qEnd: `${q}\u{10FFFF}`, cap: SEARCH_CANDIDATE_CAP, ...(long && { fts: ftsPhrase(q) }) };
      const total = (long ? this.stmts.countLong : this.stmts.countShort).get(params) as number;
      const rows = (long ? this.stmts.searchLong : this.stmts.searchShort).all({ ...params, qLen, limit: pageSize, offset: (page - 1) * pageSize }) as Array<{
        id: string;
        kind: SubjectKind;
        code: string;
        name: string;
        rank: 0 | 1 | 2;
      }>;
      return {
        query: q,
        page,
        pageSize,
        hits: rows.map((r) => ({ subjectId: r.id, kind: r.kind, name: r.name, code: r.code, match: MATCH[r.rank] })),
        total,
        totalIsCapped: total >= SEARCH_CANDIDATE_CAP,
      };
    });
  }

  dataInfo(): CacheDataInfo {
    return this.guard(() => {
      const meta = readMeta(this.db);
      const subjects = meta.subject_count !== undefined ? Number(meta.subject_count) : (this.db.prepare('SELECT count(*) FROM subjects').pluck().get() as number);
      return { dataVersion: Number(meta.data_version ?? 0), dataAsOf: meta.data_as_of ?? new Date(0).toISOString(), subjects };
    });
  }

  check(): CacheCheck {
    return this.guard(() => {
      checkHeader(this.file);
      quickCheck(this.db);
      const meta = readMeta(this.db);
      const byKind = Object.fromEntries(SUBJECT_KINDS.map((k) => [k, 0])) as Record<SubjectKind, number>;
      for (const row of this.db.prepare('SELECT kind, count(*) AS n FROM subjects GROUP BY kind').all() as Array<{ kind: SubjectKind; n: number }>) byKind[row.kind] = row.n;
      const schemaVersion = schemaVersionOf(this.db);
      return {
        ok: schemaVersion === SCHEMA_VERSION,
        schemaVersion,
        dataVersion: Number(meta.data_version ?? 0),
        dataAsOf: meta.data_as_of ?? '',
        source: meta.source ?? '',
        cipher: meta.cipher ?? '',
        subjects: Object.values(byKind).reduce((a, b) => a + b, 0),
        subjectsByKind: byKind,
        records: this.db.prepare('SELECT count(*) FROM records').pluck().get() as number,
        fileBytes: fs.statSync(this.file).size,
      };
    });
  }

  close(): void {
    if (this.db?.open) this.db.close();
  }

  /** For tests and the bench: the underlying read-only connection. */
  get connection(): Database.Database {
    return this.db;
  }

  private guard<T>(body: () => T): T {
    try {
      return body();
    } catch (err) {
      throw toCacheError(err, this.file);
    }
  }
}

function clampInt(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
