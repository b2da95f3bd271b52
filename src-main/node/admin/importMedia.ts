// The removable media an operator may import from: the folders under the configured
// import roots (/media, /run/media …) that hold a sync repository, found a few levels
// down (/media/<user>/<label>/<folder>), so the console offers them to tap instead of
// asking for a path on a screen with no keyboard.
import fs from 'node:fs';
import path from 'node:path';
import type { ImportMedium } from '../../common/contract/adminApi';
import { TIMESTAMP_FILE } from '../sync/repoLayout';

const MAX_DEPTH = 3;
const MAX_MEDIA = 50;

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return []; // an unreadable or vanished mount is simply not offered
  }
}

/** Folders holding a sync repository under each root, labelled by their path below the root. */
export function findImportMedia(roots: readonly string[]): ImportMedium[] {
  const found: ImportMedium[] = [];
  const visit = (root: string, dir: string, depth: number): void => {
    if (found.length >= MAX_MEDIA) return;
    if (fs.existsSync(path.join(dir, TIMESTAMP_FILE))) {
      found.push({ path: dir, label: path.relative(root, dir) || path.basename(dir) });
      return;
    }
    if (depth < MAX_DEPTH) for (const sub of subfolders(dir)) visit(root, sub, depth + 1);
  };
  for (const root of roots.map((r) => path.resolve(r))) visit(root, root, 0);
  return found;
}
