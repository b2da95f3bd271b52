// The file on disk must not give away a natural person: no ID number, no name, in
// the database file or its write-ahead log, as UTF-8 (or as the ASCII digits).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { deriveCacheKeys } from '../../../src-main/node/cache/cacheKeys';
import { buildCacheFile } from '../../../src-main/node/cache/cacheWriter';
import { createFieldCipher } from '../../../src-main/node/cache/fieldCipher';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { readDemoData, resolveDemoSubjects } from '../../../src-main/node/cache/demoData';
import { DEMO_DIR, demoCache, LIN_ID, LIN_NAME, NOW, removeTempDirs, tempDir, ZHOU_ID, ZHOU_NAME } from './cacheTestFiles';

afterEach(removeTempDirs);

function filesOf(file: string): Buffer[] {
  return ['', '-wal', '-shm'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s));
}

function expectAbsent(file: string, needles: string[]): void {
  const blobs = filesOf(file);
  expect(blobs.length).toBeGreaterThan(0);
  for (const needle of needles) for (const blob of blobs) expect(blob.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
}

describe('personal data at rest', () => {
  it('the demo cache holds no natural person ID number or name in clear', async () => {
    const { file, key } = demoCache();
    // While open (a WAL may exist) and after close.
    const cache = await openCreditCache({ file, key });
    expect((await cache.findByCode(LIN_ID))?.subject.name).toBe(LIN_NAME);
    expectAbsent(file, [LIN_ID, ZHOU_ID, LIN_NAME, ZHOU_NAME, '共青团西路88号']);
    await cache.close();
    expectAbsent(file, [LIN_ID, ZHOU_ID, LIN_NAME, ZHOU_NAME]);
    // Enterprise public data stays in clear (searchable).
    expect(fs.readFileSync(file).includes(Buffer.from('演示市青禾智能科技有限公司', 'utf8'))).toBe(true);
  });

  it('holds none with the SM4 cipher either, and reads back the same', async () => {
    const file = `${tempDir()}/sm4.sqlite`;
    const key = Buffer.alloc(32, 9);
    const { data } = readDemoData(DEMO_DIR);
    buildCacheFile({ file, key, cipher: 'sm4-cbc-hmac-sm3', dataVersion: 1, dataAsOf: NOW.toISOString(), source: 'test', subjects: resolveDemoSubjects(data, NOW) });
    expectAbsent(file, [LIN_ID, ZHOU_ID, LIN_NAME, ZHOU_NAME]);
    const cache = await openCreditCache({ file, key });
    expect((await cache.check()).cipher).toBe('sm4-cbc-hmac-sm3');
    expect((await cache.findByCode(ZHOU_ID))?.subject).toMatchObject({ name: ZHOU_NAME, code: ZHOU_ID });
    await cache.close();
  });

  it("seals a person's record facts with the person, and still reads records sealed one by one (files from before)", async () => {
    const { file, key } = demoCache();
    let cache = await openCreditCache({ file, key });
    const before = await cache.findByCode(ZHOU_ID);
    await cache.close();
    expect(before!.records.some((r) => r.content !== undefined)).toBe(true);

    // Rewrite Zhou's rows the earlier way: each record's facts in its own ciphertext, none in the subject's blob.
    const keys = deriveCacheKeys(key);
    const cipher = createFieldCipher('aes-256-gcm', keys.field);
    const db = new Database(file);
    const subject = db.prepare('SELECT sid, id, sealed FROM subjects WHERE id = ?').get(before!.subject.id) as { sid: number; id: string; sealed: Buffer };
    const sealed = JSON.parse(cipher.open(subject.sealed, `subject:${subject.id}`)) as { records?: Record<string, { content?: string; fields: object }> };
    expect(Object.keys(sealed.records ?? {}).sort()).toEqual(before!.records.filter((r) => r.content !== undefined || Object.keys(r.fields).length > 0).map((r) => r.id).sort());
    for (const [id, payload] of Object.entries(sealed.records ?? {})) {
      db.prepare('UPDATE records SET sealed = ? WHERE id = ?').run(cipher.seal(JSON.stringify(payload), `record:${id}`), id);
    }
    delete sealed.records;
    db.prepare('UPDATE subjects SET sealed = ? WHERE sid = ?').run(cipher.seal(JSON.stringify(sealed), `subject:${subject.id}`), subject.sid);
    db.close();

    cache = await openCreditCache({ file, key });
    expect(await cache.findByCode(ZHOU_ID)).toEqual(before);
    await cache.close();
  });
});
