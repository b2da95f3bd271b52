import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveHostPaths } from '../../../../src-main/hosts/electron/paths';

const root = path.resolve('/opt/kiosk-test');

describe('resolveHostPaths', () => {
  it('finds the renderer, preload and resources relative to dist/main when unpackaged', () => {
    const paths = resolveHostPaths({ bundleDir: path.join(root, 'dist', 'main'), isPackaged: false });
    expect(paths).toEqual({
      rendererDir: path.join(root, 'dist', 'renderer'),
      preloadPath: path.join(root, 'dist', 'main', 'preload.cjs'),
      resourcesDir: path.join(root, 'resources'),
    });
  });

  it('reads resources from process.resourcesPath when packaged', () => {
    const asar = path.join(root, 'resources-path', 'app.asar');
    const paths = resolveHostPaths({
      bundleDir: path.join(asar, 'dist', 'main'),
      isPackaged: true,
      resourcesPath: path.join(root, 'resources-path'),
    });
    expect(paths.rendererDir).toBe(path.join(asar, 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(path.join(asar, 'dist', 'main', 'preload.cjs'));
    expect(paths.resourcesDir).toBe(path.join(root, 'resources-path', 'resources'));
  });

  it('refuses a packaged start without a resources path', () => {
    expect(() => resolveHostPaths({ bundleDir: root, isPackaged: true })).toThrow(/resourcesPath/);
  });
});
