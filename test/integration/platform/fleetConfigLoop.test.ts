// The fleet configuration's whole loop: published into the repository, pulled by a kiosk's
// sync service with its data, applied live, acknowledged through the kiosk's outbox, and
// shown per kiosk in the fleet view against the newest published version.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskInfo } from '../../../src-main/common/contract/views';
import type { KioskStatusView } from '../../../src-main/common/platform/fleetViews';
import { KioskConfigSchema, type KioskConfig } from '../../../src-main/node/config/kioskConfig';
import { EventHub } from '../../../src-main/node/kiosk/eventHub';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { applyLiveSettings } from '../../../src-main/node/runtime/liveSettings';
import { publishFleetConfig } from '../../../src-main/node/sync/fleetConfigFile';
import { createFleetConfigSync, FLEET_CONFIG_STATE_FILE } from '../../../src-main/node/sync/fleetConfigSync';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient } from '../../../src-main/node/platformClient/platformClient';
import { createSyncService } from '../../../src-main/node/sync/syncService';
import { bundles, makeFixture, publish, T0, type Fixture } from '../sync/syncFixtures';
import { cookieOf, signIn, startFleetPlatform, TOKENS, type FleetFixture } from './fleetFixture';

let f: Fixture | undefined;
let fleet: FleetFixture | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
  f?.cleanup();
  f = undefined;
});

describe('fleet configuration loop', () => {
  it('a kiosk pulls, applies and acknowledges the fleet configuration; the fleet view shows it per kiosk', async () => {
    f = makeFixture();
    await publish(f, bundles(3));
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { printQuotaPerDay: 3, session: { idleSeconds: 45 } } });
    fleet = await startFleetPlatform({ repo: { dir: f.repo, key: f.key } });
    const kioskDir = path.dirname(f.cacheFile);
    const config = { ...KioskConfigSchema.parse({ sync: { platformUrl: fleet.platform.url } }), dataDir: kioskDir, configPath: null } as KioskConfig;
    const info = { idleSeconds: 60, countdownSeconds: 20, issuer: config.issuer } as KioskInfo;
    let perDay = config.printQuotaPerDay;
    const client = createPlatformClient({ url: fleet.platform.url, token: TOKENS['K-001'] });
    const outbox = createOutbox({ file: path.join(kioskDir, 'outbox.sqlite'), key: f.cacheKey, client });
    const logger = silentLogger();
    const sync = createSyncService({
      config,
      dataDir: kioskDir,
      cacheFile: f.cacheFile,
      cacheKey: f.cacheKey,
      hub: new EventHub(),
      logger,
      trustedRoot: () => f!.shippedRoot(),
      now: () => T0,
      reopenCache: async () => undefined,
      fleetConfig: createFleetConfigSync({
        stateFile: path.join(kioskDir, FLEET_CONFIG_STATE_FILE),
        shippedRoot: () => f!.shippedRoot(),
        cacheFile: f.cacheFile,
        apply: (settings) => applyLiveSettings({ config, info, quota: { setPerDay: (n) => (perDay = n) }, counter: { reloadCatalogue: () => true } }, settings),
        outbox,
        logger,
      }),
    });
    const run = await sync.pullNow();
    expect(run.ok && run.value.outcome).toBe('applied');
    expect({ perDay, idle: info.idleSeconds }).toEqual({ perDay: 3, idle: 45 });
    expect(await outbox.deliver()).toEqual({ delivered: 1, pending: 0 });
    // A second pull: same version, nothing new to acknowledge.
    await sync.pullNow();
    expect(outbox.pending()).toBe(0);

    const cookie = cookieOf(await signIn(fleet.platform.url));
    const view = (await (await fetch(`${fleet.platform.url}/v1/fleet/kiosks`, { headers: { cookie } })).json()) as { kiosks: KioskStatusView[] };
    expect(view.kiosks.map((k) => ({ id: k.kioskId, published: k.configVersion, ack: k.configAck && { version: k.configAck.version, result: k.configAck.result } }))).toEqual([
      { id: 'K-001', published: 1, ack: { version: 1, result: 'applied' } },
      { id: 'K-002', published: 1, ack: null },
    ]);
    await outbox.close();
    await client.close();
    await sync.close();
  });
});
