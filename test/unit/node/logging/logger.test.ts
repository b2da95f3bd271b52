// The log never holds personal data in clear, whatever depth a field sits at or
// whatever free text carries it; the file is 0600 and rotated and expired by size and age.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../../src-main/node/logging/logger';
import { RotatingLogFile } from '../../../../src-main/node/logging/rotatingFile';

const ID = '370302199001011234';
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const tempDir = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-log-')));

describe('the kiosk log', () => {
  it('censors personal fields at every depth and masks ID numbers, USCCs and phones in any text', () => {
    const log = createLogger({ logDir: tempDir() });
    log.info({ event: 'deep', a: { b: { c: { d: { idNumber: ID, name: '林晓岚', pin: '246810' } } } }, list: [{ card: { idNumber: ID } }] }, 'nested');
    log.info({ event: 'decision', detail: `申请人周建国 ${ID}，电话 13812345678，单位 91370303MA3C7K2P1R` }, `note for ${ID}`);
    log.error(new Error(`lookup failed for ${ID}`), 'failed');
    const text = fs.readFileSync(path.join(dir, 'kiosk.log'), 'utf8');
    expect(text).not.toContain(ID);
    expect(text).not.toContain('林晓岚');
    expect(text).not.toContain('246810');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('91370303MA3C7K2P1R');
    expect(text).toContain('3703**********1234');
    expect(text).toContain('138****5678');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('is created 0600 and narrows a wider file made before', () => {
    const file = path.join(tempDir(), 'kiosk.log');
    fs.writeFileSync(file, '', { mode: 0o644 });
    fs.chmodSync(file, 0o644);
    createLogger({ logDir: dir }).info('hello');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('rotates at its size, keeps at most the configured count, and removes rotated files past their age', () => {
    const file = path.join(tempDir(), 'kiosk.log');
    let now = new Date('2026-12-01T00:00:00Z');
    const out = new RotatingLogFile(file, { maxBytes: 1000, maxFiles: 3, maxAgeDays: 7 }, () => now);
    const line = `${'x'.repeat(99)}\n`;
    for (let i = 0; i < 25; i++) {
      now = new Date(now.getTime() + 60_000);
      out.write(line);
    }
    expect(fs.statSync(file).size).toBeLessThanOrEqual(1000);
    expect(out.rotated()).toHaveLength(2);
    for (const f of out.rotated()) expect(fs.statSync(f).mode & 0o777).toBe(0o600);
    // Ten days on, the rotated files are past their age: the next rotation removes them.
    const old = (Date.parse('2026-12-01T00:00:00Z') - 86_400_000) / 1000;
    for (const f of out.rotated()) fs.utimesSync(f, old, old);
    now = new Date('2026-12-11T00:00:00Z');
    for (let i = 0; i < 10; i++) out.write(line);
    expect(out.rotated()).toHaveLength(1);
    out.close();
  });
});
