// `publish --input` checks and stages the source lines in worker threads (stagingPool.ts):
// the release is the same, byte for byte, as when the publishing thread does it all
// (workers: 0), and a bad line is refused exactly as there — the first one in the input,
// even when later batches are answered first.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { register as registerKeygen } from '../../../src-main/cli/commands/keygen';
import { register as registerPublish } from '../../../src-main/cli/commands/publish';
import { publishFromFolder } from '../../../src-main/node/sync/publisher';
import { STATE_DIR } from '../../../src-main/node/sync/releaseBuilder';
import { writeSourceExports } from '../../../src-main/node/sync/sourceExportWriter';
import { stagingWorkerScript, type StagingOptions } from '../../../src-main/node/sync/stagingPool';
import { runCliJson } from '../../support/runCli';
import { bundles, makeFixture, T0, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

const T1 = new Date(T0.getTime() + 3_600_000);
/** Small batches (a few lines), so each file is many batches spread over both workers. */
const WORKERS: StagingOptions = { workers: 2, batchBytes: 1500 };
const IN_THREAD: StagingOptions = { workers: 0, batchBytes: 1500 };

/** The release's package and publisher-state files, by name. */
function releaseFiles(repo: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const dir of ['packages', STATE_DIR]) {
    for (const name of fs.readdirSync(path.join(repo, dir)).sort()) files.set(`${dir}/${name}`, fs.readFileSync(path.join(repo, dir, name)));
  }
  return files;
}

/** v1's data, then v2's: one record repaired, one subject gone, one new; blank and CRLF lines in the files. */
function writeInputs(): [string, string] {
  const v1 = path.join(f.dir, 'v1');
  const v2 = path.join(f.dir, 'v2');
  writeSourceExports(v1, bundles(60));
  const next = bundles(60);
  next[4]!.records[0]!.status = 'repaired';
  next.splice(9, 1);
  writeSourceExports(v2, [...next, ...bundles(61).slice(60)]);
  const subjects = path.join(v2, 'subjects.ndjson');
  const lines = fs.readFileSync(subjects, 'utf8').split('\n');
  fs.writeFileSync(subjects, `${lines.slice(0, 20).join('\r\n')}\n\n  \n${lines.slice(20).join('\n')}`);
  return [v1, v2];
}

async function publishBoth(input: string, now: Date, repos: { workers: string; inThread: string }): Promise<void> {
  const common = { key: f.key, now, dataAsOf: now };
  await publishFromFolder(input, { ...common, repo: repos.workers, ...WORKERS });
  await publishFromFolder(input, { ...common, repo: repos.inThread, ...IN_THREAD });
}

/** Copies the input with `bad` lines replacing those lines of one file (1-based). */
function withBadLines(input: string, file: string, bad: Record<number, string>): string {
  const copy = path.join(f.dir, `bad-${Object.keys(bad).join('-')}`);
  fs.cpSync(input, copy, { recursive: true });
  const lines = fs.readFileSync(path.join(copy, file), 'utf8').split('\n');
  for (const [n, text] of Object.entries(bad)) lines[Number(n) - 1] = text;
  fs.writeFileSync(path.join(copy, file), lines.join('\n'));
  return copy;
}

async function refusal(input: string, staging: StagingOptions): Promise<Error> {
  const err = await publishFromFolder(input, { repo: path.join(f.dir, 'refused'), key: f.key, now: T0, ...staging }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(err).toBeInstanceOf(Error);
  return err!;
}

describe('publishing through staging workers', () => {
  it('finds its worker from the sources', () => {
    expect(stagingWorkerScript()).toMatchObject({ script: expect.stringMatching(/stagingWorkerEntry\.ts$/) });
  });

  it('writes the same packages and state as the in-thread path, full and delta', async () => {
    f = makeFixture();
    const [v1, v2] = writeInputs();
    const repos = { workers: path.join(f.dir, 'repo-workers'), inThread: path.join(f.dir, 'repo-in-thread') };
    await publishBoth(v1, T0, repos);
    await publishBoth(v2, T1, repos);
    const workers = releaseFiles(repos.workers);
    expect([...workers.keys()].filter((n) => n.includes('.delta-v1-v2.'))).toHaveLength(1);
    expect(releaseFiles(repos.inThread)).toEqual(workers);
  });

  it('refuses the first bad line of the input with the in-thread path’s very message', async () => {
    f = makeFixture();
    const [v1] = writeInputs();
    // Line 30 is a few batches in; many a line after it is bad too.
    const bad: Record<number, string> = { 30: '{"id":"s-x","kind":"enterprise"' };
    for (let n = 37; n <= 60; n += 3) bad[n] = '{"id":"s-y"}';
    const subjectsBad = withBadLines(v1, 'subjects.ndjson', bad);
    const inThread = await refusal(subjectsBad, IN_THREAD);
    expect(inThread.message).toMatch(/^同步数据包内容无效.*subjects\.ndjson:30: not JSON$/);
    for (let i = 0; i < 3; i++) expect((await refusal(subjectsBad, WORKERS)).message).toBe(inThread.message);

    // In a category file: a schema refusal and a record filed under another category.
    const categoryFile = fs.readdirSync(v1).find((n) => n !== 'subjects.ndjson')!;
    const recordsBad = withBadLines(v1, categoryFile, { 9: '{"id":"r-x","subjectId":"s-1","title":"","status":"active"}', 10: '{"category":"nope"}' });
    const recordThread = await refusal(recordsBad, IN_THREAD);
    expect(recordThread.message).toContain(`${categoryFile}:9: title`);
    expect((await refusal(recordsBad, WORKERS)).message).toBe(recordThread.message);
    expect(fs.existsSync(path.join(f.dir, 'refused', 'timestamp.json'))).toBe(false);
  });

  it('takes the pool size from `publish --workers N`, and refuses one that is no count', async () => {
    f = makeFixture();
    const [v1] = writeInputs();
    const key = path.join(f.dir, 'platform.key');
    const commands = [registerKeygen, registerPublish];
    expect(await runCliJson(commands, ['keygen', '--out', key, '--json'])).toMatchObject({ exit: 0 });
    for (const bad of ['-1', '1.5', 'two']) {
      expect(await runCliJson(commands, ['publish', '--input', v1, '--out', f.repo, '--key', key, '--workers', bad, '--json'])).toMatchObject({ exit: 2, out: { error: { code: 'USAGE' } } });
    }
    expect(await runCliJson(commands, ['publish', '--input', v1, '--out', f.repo, '--key', key, '--workers', '0', '--json'])).toMatchObject({ exit: 0, out: { version: 1, full: { subjects: 60 } } });
    expect(await runCliJson(commands, ['publish', '--input', v1, '--out', f.repo, '--key', key, '--workers', '1', '--json'])).toMatchObject({ exit: 0, out: { version: 2, delta: { subjects: 0 } } });
  });
});
