// Staging workers (stagingPool.ts) that answer out of order, or fail or stop mid-publish:
// the first bad line of the input is still the one refused, even when a later batch is
// answered first; a failed worker fails the publish with a clear error, and the repository
// is left as it was: the previous release whole, no package, state or metadata of the failed one.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishFromFolder } from '../../../src-main/node/sync/publisher';
import { writeSourceExports } from '../../../src-main/node/sync/sourceExportWriter';
import { stagingWorkerScript } from '../../../src-main/node/sync/stagingPool';
import { bundles, importFolder, makeFixture, T0, type Fixture } from '../../integration/sync/syncFixtures';

let f: Fixture;
afterEach(() => {
  delete process.env.STAGING_FAULT;
  f?.cleanup();
});

const T1 = new Date(T0.getTime() + 3_600_000);
const FAULTY = { script: path.join(__dirname, 'faultyStagingWorker.ts'), execArgv: stagingWorkerScript()!.execArgv };

/** Every file of the repository (relative name → bytes). */
function contents(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

describe('staging workers', () => {
  it('answering a later bad batch first: the first bad line is still the one refused', async () => {
    f = makeFixture();
    const input = path.join(f.dir, 'in');
    writeSourceExports(input, bundles(20));
    const subjects = path.join(input, 'subjects.ndjson');
    const lines = fs.readFileSync(subjects, 'utf8').split('\n');
    lines[2] = '{"id":"s-late"}'; // in batch 1 (a few lines), answered late
    for (let i = 8; i < 20; i++) lines[i] = 'not json'; // in batch 2 and later ones, answered first
    fs.writeFileSync(subjects, lines.join('\n'));
    process.env.STAGING_FAULT = 'late-first';
    const publishing = publishFromFolder(input, { repo: f.repo, key: f.key, now: T0, workers: 2, batchBytes: 1000, workerScript: FAULTY });
    await expect(publishing).rejects.toThrow(/subjects\.ndjson:3: kind /);
  });

  for (const fault of ['throw', 'exit'] as const) {
    it(`failing (${fault}): the publish fails and leaves the previous release as it was`, async () => {
      f = makeFixture();
      const input = path.join(f.dir, 'in');
      writeSourceExports(input, bundles(50));
      await publishFromFolder(input, { repo: f.repo, key: f.key, now: T0, dataAsOf: T0, workers: 0 });
      const before = contents(f.repo);

      process.env.STAGING_FAULT = fault;
      // Batches of a few lines: each of the two workers gets a second batch, and fails on it.
      const failed = publishFromFolder(input, { repo: f.repo, key: f.key, now: T1, dataAsOf: T1, workers: 2, batchBytes: 1000, workerScript: FAULTY });
      await expect(failed).rejects.toThrow(/^发布校验线程意外停止.*a publish staging worker failed, nothing was published: (planted staging failure|exit code 3)$/);
      expect(contents(f.repo)).toEqual(before);
      expect(await importFolder(f, T1)).toMatchObject({ outcome: 'applied', version: 1 });
    });
  }
});
