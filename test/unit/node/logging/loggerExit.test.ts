// A process that exits right after making its file logger (a start-up refusal) exits
// with its own code and message: pino's exit-time flush must find the file open.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../..');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the file logger at an early exit', () => {
  // A child Node with tsx takes seconds on a busy machine: a generous timeout, no timing asserted.
  it('keeps the exit code and the line, with no "sonic boom is not ready yet"', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logger-exit-'));
    dirs.push(dir);
    const script = [
      `const { createLogger } = require(${JSON.stringify(path.join(ROOT, 'src-main/node/logging/logger.ts'))});`,
      `const log = createLogger({ logDir: ${JSON.stringify(dir)} });`,
      `log.error({ event: 'start-refused' }, 'start refused');`,
      `process.stderr.write('refused\\n');`,
      'process.exit(3);',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
    expect(child.stderr).not.toMatch(/sonic boom/i);
    expect(child.stderr).toContain('refused');
    expect(child.status).toBe(3);
    expect(fs.readFileSync(path.join(dir, 'kiosk.log'), 'utf8')).toContain('start-refused');
  });
});
