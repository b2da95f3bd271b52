// Whether a bundle runs from a source checkout (dist/main beside src-main and
// package.json) — the developer's `npm start` — rather than from an installed build.
// Only a checkout may fall back to the demo when no config file is found.
import fs from 'node:fs';
import path from 'node:path';

export function runsFromSourceCheckout(bundleDir: string): boolean {
  const root = path.resolve(bundleDir, '..', '..');
  return fs.existsSync(path.join(root, 'package.json')) && fs.existsSync(path.join(root, 'src-main'));
}
