// A record tombstone in a delta removes the record, and for a natural person also
// its facts from the person's sealed blob: a deleted fact must not linger encrypted.
// And a delta onto a file of an older schema brings the file forward before it writes.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { PackageLine } from '../../../src-main/common/sync/packageLines';
import { deriveCacheKeys } from '../../../src-main/node/cache/cacheKeys';
import { createFieldCipher } from '../../../src-main/node/cache/fieldCipher';
import { SCHEMA_VERSION } from '../../../src-main/node/cache/migrations';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { applyDelta, bundles, importFolder, makeFixture, publish, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

describe('a delta', () => {
  it("with a record tombstone removes a person's record and its sealed facts, and leaves the rest readable", async () => {
    f = makeFixture();
    const data = bundles(30, { records: 4 });
    const person = data.find((b) => b.subject.kind === 'natural-person' && b.records.some((r) => r.content !== undefined))!;
    const gone = person.records.find((r) => r.content !== undefined)!;
    await publish(f, data);
    expect(await importFolder(f)).toMatchObject({ outcome: 'applied', version: 1 });

    const result = await applyDelta(f, [{ t: 'delete-record', id: gone.id }], { subjects: 0, records: 0, tombstones: 1 });
    expect(result).toMatchObject({ kind: 'delta', dataVersion: 2, tombstones: 1 });

    const cache = await openCreditCache({ file: f.cacheFile, key: f.cacheKey });
    const found = await cache.findByCode(person.subject.code);
    await cache.close();
    expect(found?.records.map((r) => r.id).sort()).toEqual(person.records.filter((r) => r !== gone).map((r) => r.id).sort());
    for (const r of found!.records) expect(r.content).toBe(person.records.find((o) => o.id === r.id)!.content);

    // The subject's sealed blob no longer names the deleted record.
    const db = new Database(f.cacheFile, { readonly: true });
    const row = db.prepare('SELECT sealed FROM subjects WHERE id = ?').get(person.subject.id) as { sealed: Buffer };
    db.close();
    const keys = deriveCacheKeys(f.cacheKey);
    const opened = JSON.parse(createFieldCipher('aes-256-gcm', keys.field).open(row.sealed, `subject:${person.subject.id}`)) as { records?: Record<string, unknown> };
    expect(Object.keys(opened.records ?? {})).not.toContain(gone.id);
    expect(Object.keys(opened.records ?? {}).length).toBeGreaterThan(0);
  });

  it('onto a file of the v2 layout: migrates it first, so the replaced subject keeps exactly its new records', async () => {
    f = makeFixture();
    const data = bundles(30, { records: 4 });
    await publish(f, data);
    expect(await importFolder(f)).toMatchObject({ outcome: 'applied', version: 1 });
    // Turn the file back into what the previous release wrote: record row ids anywhere, records_sid, schema 2.
    const old = new Database(f.cacheFile);
    old.exec(`UPDATE records SET rid = -rid; CREATE INDEX records_sid ON records(sid, category); DROP INDEX subjects_sid_name;
      PRAGMA user_version = 2; UPDATE meta SET value = '2' WHERE key = 'schema_version'`);
    old.close();

    const changed = data.find((b) => b.subject.kind === 'enterprise')!;
    const records = [{ ...changed.records[0]!, id: `${changed.subject.id}-new`, title: '新的许可' }];
    await applyDelta(f, [{ t: 'subject', subject: changed.subject, records } as PackageLine], { subjects: 1, records: 1, tombstones: 0 });

    const cache = await openCreditCache({ file: f.cacheFile, key: f.cacheKey });
    const found = await cache.findByCode(changed.subject.code);
    const other = data.find((b) => b.subject.kind === 'enterprise' && b !== changed)!;
    const untouched = await cache.findByCode(other.subject.code);
    expect((await cache.check()).schemaVersion).toBe(SCHEMA_VERSION);
    await cache.close();
    expect(found?.records.map((r) => [r.id, r.title])).toEqual([[`${changed.subject.id}-new`, '新的许可']]);
    expect(untouched?.records.map((r) => r.id).sort()).toEqual(other.records.map((r) => r.id).sort());
  });
});
