// The file on disk must not give away a natural person: no ID number, no name, in
// the database file or its write-ahead log, as UTF-8 (or as the ASCII digits).
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCacheFile } from '../../../src-main/node/cache/cacheWriter';
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
});
