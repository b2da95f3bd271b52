// The kiosk's CUPS setup tells the scheduler not to keep printed jobs' files: a report
// carries a person's data, and CUPS's default keeps each job's file for a day.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = path.resolve(__dirname, '../../../scripts/ci-cups-setup.sh');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-cupsd-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function configure(initial: string): string {
  const conf = path.join(dir, `cupsd-${Math.random().toString(36).slice(2)}.conf`);
  fs.writeFileSync(conf, initial);
  execFileSync('bash', [SCRIPT, '--cupsd-conf-only'], { env: { ...process.env, KIOSK_CUPSD_CONF: conf } });
  return fs.readFileSync(conf, 'utf8');
}

describe('scripts/ci-cups-setup.sh', () => {
  it('sets PreserveJobFiles No, replacing a default or commented line and keeping the rest', () => {
    const lines = (text: string) => text.split('\n').filter((l) => /^#?PreserveJobFiles\b/.test(l));
    expect(lines(configure('LogLevel warn\nPreserveJobFiles 1d\nMaxLogSize 0\n'))).toEqual(['PreserveJobFiles No']);
    expect(lines(configure('#PreserveJobFiles Yes\n'))).toEqual(['PreserveJobFiles No']);
    const fresh = configure('LogLevel warn\n');
    expect(lines(fresh)).toEqual(['PreserveJobFiles No']);
    expect(fresh).toContain('LogLevel warn');
  });
});
