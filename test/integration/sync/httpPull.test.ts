// Kiosk and reference platform over real HTTP on loopback: pull, Range, the online API, events.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticCodeOf } from '../../../src-main/node/cache/syntheticData';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { bundles, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
let platform: PlatformServer | undefined;
const TOKEN = 'test-token-0123456789abcdef';
afterEach(async () => {
  await platform?.close();
  platform = undefined;
  f?.cleanup();
});

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('HTTP pull from the reference platform', () => {
  it('pulls, verifies and applies a release; serves Range; answers the online API; takes events once', async () => {
    f = makeFixture();
    await publish(f, bundles(40));
    platform = await startPlatformServer({ repo: f.repo, tokens: { 'KIOSK-1': TOKEN }, now: () => T0 });
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const result = await runSyncCycle({
      source: httpSource({ url: `${platform.url}/repo/` }),
      cacheFile: f.cacheFile,
      cacheKey: f.cacheKey,
      shippedRoot: f.shippedRoot(),
      stagingDir: f.staging,
      now: T0,
    });
    expect(result).toMatchObject({ outcome: 'applied', version: 1 });

    const range = await request(`${platform.url}/repo/timestamp.json`, { headers: { Range: 'bytes=0-9' } });
    expect(range.status).toBe(206);
    expect(range.body.length).toBe(10);
    expect(range.headers['content-range']).toMatch(/^bytes 0-9\/\d+$/);
    expect((await request(`${platform.url}/repo/../secret`)).status).toBe(404);

    const code = syntheticCodeOf(2, 7);
    expect((await request(`${platform.url}/v1/subjects/${code}`)).status).toBe(401);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const found = await request(`${platform.url}/v1/subjects/${code}`, { headers: auth });
    expect(found.status).toBe(200);
    expect(JSON.parse(found.body.toString())).toMatchObject({ subject: { id: 'syn-7-2' }, askedAt: T0.toISOString() });
    const search = await request(`${platform.url}/v1/search?q=${encodeURIComponent('公司')}`, { headers: auth });
    expect(search.status).toBe(200);

    const batch = JSON.stringify({ events: [{ id: 'evt-00000001', type: 'config-ack', seq: 1, at: T0.toISOString(), payload: { configVersion: 3, result: 'applied' } }] });
    const base = platform.url;
    const post = (): ReturnType<typeof request> => request(`${base}/v1/events`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: batch });
    expect(JSON.parse((await post()).body.toString())).toEqual({ accepted: 1, duplicates: 0, gaps: [] });
    expect(JSON.parse((await post()).body.toString())).toEqual({ accepted: 0, duplicates: 1, gaps: [] });
    expect(await platform.store.eventCount()).toBe(1);
  });
});
