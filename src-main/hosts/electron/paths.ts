// Where the bundle's companions live. The main bundle is dist/main/electron-main.cjs;
// the preload sits beside it and the renderer in dist/renderer. Packaged, dist/ is
// inside app.asar (Electron's fs reads it) while resources/ is copied by
// electron-builder's extraResources next to it, outside the archive, so SQLite
// files and fonts are real files.
import path from 'node:path';

export interface HostPaths {
  /** dist/renderer: what app://kiosk/ serves. */
  rendererDir: string;
  /** dist/main/preload.cjs */
  preloadPath: string;
  /** resources/ (demo data, reader profiles, fonts) handed to the runtime. */
  resourcesDir: string;
}

export interface PathInputs {
  /** Directory of the running main bundle (its __dirname). */
  bundleDir: string;
  isPackaged: boolean;
  /** process.resourcesPath; only read when packaged. */
  resourcesPath?: string;
}

export const PRELOAD_FILE = 'preload.cjs';

export function resolveHostPaths({ bundleDir, isPackaged, resourcesPath }: PathInputs): HostPaths {
  const distDir = path.resolve(bundleDir, '..');
  let resourcesDir: string;
  if (isPackaged) {
    if (!resourcesPath) throw new Error('process.resourcesPath is missing in a packaged app');
    resourcesDir = path.join(resourcesPath, 'resources');
  } else {
    resourcesDir = path.resolve(distDir, '..', 'resources');
  }
  return {
    rendererDir: path.join(distDir, 'renderer'),
    preloadPath: path.join(bundleDir, PRELOAD_FILE),
    resourcesDir,
  };
}
