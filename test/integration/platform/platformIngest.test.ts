// The platform takes a kiosk's events exactly once, in the same way on PostgreSQL and on
// SQLite: a redelivery is a duplicate, the same id with another body a conflict, a missing
// seq a reported gap; garbage, oversized, forged and replayed batches are refused with
// their codes and leave nothing behind; the report registry, audit anchors and fleet state
// follow the events.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJson, startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { getJson, heartbeat, post, reportIssued, STORE_KINDS, storeMaker, testKiosk, type StoreMaker, type TestKiosk } from './platformFixtures';

const REPORT = '20261207093000ABCD1234';

describe.each(STORE_KINDS)('the platform on %s', (kind) => {
  let maker: StoreMaker;
  let platform: PlatformServer;
  let a: TestKiosk;
  let b: TestKiosk;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-ingest-'));
    maker = await storeMaker(kind);
    const { store } = await maker.open();
    a = testKiosk('KIOSK-A', dir);
    b = testKiosk('KIOSK-B', dir);
    platform = await startPlatformServer({
      repo: dir,
      store,
      queryIndex: false,
      tokens: { [a.id]: { token: a.token, publicKeyPem: a.key.publicKeyPem }, [b.id]: { token: b.token, publicKeyPem: b.key.publicKeyPem } },
      now: () => new Date('2026-12-07T02:00:00Z'),
      // The fleet view's mount point: its own routes under /v1/fleet/, reading this store.
      mounts: [{ prefix: '/v1/fleet/', handle: async (_req, res, { url, store }) => sendJson(res, 200, { path: url.pathname, kiosks: (await store.latestHeartbeats()).map((h) => h.kioskId) }) }],
    });
  });
  afterAll(async () => {
    await platform?.close();
    await platform?.store.close();
    await maker?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores a batch once; a redelivery counts as duplicates; the same id with another body is a conflict and stores nothing', async () => {
    const events = [a.event('heartbeat', heartbeat()), a.event('report-issued', reportIssued(REPORT))];
    expect(await post(platform.url, a.token, { events })).toEqual({ status: 200, json: { accepted: 2, duplicates: 0, gaps: [] } });
    expect(await post(platform.url, a.token, { events })).toEqual({ status: 200, json: { accepted: 0, duplicates: 2, gaps: [] } });
    const before = await platform.store.eventCount();
    const fresh = a.event('heartbeat', heartbeat({ outboxBacklog: 4 }));
    const altered = { ...events[0]!, payload: heartbeat({ printer: 'stopped' }) };
    const refused = await post(platform.url, a.token, { events: [fresh, altered] });
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'EVENT_CONFLICT', eventId: altered.id, message: expect.stringMatching(/^同一事件编号内容不同 \/ .*different body/) } } });
    expect(await platform.store.eventCount()).toBe(before);
    expect((await post(platform.url, a.token, { events: [fresh] })).json).toMatchObject({ accepted: 1 });
  });

  it('reports a missing seq as a gap and closes it when the event arrives', async () => {
    const first = a.event('usage-daily', { day: '2026-12-06', rows: [{ fn: 'self-query', staffId: null, count: 3 }] });
    const lost = a.event('usage-daily', { day: '2026-12-07', rows: [{ fn: 'credit-check', staffId: 'S01', count: 2 }] });
    const third = a.event('usage-daily', { day: '2026-12-07', rows: [{ fn: 'credit-check', staffId: 'S01', count: 5 }] });
    expect((await post(platform.url, a.token, { events: [first, third] })).json).toEqual({ accepted: 2, duplicates: 0, gaps: [{ stream: 'usage', from: 2, to: 2 }] });
    expect(await platform.store.gaps(a.id)).toEqual([{ stream: 'usage', from: 2, to: 2 }]);
    expect((await post(platform.url, a.token, { events: [lost] })).json).toEqual({ accepted: 1, duplicates: 0, gaps: [] });
    // The day sent again as it grew: the newest seq stands, whatever order they arrived in.
    expect(await platform.store.usageRows('2026-12-06', '2026-12-07')).toEqual([
      { day: '2026-12-06', kioskId: a.id, fn: 'self-query', staffId: null, count: 3 },
      { day: '2026-12-07', kioskId: a.id, fn: 'credit-check', staffId: 'S01', count: 5 },
    ]);
    expect(await platform.store.usageRows('2026-12-07', '2026-12-07')).toHaveLength(1);
  });

  it('refuses garbage, oversized, forged and replayed batches with their codes, storing nothing', async () => {
    const before = await platform.store.eventCount();
    const ok = () => a.event('config-ack', { configVersion: 4, result: 'applied' });
    const cases: Array<[string, Promise<{ status: number; json: Record<string, unknown> }>, number, string]> = [
      ['not JSON', post(platform.url, a.token, '{"events": [tru'), 400, 'INVALID_INPUT'],
      ['no events', post(platform.url, a.token, { events: [] }), 400, 'EVENTS_INVALID'],
      ['a kiosk id in the body', post(platform.url, a.token, { kioskId: b.id, events: [ok()] }), 400, 'EVENTS_INVALID'],
      ['an unknown type', post(platform.url, a.token, { events: [{ ...ok(), type: 'credit-score' }] }), 400, 'EVENTS_INVALID'],
      ['a payload off the contract', post(platform.url, a.token, { events: [ok(), a.event('heartbeat', { ...heartbeat(), reader: 'maybe' } as never)] }), 400, 'EVENTS_INVALID'],
      ['oversized', post(platform.url, a.token, { events: [a.event('objection', { text: 'x'.repeat(1_100_000) } as never)] }), 413, 'PAYLOAD_TOO_LARGE'],
      ['no credential', post(platform.url, null, { events: [ok()] }), 401, 'UNAUTHORIZED'],
      ['an unknown credential', post(platform.url, 'not-a-registered-token-at-all', { events: [ok()] }), 401, 'UNAUTHORIZED'],
      ['posting as another kiosk', post(platform.url, a.token, { events: [ok()] }, { 'x-kiosk-id': b.id }), 403, 'KIOSK_MISMATCH'],
      ['an anchor signed with another kiosk’s key', post(platform.url, a.token, { events: [b.anchor(3, 'e'.repeat(64))] }), 422, 'ANCHOR_SIGNATURE_INVALID'],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect({ name, status: res.status, code: (res.json.error as { code: string }).code }).toEqual({ name, status, code });
      expect((res.json.error as { message: string }).message).toMatch(/^\p{Script=Han}/u); // Chinese first
    }
    // Another kiosk replaying A's event (its id) with its own credential; a seq already taken by another id.
    const [mine] = await platform.store.events(a.id, 'heartbeat');
    const replayed = await post(platform.url, b.token, { events: [{ id: mine!.id, type: mine!.type, seq: mine!.seq, at: mine!.at, payload: mine!.payload }] });
    expect(replayed).toMatchObject({ status: 409, json: { error: { code: 'EVENT_CONFLICT', message: expect.stringContaining('another kiosk') } } });
    const reseq = await post(platform.url, a.token, { events: [{ ...a.event('heartbeat', heartbeat()), seq: 1 }] });
    expect(reseq).toMatchObject({ status: 409, json: { error: { code: 'EVENT_CONFLICT' } } });
    expect(await platform.store.eventCount()).toBe(before);
    expect(await platform.store.events(b.id)).toEqual([]);
  });

  it('answers a report check: genuine with the masked subject, when and by which kiosk; a number it never saw is not genuine', async () => {
    expect(await getJson(`${platform.url}/v1/reports/${REPORT}`)).toEqual({
      status: 200,
      json: { genuine: true, reportNumber: REPORT, edition: 'standard', subject: { kind: 'enterprise', maskedCode: '91370100MA******0X' }, issuedAt: '2026-12-07T09:30:00+08:00', kioskId: a.id, digest: 'cd'.repeat(32) },
    });
    expect(await getJson(`${platform.url}/v1/reports/20261207093000ZZZZ9999`)).toMatchObject({ status: 404, json: { genuine: false, error: { code: 'REPORT_NOT_FOUND' } } });
    expect(await getJson(`${platform.url}/v1/reports/not-a-number`)).toMatchObject({ status: 400, json: { error: { code: 'INVALID_INPUT' } } });
    // Another kiosk claiming the same number with another event is refused.
    const claim = await post(platform.url, b.token, { events: [b.event('report-issued', { ...reportIssued(REPORT), digest: 'ef'.repeat(32) })] });
    expect(claim).toMatchObject({ status: 409, json: { error: { code: 'REPORT_CONFLICT' } } });
  });

  it('keeps each kiosk’s audit anchors in order and flags one that goes back', async () => {
    await post(platform.url, a.token, { events: [a.anchor(5, '1'.repeat(64)), a.anchor(9, '2'.repeat(64))] });
    const latest = await getJson(`${platform.url}/v1/kiosks/${a.id}/audit-anchors/latest`, a.token);
    expect(latest).toMatchObject({ status: 200, json: { kioskId: a.id, entries: 9, head: '2'.repeat(64), keyId: a.key.keyId, regressed: false, regressions: 0 } });
    await post(platform.url, a.token, { events: [a.anchor(4, '3'.repeat(64))] });
    expect(await platform.store.latestAuditAnchor(a.id)).toMatchObject({ entries: 4, regressed: true });
    expect(await getJson(`${platform.url}/v1/kiosks/${a.id}/audit-anchors/latest`, b.token)).toMatchObject({ status: 403, json: { error: { code: 'KIOSK_MISMATCH' } } });
    expect(await getJson(`${platform.url}/v1/kiosks/${b.id}/audit-anchors/latest`, b.token)).toMatchObject({ status: 404, json: { error: { code: 'ANCHOR_NOT_FOUND' } } });
  });

  it('keeps the fleet state by seq, not by the kiosk’s clock (a clock a day off)', async () => {
    await post(platform.url, b.token, { events: [b.event('heartbeat', heartbeat({ appVersion: '1.4.0' }), '2026-12-07T10:00:00+08:00')] });
    await post(platform.url, b.token, { events: [b.event('heartbeat', heartbeat({ appVersion: '1.5.0' }), '2026-12-06T10:05:00+08:00')] });
    await post(platform.url, b.token, { events: [b.event('config-ack', { configVersion: 5, result: 'refused', reason: 'signature' })] });
    const beats = await platform.store.latestHeartbeats();
    expect(beats.find((h) => h.kioskId === b.id)).toEqual({ kioskId: b.id, at: '2026-12-06T10:05:00+08:00', receivedAt: '2026-12-07T02:00:00.000Z', payload: heartbeat({ appVersion: '1.5.0' }) });
    expect(beats.find((h) => h.kioskId === a.id)?.payload.outboxBacklog).toBe(4);
    expect((await platform.store.configAcks()).map((c) => [c.kioskId, c.payload])).toEqual([[b.id, { configVersion: 5, result: 'refused', reason: 'signature' }]]);
  });

  it('hands /v1/fleet/ to the fleet view’s mount, with the store', async () => {
    expect(await getJson(`${platform.url}/v1/fleet/kiosks`)).toEqual({ status: 200, json: { path: '/v1/fleet/kiosks', kiosks: [a.id, b.id] } });
  });
});
