// The publisher remembers each subject's content hash for the next release, so the
// next delta comes from that state and not from reading the previous full package
// back; without the state it reads the package instead and writes the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STATE_DIR } from '../../../src-main/node/sync/releaseBuilder';
import { isRepositoryPath } from '../../../src-main/node/sync/repoLayout';
import { bundles, copyRepo, importFolder, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

const T1 = new Date(T0.getTime() + 3_600_000);

/** v1's data with one record repaired, one subject gone and one new. */
function nextData(): ReturnType<typeof bundles> {
  const data = bundles(30);
  data[4]!.records[0]!.status = 'repaired';
  data.splice(9, 1);
  return [...data, ...bundles(31).slice(30)];
}

describe('publisher state', () => {
  it('makes the next delta without reading the previous full package back', async () => {
    f = makeFixture();
    const v1 = await publish(f, bundles(30));
    expect(await importFolder(f)).toMatchObject({ outcome: 'applied', version: 1 });
    const state = fs.readdirSync(path.join(f.repo, STATE_DIR));
    expect(state).toEqual([`${v1.full.sha256}.tsv`]);
    expect(isRepositoryPath(`${STATE_DIR}/${state[0]}`)).toBe(false);

    // The previous full package unreadable: the state alone carries the release.
    const fullPath = path.join(f.repo, 'packages', v1.full.name);
    const fullBytes = fs.readFileSync(fullPath);
    fs.writeFileSync(fullPath, 'not gzip');
    const v2 = await publish(f, nextData(), T1);
    fs.writeFileSync(fullPath, fullBytes);
    expect(v2.delta).toMatchObject({ subjects: 2, tombstones: 1 });
    expect(await importFolder(f, T1)).toMatchObject({ outcome: 'applied', version: 2, apply: { kind: 'delta' } });
    expect(fs.readdirSync(path.join(f.repo, STATE_DIR))).toEqual([`${v2.full.sha256}.tsv`]);
  });

  it('without its state reads the previous full package and writes the same packages', async () => {
    f = makeFixture();
    await publish(f, bundles(30));
    const bare = path.join(f.dir, 'bare');
    copyRepo(f.repo, bare);
    fs.rmSync(path.join(bare, STATE_DIR), { recursive: true });

    const withState = await publish(f, nextData(), T1);
    const fromPackage = await publish({ ...f, repo: bare }, nextData(), T1);
    expect(fromPackage.full.sha256).toBe(withState.full.sha256);
    expect(fromPackage.delta!.sha256).toBe(withState.delta!.sha256);
    expect(withState.delta).toMatchObject({ subjects: 2, tombstones: 1 });
  });
});
