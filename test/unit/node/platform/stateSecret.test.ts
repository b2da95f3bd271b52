// The platform's secrets in its state folder: made once, 0600, the same on every later
// load, never an empty or half-written file; a damaged file is refused, never replaced.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStateSecret } from '../../../../src-main/node/platform/stateSecret';

const dirs: string[] = [];
const stateDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-state-secret-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const invalid = (file: string): Error => new Error(`no key: ${file}`);

describe('loadStateSecret', () => {
  it('makes a 32-byte key on first use, owner-only, and gives the same one after', () => {
    const dir = stateDir();
    const first = loadStateSecret(dir, 'attachment-key', invalid);
    expect(first).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'attachment-key')).mode & 0o777).toBe(0o600);
    expect(loadStateSecret(dir, 'attachment-key', invalid)).toEqual(first);
    // Nothing written aside is left behind.
    expect(fs.readdirSync(dir)).toEqual(['attachment-key']);
  });

  it('keeps separate secrets apart', () => {
    const dir = stateDir();
    expect(loadStateSecret(dir, 'a', invalid)).not.toEqual(loadStateSecret(dir, 'b', invalid));
  });

  it('refuses a damaged or empty file with the caller’s error, and leaves it for the operator', () => {
    const dir = stateDir();
    fs.writeFileSync(path.join(dir, 'attachment-key'), '');
    expect(() => loadStateSecret(dir, 'attachment-key', invalid)).toThrow(/^no key: /);
    fs.writeFileSync(path.join(dir, 'attachment-key'), 'zz'.repeat(32));
    expect(() => loadStateSecret(dir, 'attachment-key', invalid)).toThrow(/^no key: /);
    expect(fs.readFileSync(path.join(dir, 'attachment-key'), 'utf8')).toBe('zz'.repeat(32));
  });
});
