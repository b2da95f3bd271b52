// The fuses of the packaged kiosk binary, read the way `npm run dist` reads them:
// electron-builder's own loader on the config file the dist script names. A fuse
// weakened, or a new one left undecided, fails here before a build ships it.
import fs from 'node:fs';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../..');

async function distConfig(): Promise<Configuration> {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const configFile = /electron-builder .*--config (\S+)/.exec(scripts.dist ?? '')?.[1];
  if (!configFile) throw new Error('the dist script names no electron-builder --config file');
  return getConfig(ROOT, configFile, null);
}

/** Each fuse that guards the kiosk, at the only setting that guards it. */
const GUARDS = {
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node interpreter.
  runAsNode: false,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  enableNodeOptionsEnvironmentVariable: false,
  // --inspect (and SIGUSR1) would open a debugger on the main process.
  enableNodeCliInspectArguments: false,
  // app.asar must match the hash recorded at build time ...
  enableEmbeddedAsarIntegrityValidation: true,
  // ... and no loose app/ folder may stand in for it.
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

describe('electron-builder.yml: the fuses of the packaged binary', () => {
  it('holds every guarding fuse at its guarding setting', async () => {
    const fuses = (await distConfig()).electronFuses;
    expect(fuses).toMatchObject(GUARDS);
  });

  it('decides every fuse electron-builder can flip (a new one must be looked at, not left to its default)', async () => {
    const fuses = ((await distConfig()).electronFuses ?? {}) as Record<string, unknown>;
    const schema = JSON.parse(fs.readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties).filter((name) => name !== 'resetAdHocDarwinSignature');
    expect(known).toEqual(expect.arrayContaining(Object.keys(GUARDS)));
    for (const name of known) expect({ fuse: name, value: typeof fuses[name] }).toEqual({ fuse: name, value: 'boolean' });
  });

  it('packs an app.asar and records its integrity (the integrity fuse has nothing to check otherwise)', async () => {
    const config = await distConfig();
    expect(config.asar).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  // Compiling electron-builder's schema takes seconds on a busy machine.
  it('is a configuration electron-builder accepts', { timeout: 120_000 }, async () => {
    await expect(validateConfiguration(await distConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });
});
