// The one opener of the kiosk's own SQLite files: private file modes, a check at open,
// migrations that are all-or-nothing per step, and files from a newer program left alone.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ddlMigration, schemaVersionOf, type Migration } from '../../../src-main/node/store/migrationRunner';
import { openStore, openStoreReadonly, type StoreSpec } from '../../../src-main/node/store/openStore';
import { StoreError } from '../../../src-main/node/store/storeError';
import { demoCache, removeTempDirs, tempDir } from '../cache/cacheTestFiles';

afterEach(removeTempDirs);

const V1: Migration<unknown> = ddlMigration(1, 'notes', 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
const spec = (...more: Migration<unknown>[]): StoreSpec<unknown> => ({ label: { zh: '测试库', en: 'test store' }, migrations: [V1, ...more] });
const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);

describe('openStore', () => {
  it('creates the file, its log and its shared-memory file 0600 in a 0700 folder', () => {
    const dir = path.join(tempDir('store-'), 'new', 'folder');
    const file = path.join(dir, 'notes.sqlite');
    const db = openStore(file, spec(), { context: undefined });
    try {
      db.prepare('INSERT INTO notes (text) VALUES (?)').run('x');
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect([mode(dir), mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['700', '600', '600', '600']);
    } finally {
      db.close();
    }
  });

  it('the credit cache, built apart from the stores, is created 0600 as well', () => {
    expect(mode(demoCache().file)).toBe('600');
  });

  it('runs each migration with its version bump in one transaction: a step that fails leaves the version before it, and the next open carries on', () => {
    const file = path.join(tempDir('store-'), 'notes.sqlite');
    openStore(file, spec(), { context: undefined }).close();
    let fail = true;
    const v2: Migration<unknown> = {
      version: 2,
      description: 'a column, then a failure',
      up(db) {
        db.exec("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT ''");
        if (fail) throw new Error('power cut');
      },
    };
    expect(() => openStore(file, spec(v2), { context: undefined })).toThrow(StoreError);
    const check = new Database(file, { readonly: true });
    expect(schemaVersionOf(check)).toBe(1);
    expect((check.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notes') as string[]).sort()).toEqual(['id', 'text']);
    check.close();
    fail = false;
    const db = openStore(file, spec(v2), { context: undefined });
    expect(schemaVersionOf(db)).toBe(2);
    db.close();
  });

  it('passes the context to the steps that need it', () => {
    const file = path.join(tempDir('store-'), 'notes.sqlite');
    const seen: string[] = [];
    const v2: Migration<{ key: string }> = { version: 2, description: 're-key', up: (_db, ctx) => void seen.push(ctx.key) };
    const withContext: StoreSpec<{ key: string }> = { label: { zh: '测试库', en: 'test store' }, migrations: [V1, v2] };
    openStore(file, withContext, { context: { key: 'k1' } }).close();
    openStore(file, withContext, { context: { key: 'k2' } }).close();
    expect(seen).toEqual(['k1']);
  });

  it('refuses a file from a newer program and leaves it untouched', () => {
    const file = path.join(tempDir('store-'), 'notes.sqlite');
    const newer = new Database(file);
    newer.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); PRAGMA user_version = 7;');
    newer.close();
    const before = fs.readFileSync(file);
    expect(() => openStore(file, spec(), { context: undefined })).toThrow(expect.objectContaining({ code: 'STORE_NEWER', message: expect.stringMatching(/^测试库来自更新的版本.*newer version \(schema 7 > 1\)/) }));
    expect(() => openStoreReadonly(file, spec())).toThrow(expect.objectContaining({ code: 'STORE_NEWER' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('tells a damaged file at open, Chinese first', () => {
    const dir = tempDir('store-');
    const garbage = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    expect(() => openStore(garbage, spec(), { context: undefined })).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT', message: expect.stringMatching(/^测试库已损坏 \/ the test store is corrupt/) }));

    // A sound header over a broken index: only PRAGMA quick_check sees it.
    const file = path.join(dir, 'notes.sqlite');
    const db = openStore(file, spec(ddlMigration(2, 'index', 'CREATE INDEX notes_text ON notes (text)')), { context: undefined });
    const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`note ${i}`);
    })();
    const indexPage = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'notes_text'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, (indexPage - 1) * pageSize); // the index root's page header
    fs.closeSync(fd);
    expect(() => openStore(file, spec(ddlMigration(2, 'index', 'CREATE INDEX notes_text ON notes (text)')), { context: undefined })).toThrow(
      expect.objectContaining({ code: 'STORE_CORRUPT' }),
    );
  });
});
