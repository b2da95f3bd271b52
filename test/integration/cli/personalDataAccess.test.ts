// The command line honours the data folder's mode and leaves a trace of every look at
// a natural person's data: the OS account, the command and a stated purpose.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as query } from '../../../src-main/cli/commands/query';
import { register as report } from '../../../src-main/cli/commands/report';
import { staffDbFile } from '../../../src-main/node/staff/staffDb';
import { runCliJson } from '../../support/runCli';
import { LIN_ID, QINGHE_USCC, removeTempDirs, tempDir } from '../cache/cacheTestFiles';

const ENV_KEYS = ['CREDIT_KIOSK_DATA_DIR', 'CREDIT_KIOSK_CONFIG'] as const;
const saved = ENV_KEYS.map((k) => [k, process.env[k]] as const);

afterEach(() => {
  for (const [k, v] of saved) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  removeTempDirs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const run = (...args: string[]) => runCliJson([query, report], args);

function cliEntries(dataDir: string): Array<{ staff_no: string; action: string; subject_key: string; result: string; detail: string }> {
  const file = staffDbFile(dataDir);
  if (!fs.existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT staff_no, action, subject_key, result, detail FROM audit_log WHERE action LIKE 'cli-%' ORDER BY seq").all() as never;
  } finally {
    db.close();
  }
}

describe('the command line on a production data folder', () => {
  it('never builds or answers from the demo cache there', async () => {
    const dir = tempDir('cli-prod-');
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ mode: 'production', kioskId: 'ZB-ZD-0001', issuer: '淄博市公共信用信息中心' }));
    process.env.CREDIT_KIOSK_DATA_DIR = dir;
    const { out, exit } = await run('query', QINGHE_USCC, '--json');
    expect(exit).toBe(1);
    expect(out).toMatchObject({ error: { code: 'CACHE_UNAVAILABLE' } });
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('a natural person’s data on the command line', () => {
  it('is refused without a purpose, before any data is read', async () => {
    const dir = tempDir('cli-demo-');
    const { out, exit } = await run('query', LIN_ID, '--json', '--data-dir', dir);
    expect(exit).toBe(2);
    expect(out).toMatchObject({ error: { code: 'PURPOSE_REQUIRED', message: expect.stringContaining('--purpose') } });
    expect(fs.existsSync(path.join(dir, 'demo'))).toBe(false);
    expect((await run('report', LIN_ID, '--out', path.join(dir, 'r.pdf'), '--as-subject', '--json', '--data-dir', dir)).out).toMatchObject({ error: { code: 'PURPOSE_REQUIRED' } });
  });

  it('is audited with the OS account, the command and the purpose, keyed — never the ID number', async () => {
    const dir = tempDir('cli-demo-');
    const shown = await run('query', LIN_ID, '--json', '--data-dir', dir, '--purpose', '窗口核查 / counter check');
    expect(shown.exit).toBe(0);
    const entries = cliEntries(path.join(dir, 'demo'));
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ staff_no: 'cli', action: 'cli-query', result: 'shown', subject_key: expect.stringMatching(/^p:[0-9a-f]+$/) });
    expect(JSON.parse(entry!.detail)).toEqual({ osUser: os.userInfo().username, purpose: '窗口核查 / counter check' });
    expect(JSON.stringify(entries)).not.toContain(LIN_ID);
  });

  it('an organisation’s public data needs no purpose and leaves no person entry', async () => {
    const dir = tempDir('cli-demo-');
    expect((await run('query', QINGHE_USCC, '--json', '--data-dir', dir)).exit).toBe(0);
    expect(cliEntries(path.join(dir, 'demo'))).toEqual([]);
  });
});
