// The online client answers with provenance; the sync service runs a pull and reports
// status and events. (Exactly-once delivery: the one outbox's tests and test/fault/platform.)
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import { KioskConfigSchema, type KioskConfig } from '../../../src-main/node/config/kioskConfig';
import { syntheticCodeOf } from '../../../src-main/node/cache/syntheticData';
import { EventHub } from '../../../src-main/node/kiosk/eventHub';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createOnlineClient } from '../../../src-main/node/sync/onlineClient';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient } from '../../../src-main/node/platformClient/platformClient';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { createSyncService } from '../../../src-main/node/sync/syncService';
import { checkRecord, reportIssued } from '../outbox/outboxEvents';
import { bundles, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
let platform: PlatformServer | undefined;
const TOKEN = 'kiosk-token-abcdefghijklmnop';
afterEach(async () => {
  await platform?.close();
  platform = undefined;
  f?.cleanup();
});

describe('outbox, online fallback, sync service', () => {
  it('delivers each event once, even when a batch is re-sent after the platform was down', async () => {
    f = makeFixture();
    await publish(f, bundles(5));
    const state = path.join(f.dir, 'platform-state');
    platform = await startPlatformServer({ repo: f.repo, tokens: { K1: TOKEN }, stateDir: state });
    const url = platform.url;
    const client = createPlatformClient({ url, token: TOKEN, breaker: { coolOffMs: 10 } });
    const outbox = createOutbox({ file: path.join(f.dir, 'outbox.sqlite'), key: f.cacheKey, client, retries: 0 });
    const id = outbox.enqueue('check-record', checkRecord(1));
    outbox.enqueue('report-issued', reportIssued(1));
    await platform.close();
    platform = undefined;
    expect((await outbox.deliver()).pending).toBe(2);
    const port = Number(new URL(url).port);
    platform = await startPlatformServer({ repo: f.repo, tokens: { K1: TOKEN }, stateDir: state, port });
    await expect.poll(() => outbox.deliver(), { timeout: 10_000 }).toEqual({ delivered: 2, pending: 0 });
    // The same id again (a crash between the platform's answer and our commit): stored once.
    outbox.enqueue('check-record', checkRecord(2), { id });
    expect(await platform.store.eventCount()).toBe(2);
    await outbox.close();
    await client.close();
  });

  it('online lookup carries {source: online, askedAt}; the service pulls and reports', async () => {
    f = makeFixture();
    await publish(f, bundles(8));
    platform = await startPlatformServer({ repo: f.repo, tokens: { K1: TOKEN } });
    const asked = new Date('2026-03-02T10:00:00Z');
    const online = createOnlineClient({ url: platform.url, token: TOKEN, now: () => asked });
    const answer = await online.lookup(syntheticCodeOf(1, 7));
    expect(answer.ok && answer.value.provenance).toEqual({ source: 'online', askedAt: asked.toISOString() });
    const missing = await online.lookup('91350100M000100Y43');
    expect(!missing.ok && missing.error.code).toBe('SUBJECT_NOT_FOUND');

    const config = { ...KioskConfigSchema.parse({ sync: { platformUrl: platform.url, importRoots: [f.dir] } }), dataDir: f.dir, configPath: null } as KioskConfig;
    const hub = new EventHub();
    const events: KioskEvent[] = [];
    hub.subscribe((e) => events.push(e));
    let reopened = 0;
    const service = createSyncService({
      config,
      dataDir: path.dirname(f.cacheFile),
      cacheFile: f.cacheFile,
      cacheKey: f.cacheKey,
      hub,
      logger: silentLogger(),
      trustedRoot: () => f.shippedRoot(),
      now: () => T0,
      reopenCache: async () => {
        reopened += 1;
      },
    });
    const run = await service.pullNow();
    expect(run.ok && run.value).toMatchObject({ ok: true, outcome: 'applied', version: 1, kind: 'full' });
    expect(reopened).toBe(1);
    expect(events.some((e) => e.type === 'sync-progress')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'sync-result', ok: true, dataVersion: 1 });
    const status = await service.getSyncStatus({});
    expect(status.ok && status.value).toMatchObject({ version: 1, dataAsOf: T0.toISOString(), stale: false });
    const outside = await service.importFolder('/definitely/not/allowed');
    expect(!outside.ok && outside.error.code).toBe('INVALID_INPUT');
    const imported = await service.importFolder(f.repo);
    expect(imported.ok && imported.value.outcome).toBe('up-to-date');
    fs.rmSync(f.staging, { recursive: true, force: true });
    await service.close();
  });
});
