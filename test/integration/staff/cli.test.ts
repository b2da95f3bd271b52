// The staff CLI commands (audit verify, stats, staff), registered as main.ts will.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { runCliJson } from '../../support/runCli';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as audit } from '../../../src-main/cli/commands/audit';
import { cliDataDir } from '../../../src-main/cli/dataFolder';
import { register as staff } from '../../../src-main/cli/commands/staff';
import { register as stats } from '../../../src-main/cli/commands/stats';
import { staffDbFile } from '../../../src-main/node/staff/staffDb';
import { removeTempDirs, tempDir } from '../cache/cacheTestFiles';

afterEach(() => {
  removeTempDirs();
  vi.restoreAllMocks();
  delete process.env.CREDIT_KIOSK_STAFF_PIN;
  process.exitCode = undefined;
});

function run(...args: string[]): Promise<{ out: unknown; exit: number }> {
  return runCliJson([audit, stats, staff], args);
}

describe('credit-kiosk staff, audit and stats', () => {
  it('adds and lists accounts, verifies the chain, and names the entry an edit broke', async () => {
    const dir = tempDir('staff-cli-');
    process.env.CREDIT_KIOSK_STAFF_PIN = '482913';
    expect((await run('staff', 'add', 'A100', '--name', '管理员', '--role', 'admin', '--json', '--data-dir', dir)).exit).toBe(0);
    expect((await run('staff', 'add', 'S100', '--name', '窗口', '--json', '--data-dir', dir)).exit).toBe(0);
    const listed = await run('staff', 'list', '--json', '--data-dir', dir);
    expect((listed.out as Array<{ staffNo: string; role: string }>).map((a) => [a.staffNo, a.role])).toEqual([
      ['A100', 'admin'],
      ['S100', 'staff'],
    ]);
    expect(JSON.stringify(listed.out)).not.toContain('482913');
    const ok = await run('audit', 'verify', '--json', '--data-dir', dir);
    expect(ok).toEqual({ out: { valid: true, entries: 2, firstBroken: null }, exit: 0 });

    // No config in dir: the commands ran in demo mode, in the demo's own folder.
    const db = new Database(staffDbFile(cliDataDir(dir)));
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET result = 'remove' WHERE seq = 1;");
    db.close();
    const broken = await run('audit', 'verify', '--json', '--data-dir', dir);
    expect(broken.exit).toBe(1);
    expect(broken.out).toMatchObject({ valid: false, entries: 2, firstBroken: { seq: 1, reason: 'hash-mismatch' } });
  });

  it('stats: JSON and a CSV file; usage errors exit 2', async () => {
    const dir = tempDir('staff-cli-');
    process.env.CREDIT_KIOSK_STAFF_PIN = '482913';
    await run('staff', 'add', 'A100', '--name', '管理员', '--role', 'admin', '--json', '--data-dir', dir);
    const csv = path.join(dir, 'stats.csv');
    const today = new Date().toISOString().slice(0, 10);
    const r = await run('stats', '--from', '2020-01-01', '--to', today, '--json', '--csv', csv, '--data-dir', dir);
    expect(r.exit).toBe(0);
    expect(r.out).toMatchObject({ from: '2020-01-01', granularity: 'day', rows: [] });
    expect(fs.readFileSync(csv, 'utf8')).toContain('period,function,kiosk_id,staff_no,count');
    expect((await run('stats', '--from', '2026-13-01', '--to', today, '--json', '--data-dir', dir)).exit).toBe(2);
  });
});
