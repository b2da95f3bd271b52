import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCacheFile } from '../../../src-main/node/cache/cacheWriter';
import { readDemoData, resolveDemoSubjects } from '../../../src-main/node/cache/demoData';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { syntheticSubjects } from '../../../src-main/node/cache/syntheticData';
import { DEMO_DIR, demoCache, NOW, QINGHE_USCC, removeTempDirs, tempDir } from './cacheTestFiles';

afterEach(removeTempDirs);

function pageSizeOf(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('a damaged cache file', () => {
  it('with garbage over its pages is CACHE_CORRUPT at open', async () => {
    const { file, key } = demoCache();
    const pageSize = pageSizeOf(file);
    const fd = fs.openSync(file, 'r+');
    const pages = fs.fstatSync(fd).size / pageSize;
    // Overwrite the start of every page but the first (the b-tree page headers).
    for (let p = 1; p < pages; p++) fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, p * pageSize);
    fs.closeSync(fd);
    await expect(openCreditCache({ file, key })).rejects.toMatchObject({ code: 'CACHE_CORRUPT' });
  });

  it('with an overwritten header is CACHE_CORRUPT', async () => {
    const { file, key } = demoCache();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.from('this is not sqlite'), 0, 18, 0);
    fs.closeSync(fd);
    await expect(openCreditCache({ file, key })).rejects.toMatchObject({ code: 'CACHE_CORRUPT' });
  });

  it('when truncated is CACHE_CORRUPT', async () => {
    const { file, key } = demoCache();
    fs.truncateSync(file, fs.statSync(file).size - 1000);
    await expect(openCreditCache({ file, key })).rejects.toMatchObject({ code: 'CACHE_CORRUPT' });
  });

  it('that is empty or not a cache at all is refused', async () => {
    const dir = tempDir();
    fs.writeFileSync(`${dir}/empty.sqlite`, '');
    await expect(openCreditCache({ file: `${dir}/empty.sqlite`, key: Buffer.alloc(32) })).rejects.toMatchObject({ code: 'CACHE_CORRUPT' });
    new Database(`${dir}/other.sqlite`).exec('CREATE TABLE t (x)').close();
    await expect(openCreditCache({ file: `${dir}/other.sqlite`, key: Buffer.alloc(32) })).rejects.toMatchObject({ code: 'CACHE_UNAVAILABLE' });
  });
});

describe('a full disk during a load', () => {
  it('fails with DISK_FULL and leaves the previous cache as it was, with no temp file behind', async () => {
    const { file, key } = demoCache();
    const before = fs.readFileSync(file);
    const dir = file.slice(0, file.lastIndexOf('/'));
    const entriesBefore = fs.readdirSync(dir).sort();
    expect(() =>
      buildCacheFile({ file, key, dataVersion: 2, dataAsOf: NOW.toISOString(), source: 'test', subjects: syntheticSubjects({ count: 2000, seed: 1 }), maxPageCount: 60 }),
    ).toThrow(expect.objectContaining({ code: 'DISK_FULL' }));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(entriesBefore);
    const cache = await openCreditCache({ file, key });
    expect((await cache.dataInfo()).dataVersion).toBe(1);
    expect((await cache.findByCode(QINGHE_USCC))?.subject.id).toBe('demo-s-qinghe');
    await cache.close();
  });

  it('a successful rebuild replaces the file whole', async () => {
    const { file, key } = demoCache();
    const { data } = readDemoData(DEMO_DIR);
    buildCacheFile({ file, key, dataVersion: 5, dataAsOf: NOW.toISOString(), source: 'test', subjects: resolveDemoSubjects(data, NOW).slice(0, 2) });
    const cache = await openCreditCache({ file, key });
    expect(await cache.dataInfo()).toMatchObject({ dataVersion: 5, subjects: 2 });
    await cache.close();
  });
});
