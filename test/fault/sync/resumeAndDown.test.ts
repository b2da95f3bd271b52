// A download cut mid-way resumes with Range; a platform that is down leaves the
// cache answering, with its time.
import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { assessFreshness } from '../../../src-main/common/sync/freshness';
import { SyncRefusal } from '../../../src-main/common/sync/trustRules';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { runSyncCycle, type SyncCycleOptions } from '../../../src-main/node/sync/syncClient';
import { readSyncMarks } from '../../../src-main/node/sync/syncMarks';
import { createOnlineClient } from '../../../src-main/node/sync/onlineClient';
import { bundles, makeFixture, publish, T0, type Fixture } from '../../integration/sync/syncFixtures';

let f: Fixture;
let platform: PlatformServer | undefined;
let proxy: http.Server | undefined;
afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  proxy = undefined;
  await platform?.close();
  platform = undefined;
  f?.cleanup();
});

/** A proxy that cuts the first package download after `cutAt` bytes and records Range headers. */
function cuttingProxy(target: string, cutAt: number): Promise<{ url: string; ranges: string[] }> {
  const ranges: string[] = [];
  let cut = false;
  proxy = http.createServer((req, res) => {
    if (req.url?.includes('/packages/') && req.headers.range) ranges.push(req.headers.range);
    const upstream = http.get(`${target}${req.url ?? '/'}`, { headers: req.headers.range ? { range: req.headers.range } : {} }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!cut && req.url?.includes('/packages/')) {
        cut = true;
        let sent = 0;
        up.on('data', (chunk: Buffer) => {
          const room = cutAt - sent;
          sent += chunk.length;
          if (room <= 0) return;
          // Flush what fits, then drop the connection: the client sees a body cut short.
          if (sent >= cutAt) {
            up.destroy();
            res.write(chunk.subarray(0, room), () => res.socket?.destroy());
          } else res.write(chunk);
        });
        return;
      }
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
  });
  return new Promise((resolve) => proxy!.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(proxy!.address() as net.AddressInfo).port}`, ranges })));
}

describe('network faults', () => {
  it('a download cut mid-way fails softly, then resumes from where it stopped', async () => {
    f = makeFixture();
    await publish(f, bundles(200, { records: 4 }));
    platform = await startPlatformServer({ repo: f.repo, tokens: {} });
    const { url, ranges } = await cuttingProxy(platform.url, 4000);
    const options: SyncCycleOptions = {
      source: httpSource({ url: `${url}/repo/` }),
      cacheFile: f.cacheFile,
      cacheKey: f.cacheKey,
      shippedRoot: f.shippedRoot(),
      stagingDir: f.staging,
      now: T0,
    };
    const err = await runSyncCycle(options).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncRefusal);
    expect((err as SyncRefusal).code).toBe('SYNC_DOWNLOAD_FAILED');
    expect(readSyncMarks(f.cacheFile).dataVersion).toBeNull();

    const result = await runSyncCycle(options);
    expect(result.outcome).toBe('applied');
    expect(ranges).toEqual(['bytes=4000-']);
  });

  it('the platform down: online answers ONLINE_UNAVAILABLE and the cache still answers with its time', async () => {
    f = makeFixture();
    await publish(f, bundles(10));
    platform = await startPlatformServer({ repo: f.repo, tokens: {} });
    const options: SyncCycleOptions = {
      source: httpSource({ url: `${platform.url}/repo/` }),
      cacheFile: f.cacheFile,
      cacheKey: f.cacheKey,
      shippedRoot: f.shippedRoot(),
      stagingDir: f.staging,
      now: T0,
    };
    await runSyncCycle(options);
    const url = platform.url;
    await platform.close();
    platform = undefined;

    const pull = await runSyncCycle({ ...options, source: httpSource({ url: `${url}/repo/` }) }).catch((e: unknown) => e);
    expect((pull as SyncRefusal).code).toBe('SYNC_DOWNLOAD_FAILED');

    const online = createOnlineClient({ url, token: 'x'.repeat(20), timeoutMs: 500, retries: 1, backoffMs: 1 });
    const answer = await online.lookup('91350100M000100Y43');
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('ONLINE_UNAVAILABLE');

    const marks = readSyncMarks(f.cacheFile);
    expect(marks.dataAsOf).toBe(T0.toISOString());
    const later = new Date(T0.getTime() + 100 * 3_600_000);
    expect(assessFreshness({ dataAsOf: marks.dataAsOf, timestampExpires: marks.timestampExpires, maxDataAgeHours: 72, now: later })).toMatchObject({ stale: true, ageHours: 100 });
  });
});
