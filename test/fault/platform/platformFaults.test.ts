// The platform under faults, with kiosks that do what the one outbox does (keep each event
// until acknowledged, resend it as it was): the platform down for a while then back,
// PostgreSQL restarted in the middle of ingest, an acknowledgement lost on the way back.
// Every time: every event stored, none twice, no gap left.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../../../src-main/common/platform/platformEvents';
import { openPostgresPlatformStore } from '../../../src-main/node/platform/postgresPlatformStore';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import type { PlatformStore } from '../../../src-main/node/platform/platformStore';
import { privateCluster, type TestPostgres } from '../../support/postgres';
import { heartbeat, post, reportIssued, STORE_KINDS, storeMaker, testKiosk, type StoreMaker, type TestKiosk } from '../../integration/platform/platformFixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-platform-fault-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A kiosk's pending events, sent in batches until each batch is acknowledged (any failure: send it again). */
async function deliverAll(url: () => string, kiosk: TestKiosk, pending: PlatformEvent[], batch = 10): Promise<{ refusedWhileDown: string[] }> {
  const refusedWhileDown: string[] = [];
  while (pending.length > 0) {
    const events = pending.slice(0, batch);
    const res = await post(url(), kiosk.token, { events }).catch(() => null);
    if (res?.status === 200) pending.splice(0, events.length);
    else {
      if (res) refusedWhileDown.push(String((res.json.error as { code?: string } | undefined)?.code));
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { refusedWhileDown };
}

async function expectOnceEach(store: PlatformStore, kiosk: TestKiosk, sent: readonly PlatformEvent[]): Promise<void> {
  const stored = await store.events(kiosk.id);
  expect(stored.map((e) => e.id).sort()).toEqual(sent.map((e) => e.id).sort());
  expect(await store.gaps(kiosk.id)).toEqual([]);
}

describe.each(STORE_KINDS)('platform faults on %s', (kind) => {
  let maker: StoreMaker;
  const open = async (): Promise<{ store: PlatformStore; database: string }> => {
    maker = await storeMaker(kind);
    cleanups.push(() => maker.close());
    return maker.open();
  };

  it('down for a while, then back on the same database: what waited arrives, and what was sent twice is stored once', async () => {
    const dir = tempDir();
    const { store, database } = await open();
    await store.close();
    const kiosk = testKiosk('K-DOWN', dir);
    const tokens = { [kiosk.id]: kiosk.token };
    let platform: PlatformServer | null = await startPlatformServer({ repo: dir, queryIndex: false, store: database, stateDir: dir, tokens });
    cleanups.push(() => platform?.close());
    const early = [kiosk.event('heartbeat', heartbeat()), kiosk.event('report-issued', reportIssued('20261207080000AAAA0001'))];
    await deliverAll(() => platform!.url, kiosk, [...early]);
    const port = Number(new URL(platform.url).port);
    await platform.close();
    platform = null;

    // A day of events while the platform is down; the kiosk, unsure of the last answer, resends the early ones too.
    const later = Array.from({ length: 45 }, (_, i) => kiosk.event('usage-daily', { day: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, rows: [{ fn: 'self-query', staffId: null, count: i }] }));
    const queue = [...early, ...later];
    expect(await post(`http://127.0.0.1:${port}`, kiosk.token, { events: queue.slice(0, 10) }).catch(() => 'unreachable')).toBe('unreachable');
    platform = await startPlatformServer({ repo: dir, queryIndex: false, store: database, stateDir: dir, tokens, port });
    await deliverAll(() => platform!.url, kiosk, queue);
    await expectOnceEach(platform.store, kiosk, [...early, ...later]);
  });

  it('an acknowledgement lost on the way back: the redelivery is a duplicate, stored once', async () => {
    const dir = tempDir();
    const { store } = await open();
    cleanups.push(() => store.close());
    const kiosk = testKiosk('K-ACK', dir);
    const platform = await startPlatformServer({ repo: dir, queryIndex: false, store, tokens: { [kiosk.id]: kiosk.token } });
    cleanups.push(() => platform.close());
    // A proxy that passes the request on and drops the answer.
    const target = new URL(platform.url);
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port), target.hostname);
      client.pipe(upstream);
      upstream.on('data', () => client.destroy());
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => proxy.close(() => r())));
    const events = [kiosk.event('config-ack', { configVersion: 7, result: 'applied' }), kiosk.event('heartbeat', heartbeat())];
    const lost = await post(`http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, kiosk.token, { events }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    await expect.poll(() => store.eventCount()).toBe(2);
    expect(await post(platform.url, kiosk.token, { events })).toEqual({ status: 200, json: { accepted: 0, duplicates: 2, gaps: [] } });
    await expectOnceEach(store, kiosk, events);
  });

  it('one kiosk’s credentials used by another: the copy cannot take the real kiosk’s streams, sign its anchors or name itself', async () => {
    const dir = tempDir();
    const { store } = await open();
    cleanups.push(() => store.close());
    const real = testKiosk('K-REAL', dir);
    const copy = { ...testKiosk('K-COPY', dir), token: real.token };
    const platform = await startPlatformServer({ repo: dir, queryIndex: false, store, tokens: { [real.id]: { token: real.token, publicKeyPem: real.key.publicKeyPem } } });
    cleanups.push(() => platform.close());
    const mine = [real.event('heartbeat', heartbeat()), real.event('heartbeat', heartbeat({ outboxBacklog: 2 }))];
    expect((await post(platform.url, real.token, { events: mine })).status).toBe(200);
    const before = await store.eventCount();
    // The copy numbers its own streams from 1: those seqs are the real kiosk's.
    expect(await post(platform.url, copy.token, { events: [copy.event('heartbeat', heartbeat({ appVersion: '0.9.0' }))] })).toMatchObject({ status: 409, json: { error: { code: 'EVENT_CONFLICT' } } });
    expect(await post(platform.url, copy.token, { events: [copy.anchor(1, 'c'.repeat(64))] })).toMatchObject({ status: 422, json: { error: { code: 'ANCHOR_SIGNATURE_INVALID' } } });
    expect(await post(platform.url, copy.token, { events: [copy.event('config-ack', { configVersion: 1, result: 'applied' })] }, { 'x-kiosk-id': copy.id })).toMatchObject({ status: 403, json: { error: { code: 'KIOSK_MISMATCH' } } });
    expect(await store.eventCount()).toBe(before);
    await expectOnceEach(store, real, mine);
  });
});

describe('PostgreSQL restarted in the middle of ingest', () => {
  let cluster: TestPostgres;

  it('answers STORE_UNAVAILABLE while it is down, half-writes nothing, and takes every event once when it is back', async () => {
    const dir = tempDir();
    cluster = await privateCluster();
    cleanups.push(() => cluster.close());
    const db = await cluster.createDatabase();
    const store = await openPostgresPlatformStore(db.url);
    cleanups.push(() => store.close());
    const kiosks = Array.from({ length: 4 }, (_, i) => testKiosk(`K-PG-${i}`, dir));
    const platform = await startPlatformServer({ repo: dir, queryIndex: false, store, tokens: Object.fromEntries(kiosks.map((k) => [k.id, k.token])) });
    cleanups.push(() => platform.close());
    const sent = new Map(kiosks.map((k) => [k.id, Array.from({ length: 120 }, (_, i) => k.event(i % 2 ? 'heartbeat' : 'usage-daily', i % 2 ? heartbeat({ outboxBacklog: i }) : { day: '2026-12-07', rows: [{ fn: 'credit-check', staffId: 'S01', count: i }] }))]));

    const deliveries = kiosks.map((k) => deliverAll(() => platform.url, k, [...sent.get(k.id)!], 5));
    // Wait until ingest is under way, then stop the server as a crash would, and bring it back.
    await expect.poll(() => store.eventCount(), { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
    cluster.stopServer!();
    const during = await post(platform.url, kiosks[0]!.token, { events: [kiosks[0]!.event('heartbeat', heartbeat())] });
    expect(during).toMatchObject({ status: 503, json: { error: { code: 'STORE_UNAVAILABLE', message: expect.stringMatching(/^平台数据库暂不可用/) } } });
    cluster.startServer!();
    const results = await Promise.all(deliveries);
    for (const k of kiosks) await expectOnceEach(store, k, sent.get(k.id)!);
    expect(results.flatMap((r) => r.refusedWhileDown).every((code) => code === 'STORE_UNAVAILABLE')).toBe(true);
  });
});
