// One subject key for a fleet: `subject-key new` makes the file the platform's export
// reads (`--subject-key`), `subject-key install` gives it to a kiosk before its first
// start, so the platform matches every kiosk's commitments; a kiosk already holding
// another key keeps it, and says so (its keyed hashes were made under it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { register } from '../../../src-main/cli/commands/subjectKey';
import { cliConfig } from '../../../src-main/cli/dataFolder';
import { modeConfig } from '../../../src-main/node/config/dataFolders';
import { openKeyStore } from '../../../src-main/node/keys/openKeyStore';
import { keyerFrom, loadSubjectKeyer } from '../../../src-main/node/keys/subjectKeyer';
import { runCliJson } from '../../support/runCli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-subject-key-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const run = (...args: string[]) => runCliJson([register], ['subject-key', ...args, '--json']);
const kioskKeyer = (dataDir: string) => loadSubjectKeyer(openKeyStore(modeConfig(cliConfig(dataDir))));
const CODE = '91370303MA3C7K2P1R';

describe('subject-key', () => {
  it('makes a fleet key once, and two kiosks given it key every subject alike — as the platform does', async () => {
    const file = path.join(root, 'fleet-subject.key');
    const made = await run('new', '--out', file);
    expect(made).toMatchObject({ exit: 0, out: { file, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await run('new', '--out', file)).out).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const platform = keyerFrom(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'));
    for (const kiosk of ['a', 'b']) {
      const dataDir = path.join(root, kiosk);
      expect((await run('install', '--from', file, '--data-dir', dataDir)).out).toEqual({ installed: true, fingerprint: (made.out as { fingerprint: string }).fingerprint, store: 'file' });
      expect(kioskKeyer(dataDir).reportSubject(CODE)).toBe(platform.reportSubject(CODE));
      // Again: the same key, nothing changes.
      expect((await run('install', '--from', file, '--data-dir', dataDir)).exit).toBe(0);
    }
  });

  it('keeps the key of a kiosk that already has one, and refuses a file that holds no key', async () => {
    const dataDir = path.join(root, 'started');
    const own = kioskKeyer(dataDir).reportSubject(CODE);
    const file = path.join(root, 'other.key');
    await run('new', '--out', file);
    const refused = await run('install', '--from', file, '--data-dir', dataDir);
    expect(refused).toMatchObject({ exit: 1, out: { error: { code: 'SUBJECT_KEY_DIFFERS', message: expect.stringContaining('不予替换') } } });
    expect(kioskKeyer(dataDir).reportSubject(CODE)).toBe(own);

    const bad = path.join(root, 'bad.key');
    fs.writeFileSync(bad, 'not a key\n');
    expect((await run('install', '--from', bad, '--data-dir', path.join(root, 'fresh'))).out).toMatchObject({ error: { code: 'INVALID_INPUT' } });
  });
});
