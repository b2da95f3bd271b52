// The one platform client, as every path uses it: a platform whose certificate another
// CA signed is named as untrusted (Chinese first) on the repository pull, the online
// lookup, the outbox delivery and a plain call (the fleet configuration's path); a
// platform trickling its answer is cut at the whole-request deadline; the breaker opens
// after consecutive outages, spares the platform while open, and closes once it answers.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient } from '../../../src-main/node/platformClient/platformClient';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { createOnlineClient } from '../../../src-main/node/sync/onlineClient';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { makeTestPki, type TestPki } from '../../support/testPki';
import { reportIssued } from '../outbox/outboxEvents';
import { startTricklingServer, type TricklingServer } from '../tricklingServer';

const TOKEN = 'client-kiosk-token-0123456789';
const UNTRUSTED = /^平台的证书不受信任/;
let dir: string;
let pki: TestPki;
let platform: PlatformServer;
let trickling: TricklingServer | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-client-'));
  pki = makeTestPki(path.join(dir, 'pki'));
  fs.mkdirSync(path.join(dir, 'repo'));
  platform = await startPlatformServer({ repo: path.join(dir, 'repo'), tokens: { K1: TOKEN }, stateDir: path.join(dir, 'state'), queryIndex: false, tls: { cert: pki.serverCertPem, key: pki.serverKeyPem } });
});
afterAll(async () => {
  await platform?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await trickling?.close();
  trickling = undefined;
});

describe('an untrusted platform certificate is named as such on every path', () => {
  it('pull, online lookup, outbox delivery and a plain call all say the certificate is not trusted; the breaker stays closed', async () => {
    const client = createPlatformClient({ url: platform.url, token: TOKEN, ca: pki.otherCaPem });
    await expect(httpSource({ client }).fetchMeta('timestamp.json', 16_384)).rejects.toMatchObject({ code: 'SYNC_UNTRUSTED_PLATFORM', message: expect.stringMatching(UNTRUSTED) });

    const online = await createOnlineClient({ client, retries: 2 }).lookup('91350100M000100Y43');
    expect(online).toMatchObject({ ok: false, error: { code: 'ONLINE_UNAVAILABLE', message: expect.stringContaining('平台的证书不受信任') } });

    const outbox = createOutbox({ file: path.join(dir, 'outbox-untrusted.sqlite'), key: Buffer.alloc(32, 1), client });
    outbox.enqueue('report-issued', reportIssued(1));
    expect(await outbox.deliver()).toMatchObject({ delivered: 0, pending: 1, error: expect.stringMatching(UNTRUSTED) });
    expect(outbox.status()).toMatchObject({ pending: 1, lastError: expect.stringMatching(UNTRUSTED) });
    await outbox.close();

    await expect(client.call({ path: 'v1/fleet/config', deadlineMs: 3000 })).rejects.toMatchObject({ code: 'PLATFORM_UNTRUSTED', message: expect.stringMatching(UNTRUSTED) });
    // Not an outage: retrying would not help, and the breaker must not hide the cause behind "paused".
    expect(client.breakerState).toBe('closed');
    expect(await platform.store.eventCount()).toBe(0);
    await client.close();
  });
});

describe('whole-request deadline', () => {
  it('cuts an outbox delivery to a platform trickling its answer, and keeps the events', async () => {
    trickling = await startTricklingServer();
    const client = createPlatformClient({ url: trickling.url, token: TOKEN });
    const outbox = createOutbox({ file: path.join(dir, 'outbox-trickle.sqlite'), key: Buffer.alloc(32, 2), client, deadlineMs: 800, retries: 0 });
    outbox.enqueue('report-issued', reportIssued(2));
    const result = await outbox.deliver();
    expect(result).toMatchObject({ delivered: 0, pending: 1, error: expect.stringContaining('限定时间') });
    expect(trickling.requests()).toBe(1);
    await outbox.close();
    await client.close();
  }, 15_000);

  it('cuts a plain call, retries included', async () => {
    trickling = await startTricklingServer();
    const client = createPlatformClient({ url: trickling.url, breaker: { failures: 100 } });
    await expect(client.call({ path: 'v1/fleet/config', deadlineMs: 800, retries: 3, backoffMs: 50 })).rejects.toMatchObject({ code: 'PLATFORM_DEADLINE' });
    await client.close();
  }, 15_000);
});

describe('circuit breaker', () => {
  it('opens after consecutive outages, does not ask while open, and closes when the platform answers again', async () => {
    let requests = 0;
    let healthy = false;
    const server = http.createServer((_req, res) => {
      requests += 1;
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const client = createPlatformClient({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, breaker: { failures: 2, coolOffMs: 300 } });
    try {
      const call = () => client.call({ path: 'v1/fleet/config', deadlineMs: 3000 });
      await expect(call()).rejects.toMatchObject({ code: 'PLATFORM_BUSY' });
      await expect(call()).rejects.toMatchObject({ code: 'PLATFORM_BUSY' });
      expect(client.breakerState).toBe('open');
      await expect(call()).rejects.toMatchObject({ code: 'PLATFORM_BREAKER_OPEN', message: expect.stringContaining('HTTP 503') });
      expect(requests).toBe(2);

      healthy = true;
      await expect.poll(async () => (await call().catch(() => null))?.status, { timeout: 10_000, interval: 100 }).toBe(200);
      expect(client.breakerState).toBe('closed');
    } finally {
      await client.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
