// A repository keeps only the newest releases' packages and snapshots; roots stay;
// a kiosk left behind still updates (from the newest full package).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneRepository } from '../../../src-main/node/sync/repoPruner';
import { publishFromBundles } from '../../../src-main/node/sync/publisher';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { bundles, importFolder, importOptions, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

const at = (hours: number): Date => new Date(T0.getTime() + hours * 3_600_000);
const packages = (): string[] => fs.readdirSync(path.join(f.repo, 'packages')).sort();
const snapshots = (): string[] => fs.readdirSync(f.repo).filter((n) => n.endsWith('.snapshot.json')).sort();

function changed(version: number): ReturnType<typeof bundles> {
  const data = bundles(12);
  data[version % data.length]!.records[0]!.status = 'repaired';
  return data;
}

describe('repository pruning', () => {
  it('keeps this release and the previous one by default, and never a root', async () => {
    f = makeFixture();
    const v1 = await publish(f, bundles(12));
    expect(v1.pruned.removed).toEqual([]);
    const snapshot1Bytes = fs.statSync(path.join(f.repo, '1.snapshot.json')).size;
    expect(await importFolder(f)).toMatchObject({ outcome: 'applied', version: 1 });
    const v2 = await publish(f, changed(2), at(1));
    expect(v2.pruned.removed).toEqual([]);
    fs.writeFileSync(path.join(f.repo, 'packages', 'README.txt'), 'not a package: left alone');

    const v3 = await publish(f, changed(3), at(2));
    // v1's snapshot and full package go; v2's snapshot stays, and with it v2's full package and the v1→v2 delta.
    expect(v3.pruned.removed).toEqual(['1.snapshot.json', `packages/${v1.full.name}`]);
    expect(v3.pruned.bytesFreed).toBe(snapshot1Bytes + v1.full.length);
    expect(snapshots()).toEqual(['2.snapshot.json', '3.snapshot.json']);
    expect(packages()).toEqual(['README.txt', v2.full.name, v2.delta!.name, v3.full.name, v3.delta!.name].sort());
    expect(fs.existsSync(path.join(f.repo, '1.root.json'))).toBe(true);

    // The kiosk still at v1 has no delta from v1 any more: it takes v3's full package.
    const result = await runSyncCycle(importOptions(f, at(2)));
    expect(result).toMatchObject({ outcome: 'applied', version: 3, apply: { kind: 'full' } });
  });

  it('keeps as many releases as asked, and refuses to keep none', async () => {
    f = makeFixture();
    const options = (now: Date) => ({ repo: f.repo, key: f.key, now, dataAsOf: now, keepReleases: 3 });
    await publishFromBundles(bundles(12), options(T0));
    await publishFromBundles(changed(2), options(at(1)));
    const v3 = await publishFromBundles(changed(3), options(at(2)));
    expect(v3.pruned.removed).toEqual([]);
    expect(snapshots()).toEqual(['1.snapshot.json', '2.snapshot.json', '3.snapshot.json']);

    const pruned = pruneRepository(f.repo, v3.version, 1);
    expect(pruned.removed.filter((r) => r.endsWith('.snapshot.json'))).toEqual(['1.snapshot.json', '2.snapshot.json']);
    expect(snapshots()).toEqual(['3.snapshot.json']);
    expect(packages()).toEqual([v3.full.name, v3.delta!.name].sort());
    expect(() => pruneRepository(f.repo, v3.version, 0)).toThrow(expect.objectContaining({ code: 'SYNC_BAD_PACKAGE' }));
    // A publish asked to keep none refuses before it writes a release.
    await expect(publishFromBundles(changed(4), { ...options(at(3)), keepReleases: 0 })).rejects.toMatchObject({ code: 'SYNC_BAD_PACKAGE' });
    expect(snapshots()).toEqual(['3.snapshot.json']);
  });
});
