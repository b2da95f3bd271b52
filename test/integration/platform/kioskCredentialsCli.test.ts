// `credit-kiosk platform kiosk add|list|revoke --database …`: kiosks registered on a platform's
// store (PostgreSQL or SQLite) with a token printed once and kept hashed; the running platform
// accepts that kiosk's events, and after a revoke refuses them with KIOSK_REVOKED.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { register } from '../../../src-main/cli/commands/platform';
import { startPlatformServer } from '../../../src-main/node/platform/platformServer';
import { runCliJson } from '../../support/runCli';
import { heartbeat, post, STORE_KINDS, storeMaker, testKiosk, type StoreMaker } from './platformFixtures';

const makers: StoreMaker[] = [];
afterAll(async () => {
  for (const m of makers) await m.close();
});

describe.each(STORE_KINDS)('kiosk credentials on %s', (kind) => {
  it('adds a kiosk whose token the platform accepts, lists it, and refuses it once revoked', async () => {
    const maker = await storeMaker(kind);
    makers.push(maker);
    const { store, database } = await maker.open();
    await store.close();
    const cli = (...args: string[]) => runCliJson([register], ['platform', 'kiosk', ...args, '--database', database, '--json']);

    const added = await cli('add', 'ZB-ZD-0001');
    expect(added.exit).toBe(0);
    const { token } = added.out as { kioskId: string; token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await cli('add', 'bad id!')).out).toMatchObject({ error: { code: 'INVALID_INPUT' } });

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-kiosk-cli-'));
    const platform = await startPlatformServer({ repo: dir, store: database, queryIndex: false });
    try {
      // Only the hash is kept.
      expect(JSON.stringify(await platform.store.kioskRegistrations())).not.toContain(token);
      expect(await platform.store.kioskForToken(token)).toMatchObject({ kioskId: 'ZB-ZD-0001', revoked: false });
      const k = testKiosk('ZB-ZD-0001', dir);
      expect((await post(platform.url, token, { events: [k.event('heartbeat', heartbeat())] })).status).toBe(200);

      expect((await cli('revoke', 'ZB-ZD-0001')).out).toEqual({ kioskId: 'ZB-ZD-0001', revoked: true });
      expect((await cli('revoke', 'ZB-ZD-9999')).out).toMatchObject({ error: { code: 'UNKNOWN_KIOSK' } });
      const refused = await post(platform.url, token, { events: [k.event('heartbeat', heartbeat())] });
      expect({ status: refused.status, code: (refused.json.error as { code: string }).code }).toEqual({ status: 403, code: 'KIOSK_REVOKED' });
      // What it delivered before stays.
      expect(await platform.store.eventCount()).toBe(1);
      expect((await cli('list')).out).toEqual({ kiosks: [{ kioskId: 'ZB-ZD-0001', registeredAt: expect.any(String), revokedAt: expect.any(String), hasPublicKey: false }] });
    } finally {
      await platform.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
