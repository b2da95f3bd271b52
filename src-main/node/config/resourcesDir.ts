// Where resources/ (demo data, reader profiles, report config) lives: beside the
// bundle (dist/main → ../../resources), beside the sources, in a packaged app
// (process.resourcesPath/resources), or as the environment says.
import fs from 'node:fs';
import path from 'node:path';

export function findResourcesDir(env: Record<string, string | undefined> = process.env, cwd: string = process.cwd()): string {
  const here = typeof __dirname === 'string' ? __dirname : cwd;
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    env.CREDIT_KIOSK_RESOURCES_DIR,
    packaged && path.join(packaged, 'resources'),
    path.resolve(here, '../../resources'),
    path.resolve(here, '../../../resources'),
    path.resolve(cwd, 'resources'),
  ];
  const found = candidates.find((dir): dir is string => typeof dir === 'string' && dir !== '' && fs.existsSync(path.join(dir, 'demo')));
  if (!found) throw new Error('找不到 resources 目录 / resources folder not found (set CREDIT_KIOSK_RESOURCES_DIR)');
  return found;
}
