// The kiosk talks to its platform over TLS pinned to the platform's CA: the sync pull,
// the online fallback and the outbox each accept the platform's certificate when the
// configured CA signed it, refuse it when another CA did, and refuse https without a CA.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerPlatform } from '../../../src-main/cli/commands/platform';
import { syntheticCodeOf } from '../../../src-main/node/cache/syntheticData';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { createOnlineClient } from '../../../src-main/node/sync/onlineClient';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient } from '../../../src-main/node/platformClient/platformClient';
import { reportIssued } from '../outbox/outboxEvents';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { runCliJson } from '../../support/runCli';
import { makeTestPki, type TestPki } from '../../support/testPki';
import { bundles, makeFixture, publish, T0, type Fixture } from './syncFixtures';

const TOKEN = 'tls-kiosk-token-0123456789';
let f: Fixture;
let pki: TestPki;
let platform: PlatformServer;

beforeAll(async () => {
  f = makeFixture();
  pki = makeTestPki(path.join(f.dir, 'pki'));
  await publish(f, bundles(12));
  platform = await startPlatformServer({ repo: f.repo, tokens: { K1: TOKEN }, tls: { cert: pki.serverCertPem, key: pki.serverKeyPem }, now: () => T0 });
});
afterAll(async () => {
  await platform?.close();
  f?.cleanup();
});

const pull = (ca?: string): ReturnType<typeof runSyncCycle> =>
  runSyncCycle({ source: httpSource({ url: `${platform.url}/repo/`, ca }), cacheFile: f.cacheFile, cacheKey: f.cacheKey, shippedRoot: f.shippedRoot(), stagingDir: f.staging, now: T0 });

describe('TLS to the platform, pinned to its CA', () => {
  it('refuses a platform whose certificate another CA signed, and keeps nothing from it', async () => {
    expect(platform.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    await expect(pull(pki.otherCaPem)).rejects.toMatchObject({ code: 'SYNC_UNTRUSTED_PLATFORM', message: expect.stringMatching(/^平台的证书不受信任.*sync\.caFile/) });
    expect(fs.existsSync(f.cacheFile)).toBe(false);

    const online = createOnlineClient({ url: platform.url, token: TOKEN, ca: pki.otherCaPem, retries: 0 });
    const answer = await online.lookup(syntheticCodeOf(1, 7));
    expect(!answer.ok && answer.error.code).toBe('ONLINE_UNAVAILABLE');

    const outbox = createOutbox({ file: path.join(f.dir, 'outbox-wrong-ca.sqlite'), key: f.cacheKey, client: createPlatformClient({ url: platform.url, token: TOKEN, ca: pki.otherCaPem }) });
    outbox.enqueue('report-issued', reportIssued(0));
    expect(await outbox.deliver()).toMatchObject({ delivered: 0, pending: 1 });
    await outbox.close();
    expect(await platform.store.eventCount()).toBe(0);
  });

  it('refuses https with no CA configured (the operating system’s store is not trusted for this)', () => {
    expect(() => httpSource({ url: `${platform.url}/repo/` })).toThrow(expect.objectContaining({ code: 'SYNC_NOT_CONFIGURED' }));
    expect(() => createOnlineClient({ url: platform.url, token: TOKEN })).toThrow(expect.objectContaining({ code: 'SYNC_NOT_CONFIGURED' }));
  });

  it('pulls and asks online with the platform’s CA', async () => {
    expect(await pull(pki.caPem)).toMatchObject({ outcome: 'applied', version: 1 });

    const asked = new Date('2026-03-02T10:00:00Z');
    const online = createOnlineClient({ url: platform.url, token: TOKEN, ca: pki.caPem, now: () => asked });
    const answer = await online.lookup(syntheticCodeOf(1, 7));
    expect(answer.ok && answer.value.provenance).toEqual({ source: 'online', askedAt: asked.toISOString() });

    const outbox = createOutbox({ file: path.join(f.dir, 'outbox.sqlite'), key: f.cacheKey, client: createPlatformClient({ url: platform.url, token: TOKEN, ca: pki.caPem }) });
    outbox.enqueue('report-issued', reportIssued(1));
    expect(await outbox.deliver()).toEqual({ delivered: 1, pending: 0 });
    await outbox.close();
    expect(await platform.store.eventCount()).toBe(1);
  });

  it('`platform serve --tls-cert --tls-key` serves https (and wants both or neither)', async () => {
    const serve = ['platform', 'serve', '--repo', f.repo, '--port', '0', '--state', path.join(f.dir, 'cli-state'), '--json'];
    expect(await runCliJson([registerPlatform], [...serve, '--tls-cert', pki.serverCertFile])).toMatchObject({ exit: 2, out: { error: { code: 'USAGE' } } });

    const before = { SIGINT: new Set(process.listeners('SIGINT')), SIGTERM: new Set(process.listeners('SIGTERM')) };
    const started = await runCliJson([registerPlatform], [...serve, '--tls-cert', pki.serverCertFile, '--tls-key', pki.serverKeyFile]);
    expect(started).toMatchObject({ exit: 0, out: { url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) } });
    const url = (started.out as { url: string }).url;
    const stopOn = (signal: 'SIGINT' | 'SIGTERM') => process.listeners(signal).find((l) => !before[signal].has(l)) as (() => void) | undefined;
    const [sigint, sigterm] = [stopOn('SIGINT'), stopOn('SIGTERM')];
    try {
      const source = httpSource({ url: `${url}/repo/`, ca: pki.caPem });
      expect((await source.fetchMeta('timestamp.json', 16_384))?.length).toBeGreaterThan(0);
    } finally {
      // What SIGTERM does, without signalling the test runner: close the server, then exit 0.
      process.removeListener('SIGINT', sigint!);
      process.removeListener('SIGTERM', sigterm!);
      const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      sigterm!();
      await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
      exit.mockRestore();
    }
  });
});
