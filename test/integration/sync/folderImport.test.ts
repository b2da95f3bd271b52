import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openCreditCache } from '../../../src-main/node/cache/openCreditCache';
import { syntheticCodeOf } from '../../../src-main/node/cache/syntheticData';
import { bundles, importFolder, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

describe('folder import (USB media)', () => {
  it('applies a full package, then a delta with changes and tombstones, readable through the cache', async () => {
    f = makeFixture();
    const v1 = bundles(60);
    await publish(f, v1);
    const first = await importFolder(f);
    expect(first.outcome).toBe('applied');
    if (first.outcome !== 'applied') return;
    expect(first.apply).toMatchObject({ kind: 'full', subjects: 60 });

    const cache = await openCreditCache({ file: f.cacheFile, key: f.cacheKey, worker: 'none' });
    const hit = await cache.findByCode(syntheticCodeOf(5, 7));
    expect(hit?.subject.id).toBe('syn-7-5');
    expect((await cache.dataInfo()).dataVersion).toBe(1);
    await cache.close();

    // v2: subject 3 renamed-ish (a record changed), subject 4 gone, one new subject.
    const v2 = bundles(61).filter((b) => b.subject.id !== 'syn-7-4');
    const changed = v2.find((b) => b.subject.id === 'syn-7-3')!;
    changed.records[0]!.status = 'repaired';
    const later = new Date(T0.getTime() + 3_600_000);
    const published = await publish(f, v2, later);
    expect(published.delta).toMatchObject({ subjects: 2, tombstones: 1 });
    const second = await importFolder(f, later);
    expect(second.outcome).toBe('applied');
    if (second.outcome !== 'applied') return;
    expect(second.apply.kind).toBe('delta');

    const again = await openCreditCache({ file: f.cacheFile, key: f.cacheKey, worker: 'none' });
    expect(await again.findByCode(syntheticCodeOf(4, 7))).toBeNull();
    expect((await again.findByCode(syntheticCodeOf(60, 7)))?.subject.id).toBe('syn-7-60');
    const three = await again.findByCode(syntheticCodeOf(3, 7));
    expect(three?.records.find((r) => r.id === changed.records[0]!.id)?.status).toBe('repaired');
    expect(await again.dataInfo()).toMatchObject({ dataVersion: 2, subjects: 60 });
    await again.close();

    const db = new Database(f.cacheFile, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // Nothing new: up to date, nothing written.
    expect((await importFolder(f, later)).outcome).toBe('up-to-date');
  });
});
