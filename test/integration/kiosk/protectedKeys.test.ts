// The kiosk started with an OS-protected KeyStore (here the root-owned key file; the
// same path serves systemd-creds and safeStorage): it runs, and its data folder holds
// no key in clear — only sealed blobs — across a restart.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modeDataDir } from '../../../src-main/node/config/dataFolders';
import { loadKioskConfig, type KioskConfig } from '../../../src-main/node/config/kioskConfig';
import { plainKeyFile } from '../../../src-main/node/keys/keyFiles';
import { KEY_NAMES } from '../../../src-main/node/keys/keyStore';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const temp = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
};

// The key file must be root's: only a root test run can install one.
describe.skipIf(process.getuid?.() !== 0)('a kiosk with its keys in a root-owned key file', () => {
  it('signs staff in and keeps every key sealed, across a restart', async () => {
    const dataDir = temp('kiosk-keys-');
    const keyFile = path.join(temp('kiosk-master-'), 'master.key');
    fs.writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o640 });
    const config: KioskConfig = { ...loadKioskConfig({ dataDir, env: {} }), keys: { store: 'key-file', keyFile } };

    for (let start = 0; start < 2; start++) {
      const runtime = await createKioskRuntime({ config, resourcesDir: RESOURCES, logger: silentLogger() });
      try {
        const signedIn = await runtime.api.signIn({ by: 'pin', staffNo: 'D001', pin: '246810' });
        expect(signedIn.ok && signedIn.value.signedIn).toBe(true);
      } finally {
        await runtime.close();
      }
      // A demo config keeps its state in the demo's own folder (config/dataFolders.ts).
      const stateDir = modeDataDir(config);
      for (const name of KEY_NAMES) expect(fs.existsSync(plainKeyFile(stateDir, name)), name).toBe(false);
      // The report key is made by the start-up warm-up in the background: there or not yet, never in clear.
      const sealed = fs.readdirSync(path.join(stateDir, 'keys'));
      expect(sealed).toEqual(expect.arrayContaining(['cache.key-file', 'pin-pepper.key-file', 'subject.key-file']));
      expect(sealed.every((name) => /^(cache|pin-pepper|subject|report-signing)\.key-file$/.test(name)), sealed.join()).toBe(true);
    }
  });
});
