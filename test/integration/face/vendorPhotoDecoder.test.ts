// A vendor photo decoder named in the config is the one the reader uses: a helper
// process speaking the fixed protocol (docs/readers.md), played here by a small script.
// The demo card 'card-hmt' has no demo photo, so only the configured helper can give it one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { createVendorPhotoDecoder } from '../../../src-main/node/face/vendorPhotoDecoder';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { decodePhoto } from '../../../native/reader/photo';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const HELPER = path.join(__dirname, 'fixtures/fakeVendorDecoder.mjs');
const PICTURE = path.join(RESOURCES, 'demo/photos/card-lin.jpg');
const helper = (mode: string, timeoutMs = 2000) => ({ kind: 'process' as const, command: process.execPath, args: [HELPER, mode], timeoutMs });
let runtime: KioskRuntime | null = null;
let dataDir = '';

afterEach(async () => {
  await runtime?.close();
  runtime = null;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  dataDir = '';
});

describe('the vendor photo decoder helper', () => {
  it('answers the picture for the WLT bytes', async () => {
    const photo = await decodePhoto(new Uint8Array(1024).fill(7), createVendorPhotoDecoder(helper(PICTURE)));
    expect(photo).toMatchObject({ format: 'jpeg', decoded: true });
    expect(Buffer.from(photo.data!, 'base64').equals(fs.readFileSync(PICTURE))).toBe(true);
  });

  it('a refusal or a helper that never answers leaves the WLT bytes (the card is kept, the face step goes to the counter)', async () => {
    for (const decoder of [createVendorPhotoDecoder(helper('--refuse')), createVendorPhotoDecoder(helper('--hang', 300))]) {
      expect(await decodePhoto(new Uint8Array(1024), decoder)).toMatchObject({ format: 'wlt', decoded: false });
    }
  });

  it('a helper that cannot be started is "cannot decode"', async () => {
    const missing = createVendorPhotoDecoder({ kind: 'process', command: path.join(os.tmpdir(), 'no-such-vendor-helper'), args: [], timeoutMs: 2000 });
    expect(await missing.decode(new Uint8Array(1024))).toBeNull();
  });

  it('configured, the reader uses it: the face step receives the helper\'s picture', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-vendor-photo-'));
    const configPath = path.join(dataDir, 'config.json');
    fs.writeFileSync(
      configPath,
      JSON.stringify({ printer: { kind: 'file', dir: path.join(dataDir, 'printed') }, reader: { kind: 'simulated', photoDecoder: helper(PICTURE) }, faceCheck: { required: { self: true, enterprise: true, 'citizen-service': true } } }),
    );
    runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {}, configPath }), resourcesDir: RESOURCES, logger: silentLogger() });
    const api = runtime.api;
    const inserted = new Promise<Extract<KioskEvent, { type: 'card-inserted' }>>((resolve) => {
      const off = api.subscribe((e) => {
        if (e.type === 'card-inserted') {
          off();
          resolve(e);
        }
      });
    });
    await api.placeDemoCard({ cardId: 'card-hmt' });
    const session = (await inserted).session;
    const begun = await api.beginFaceCheck({ sessionId: session.id, fn: 'self' });
    expect(begun).toMatchObject({ ok: true, value: { required: true, photo: { format: 'jpeg' } } });
    expect(begun.ok && Buffer.from(begun.value.photo!.data, 'base64').equals(fs.readFileSync(PICTURE))).toBe(true);
  });
});
