// `npm run dist` rebuilds better-sqlite3, node-hid and serialport for Electron's ABI
// (electron-builder → @electron/rebuild → node-abi). A node-abi that does not know the
// installed Electron would build the addons for the wrong ABI, and the packaged kiosk
// would fail to open its cache: bump electron-builder with Electron.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('packaging: the native rebuild knows the installed Electron', () => {
  it("maps Electron's version to the ABI its binary reports", async () => {
    const electronDir = path.dirname(require.resolve('electron/package.json'));
    const version = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
    const abi = fs.readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim();
    const fromRebuild = createRequire(require.resolve('@electron/rebuild'));
    const nodeAbi = (await import(pathToFileURL(fromRebuild.resolve('node-abi')).href)) as { getAbi(target: string, runtime: string): string };
    expect(nodeAbi.getAbi(version, 'electron')).toBe(abi);
  });
});
