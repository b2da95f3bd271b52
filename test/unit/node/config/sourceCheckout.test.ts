// Only a bundle inside a source checkout may fall back to the demo: an installed tree
// (no src-main beside dist/) counts as packaged.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runsFromSourceCheckout } from '../../../../src-main/node/config/sourceCheckout';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tree(entries: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'checkout-'));
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'dist', 'main'), { recursive: true });
  for (const e of entries) {
    if (e.endsWith('/')) fs.mkdirSync(path.join(root, e), { recursive: true });
    else fs.writeFileSync(path.join(root, e), '{}');
  }
  return path.join(root, 'dist', 'main');
}

describe('runsFromSourceCheckout', () => {
  it('is true for dist/main beside package.json and src-main', () => {
    expect(runsFromSourceCheckout(tree(['package.json', 'src-main/']))).toBe(true);
  });

  it('is false for an installed tree without the sources', () => {
    expect(runsFromSourceCheckout(tree(['package.json']))).toBe(false);
    expect(runsFromSourceCheckout(tree([]))).toBe(false);
  });

  it('is true for this repository’s own bundle folder', () => {
    expect(runsFromSourceCheckout(path.resolve(__dirname, '../../../../dist/main'))).toBe(true);
  });
});
