// Every earlier schema version must come forward to the newest with its data intact.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveCacheKeys, keyCheckValue } from '../../../src-main/node/cache/cacheKeys';
import { subjectToRow } from '../../../src-main/node/cache/cacheRows';
import { createFieldCipher } from '../../../src-main/node/cache/fieldCipher';
import { migrate, MIGRATIONS, schemaVersionOf, SCHEMA_VERSION } from '../../../src-main/node/cache/migrations';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { shortGrams } from '../../../src-main/common/search/nameSearchText';
import { removeTempDirs, tempDir } from './cacheTestFiles';

afterEach(removeTempDirs);

const KEY = Buffer.alloc(32, 3);

/** The enterprise's records, in the order a v1/v2 writer stored them (not display order). */
const RECORDS = [
  { id: 'r-lic-old', category: 'licence', title: '食品经营许可', decision_date: '2021-03-01' },
  { id: 'r-pen', category: 'penalty', title: '行政处罚', decision_date: '2024-06-01', severity: 'ordinary', disclosure_deadline: '2025-06-01' },
  { id: 'r-lic-undated', category: 'licence', title: '排污许可', decision_date: null },
  { id: 'r-lic-new', category: 'licence', title: '道路运输经营许可', decision_date: '2023-09-15' },
] as const;

/** A file at `version`, holding one enterprise with records, written the way that version stores it. */
function fileAtVersion(version: number): string {
  const file = path.join(tempDir(), `v${version}.sqlite`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, version);
  if (version >= 1) {
    const keys = deriveCacheKeys(KEY);
    const codec = { keys, cipher: createFieldCipher('aes-256-gcm', keys.field) };
    const { row, codeHashes } = subjectToRow(
      codec,
      { id: 's1', kind: 'enterprise', code: '91350100M000100Y43', formerCodes: [], name: '演示市迁移测试科技有限公司', legalRepresentative: '王测试' },
      1,
    );
    const cols = Object.keys(row);
    const sid = db.prepare(`INSERT INTO subjects (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row).lastInsertRowid;
    for (const h of codeHashes) db.prepare('INSERT INTO subject_codes VALUES (?, ?)').run(h, sid);
    // Before v3 a record's row id was whatever SQLite gave it.
    const addRecord = db.prepare(`INSERT INTO records (id, sid, category, title, decision_date, severity, status, disclosure_deadline, data_version)
      VALUES (@id, @sid, @category, @title, @decision_date, @severity, 'active', @disclosure_deadline, 1)`);
    for (const r of RECORDS) addRecord.run({ severity: null, disclosure_deadline: null, ...r, sid });
    if (version >= 2) {
      // v2 writers kept the name's short grams and the FTS index up to date.
      for (const gram of shortGrams(row.name!)) db.prepare('INSERT INTO name_grams (gram, sid) VALUES (?, ?)').run(gram, sid);
      db.prepare('INSERT INTO name_fts (rowid, name) VALUES (?, ?)').run(sid, row.name);
    }
    const meta = { data_version: '1', data_as_of: '2026-01-01T00:00:00.000Z', source: 'test', cipher: 'aes-256-gcm', key_check: keyCheckValue(keys) };
    for (const [k, v] of Object.entries(meta)) db.prepare('INSERT OR REPLACE INTO meta VALUES (?, ?)').run(k, v);
  }
  db.close();
  return file;
}

describe('migrations', () => {
  it('are numbered 1…n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  for (let from = 0; from < SCHEMA_VERSION; from++) {
    it(`bring a file from version ${from} to ${SCHEMA_VERSION}`, async () => {
      const file = fileAtVersion(from);
      const db = new Database(file);
      expect(schemaVersionOf(db)).toBe(from);
      expect(migrate(db)).toEqual({ from, to: SCHEMA_VERSION });
      expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).pluck().get()).toBe(String(SCHEMA_VERSION));
      expect(db.pragma('quick_check', { simple: true })).toBe('ok');
      db.close();
      if (from >= 1) {
        // Data written at the old version is found, and is searchable after the search migration.
        const cache = await openCreditCache({ file, key: KEY });
        const found = await cache.findByCode('91350100M000100Y43');
        expect(found?.subject).toMatchObject({ name: '演示市迁移测试科技有限公司', legalRepresentative: '王测试' });
        // Every record kept, in display order: by category, newest decision first, undated last.
        expect(found?.records.map((r) => r.id)).toEqual(['r-lic-new', 'r-lic-old', 'r-lic-undated', 'r-pen']);
        expect(found?.records[3]).toMatchObject({ category: 'penalty', severity: 'ordinary', disclosureDeadline: '2025-06-01', status: 'active' });
        expect((await cache.search('迁移')).hits.map((h) => h.subjectId)).toEqual(['s1']);
        expect((await cache.search('迁移测试科技')).hits.map((h) => h.subjectId)).toEqual(['s1']);
        await cache.close();
      }
    });
  }

  it('openCreditCache migrates an older file on open', async () => {
    const file = fileAtVersion(1);
    const cache = await openCreditCache({ file, key: KEY });
    expect((await cache.check()).schemaVersion).toBe(SCHEMA_VERSION);
    await cache.close();
  });

  it('refuse a file from a newer version', async () => {
    const file = fileAtVersion(SCHEMA_VERSION);
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    await expect(openCreditCache({ file, key: KEY })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });

  it('roll a failing step back whole', () => {
    const file = fileAtVersion(1);
    const db = new Database(file);
    db.exec('CREATE TABLE name_grams (x)'); // makes step 2 fail half-way
    expect(() => migrate(db)).toThrow();
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'name_fts'`).pluck().get()).toBe(0);
    db.close();
  });
});
