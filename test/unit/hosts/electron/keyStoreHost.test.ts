// The Electron host hands its safeStorage to the kiosk's KeyStore (config keys.store
// "safe-storage"): the keys are sealed and opened through Electron 45's asynchronous
// encryptor, never the deprecated synchronous calls.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronKeyStoreHost } from '../../../../src-main/hosts/electron/keyStoreHost';
import { KEY_NAMES } from '../../../../src-main/node/keys/keyStore';
import { openKioskKeyStore } from '../../../../src-main/node/keys/openKeyStore';
import { fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let dataDir: string;
beforeEach(() => {
  resetFakeElectron();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-safe-storage-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the Electron host’s key store', () => {
  it('seals and opens every key with the asynchronous safeStorage API', async () => {
    const config = { dataDir, keys: { store: 'safe-storage' as const } };
    const first = await openKioskKeyStore(config, electronKeyStoreHost());
    const pepper = first.ensure('pin-pepper', () => Buffer.from('unused'));
    expect(fake.safeStorage.asyncCalls).toContain('encryptStringAsync');
    const again = await openKioskKeyStore(config, electronKeyStoreHost());
    expect(again.ensure('pin-pepper', () => Buffer.from('unused'))).toEqual(pepper);
    expect(fake.safeStorage.asyncCalls.filter((c) => c === 'decryptStringAsync').length).toBeGreaterThanOrEqual(2 * KEY_NAMES.length);
    expect(fake.safeStorage.syncCalls).toEqual([]);
    for (const name of KEY_NAMES) expect(fs.existsSync(path.join(dataDir, 'keys', `${name}.safe-storage`)), name).toBe(true);
  });
});
