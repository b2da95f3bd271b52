// Fleet configuration end to end on the kiosk side: a signed fleet-config.json in the
// repository is verified like metadata, applied live (quota, idle times, issuer, disclosure),
// kept for the next start and acknowledged; tampered, foreign, rolled-back, expired or
// unfitting files are refused with their code, acknowledged once, and change nothing. The
// counter's business-item catalogue travels in it too, checked by the catalogue's own schema.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../src-main/common/platform/platformEvents';
import type { KioskInfo } from '../../../src-main/common/contract/views';
import { KioskConfigSchema, type KioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { PrintQuotaStore } from '../../../src-main/node/printing/printQuota';
import { applyLiveSettings, applyStoredFleetSettings, type LiveTargets } from '../../../src-main/node/runtime/liveSettings';
import { publishFleetConfig } from '../../../src-main/node/sync/fleetConfigFile';
import { appliedFleetSettings, createFleetConfigSync, FLEET_CONFIG_STATE_FILE } from '../../../src-main/node/sync/fleetConfigSync';
import { folderSource } from '../../../src-main/node/sync/folderSource';
import { generateKey, signEnvelope } from '../../../src-main/node/sync/signing';
import type { Catalogue } from '../../../src-main/common/staff/catalogue';
import { loadCatalogue } from '../../../src-main/node/staff/catalogueFiles';
import { DINGSHENG_USCC, removeTempDirs } from '../cache/cacheTestFiles';
import { RESOURCES_DIR, signIn, STAFF, staffFixture, type Fixture as StaffFixture } from '../staff/staffFixture';
import { bundles, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
let quota: PrintQuotaStore | undefined;
afterEach(() => {
  quota?.close();
  quota = undefined;
  f?.cleanup();
});

/** A kiosk on a fresh repository; `counter` is the staff service whose catalogue the fleet replaces (in its data folder). */
async function kiosk(counter: { dataDir: string; service: LiveTargets['counter'] } = { dataDir: '', service: { reloadCatalogue: () => true } }) {
  f = makeFixture();
  await publish(f, bundles(3));
  const config: KioskConfig = { ...KioskConfigSchema.parse({}), dataDir: counter.dataDir || path.join(f.dir, 'kiosk'), configPath: null };
  const info = { idleSeconds: config.session.idleSeconds, countdownSeconds: config.session.countdownSeconds, issuer: config.issuer } as KioskInfo;
  quota = new PrintQuotaStore(path.join(config.dataDir, 'print-quota.sqlite'), config.printQuotaPerDay);
  const acks: Array<EventPayload<'config-ack'>> = [];
  const stateFile = path.join(config.dataDir, FLEET_CONFIG_STATE_FILE);
  const sync = createFleetConfigSync({
    stateFile,
    shippedRoot: () => f.shippedRoot(),
    cacheFile: f.cacheFile,
    apply: (settings) => applyLiveSettings({ config, info, quota: quota!, counter: counter.service }, settings),
    outbox: { enqueue: (_type, payload) => String(acks.push(payload)) },
    logger: silentLogger(),
  });
  const check = () => sync.check(folderSource(f.repo), T0);
  const printsAllowed = async (subject: string): Promise<number> => {
    let n = 0;
    while (n < 20 && (await quota!.tryConsume(subject, '2026-03-01'))) n += 1;
    return n;
  };
  return { config, info, acks, stateFile, check, printsAllowed };
}

const SETTINGS = { printQuotaPerDay: 3, session: { idleSeconds: 90 }, issuer: '淄博市公共信用信息中心', report: { maskOwnIdNumber: false } };
const fleetFile = (): string => path.join(f.repo, 'fleet-config.json');

describe('fleet configuration on the kiosk', () => {
  it('applies a signed configuration live, keeps it for the next start and acknowledges it once', async () => {
    const k = await kiosk();
    expect(await k.check()).toEqual({ outcome: 'none', version: 0 });
    publishFleetConfig({ repo: f.repo, key: f.key, settings: SETTINGS, now: T0 });
    expect(await k.check()).toEqual({ outcome: 'applied', version: 1 });
    // Live: the quota counts against the new limit, getInfo's object has the new idle time and issuer, reports read the new policy.
    expect(await k.printsAllowed('s-1')).toBe(3);
    expect({ idle: k.info.idleSeconds, countdown: k.info.countdownSeconds, issuer: k.info.issuer }).toEqual({ idle: 90, countdown: 20, issuer: '淄博市公共信用信息中心' });
    expect(k.config.report.maskOwnIdNumber).toBe(false);
    expect(k.config.report.verifyUrl).toBe(KioskConfigSchema.parse({}).report.verifyUrl);
    expect(k.acks).toEqual([{ configVersion: 1, result: 'applied' }]);
    expect(await k.check()).toEqual({ outcome: 'current', version: 1 });
    expect(k.acks).toHaveLength(1);

    // The next start: the stored configuration over the file's values, before any sync.
    const restarted: KioskConfig = { ...KioskConfigSchema.parse({}), dataDir: k.config.dataDir, configPath: null };
    applyStoredFleetSettings(restarted, k.stateFile, silentLogger());
    expect({ quota: restarted.printQuotaPerDay, idle: restarted.session.idleSeconds, issuer: restarted.issuer }).toEqual({ quota: 3, idle: 90, issuer: '淄博市公共信用信息中心' });
  });

  it('refuses a tampered file (SYNC_BAD_SIGNATURE), changing nothing and acknowledging the refusal once', async () => {
    const k = await kiosk();
    publishFleetConfig({ repo: f.repo, key: f.key, settings: SETTINGS, now: T0 });
    const envelope = JSON.parse(fs.readFileSync(fleetFile(), 'utf8')) as { signed: { settings: { printQuotaPerDay: number } } };
    envelope.signed.settings.printQuotaPerDay = 50;
    fs.writeFileSync(fleetFile(), JSON.stringify(envelope));
    expect(await k.check()).toMatchObject({ outcome: 'refused', version: 1, code: 'SYNC_BAD_SIGNATURE' });
    expect(await k.check()).toMatchObject({ outcome: 'refused', code: 'SYNC_BAD_SIGNATURE' });
    expect(await k.printsAllowed('s-1')).toBe(2);
    expect(k.info.idleSeconds).toBe(60);
    expect(k.acks).toEqual([{ configVersion: 1, result: 'refused', reason: expect.stringMatching(/^SYNC_BAD_SIGNATURE: 同步数据签名无效/) }]);
    expect(appliedFleetSettings(k.stateFile)).toBeNull();
  });

  it('refuses a file signed by a key the root does not trust (SYNC_UNKNOWN_KEY)', async () => {
    const k = await kiosk();
    const foreign = signEnvelope({ _type: 'fleet-config', spec: 'credit-kiosk-sync/1', version: 1, expires: '2027-03-01T00:00:00Z', settings: SETTINGS }, [generateKey()]);
    fs.writeFileSync(fleetFile(), JSON.stringify(foreign));
    expect(await k.check()).toMatchObject({ outcome: 'refused', code: 'SYNC_UNKNOWN_KEY' });
    expect(await k.printsAllowed('s-1')).toBe(2);
  });

  it('refuses an older version than the applied one (SYNC_ROLLBACK) and an expired one (SYNC_EXPIRED)', async () => {
    const k = await kiosk();
    publishFleetConfig({ repo: f.repo, key: f.key, settings: SETTINGS, now: T0 });
    const v1 = fs.readFileSync(fleetFile());
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { ...SETTINGS, printQuotaPerDay: 5 }, now: T0 });
    expect(await k.check()).toEqual({ outcome: 'applied', version: 2 });
    const v2 = fs.readFileSync(fleetFile());
    fs.writeFileSync(fleetFile(), v1);
    expect(await k.check()).toMatchObject({ outcome: 'refused', version: 1, code: 'SYNC_ROLLBACK' });
    expect(await k.printsAllowed('s-1')).toBe(5);
    fs.writeFileSync(fleetFile(), v2);
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { printQuotaPerDay: 1 }, now: new Date(T0.getTime() - 400 * 86_400_000) });
    expect(await k.check()).toMatchObject({ outcome: 'refused', version: 3, code: 'SYNC_EXPIRED' });
    expect(await k.printsAllowed('s-2')).toBe(5);
  });

  it('refuses settings outside the kiosk config’s own bounds (CONFIG_INVALID), applying none of them', async () => {
    const k = await kiosk();
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { printQuotaPerDay: 4, session: { idleSeconds: 5 } }, now: T0 });
    const refused = await k.check();
    expect(refused).toMatchObject({ outcome: 'refused', version: 1, code: 'CONFIG_INVALID' });
    expect(refused.outcome === 'refused' && refused.message).toContain('session.idleSeconds');
    expect(await k.printsAllowed('s-1')).toBe(2);
    expect(k.info.idleSeconds).toBe(60);
  });
});

describe('the business-item catalogue in the fleet configuration', () => {
  let staff: StaffFixture | undefined;
  afterEach(async () => {
    await staff?.close();
    staff = undefined;
  });
  afterAll(() => removeTempDirs());

  const shipped = (): Catalogue => loadCatalogue({ resourcesDir: RESOURCES_DIR }).catalogue;
  /** The shipped measures with one new item (the procurement item's measures), as an operator would send them. */
  const fleetCatalogue = (): Catalogue => {
    const base = shipped();
    const procurement = base.items.find((i) => i.id === 'government-procurement')!;
    return { ...base, version: '2026.2-fleet', items: [{ id: 'municipal-tender', name: '市属国有企业招标投标', category: '招标投标', measures: procurement.measures, incentives: [] }] };
  };
  const counterKiosk = async () => {
    staff = await staffFixture();
    const k = await kiosk({ dataDir: staff.dataDir, service: staff.service });
    const token = await signIn(staff.service, STAFF.staffNo, STAFF.pin);
    const itemIds = async (): Promise<string[]> => {
      const items = await staff!.service.listBusinessItems({ token });
      if (!items.ok) throw new Error(items.error.message);
      return items.value.map((i) => i.id);
    };
    return { ...k, service: staff.service, token, itemIds };
  };

  it('a new catalogue changes the counter’s items and the next check without a restart, and stays for the next start', async () => {
    const k = await counterKiosk();
    expect(await k.itemIds()).toContain('government-procurement');
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { catalogue: fleetCatalogue() }, now: T0 });
    expect(await k.check()).toEqual({ outcome: 'applied', version: 1 });
    expect(k.acks).toEqual([{ configVersion: 1, result: 'applied' }]);

    expect(await k.itemIds()).toEqual(['municipal-tender']);
    const checked = await k.service.checkSubject({ token: k.token, itemId: 'municipal-tender', by: 'code', code: DINGSHENG_USCC });
    if (!checked.ok) throw new Error(checked.error.message);
    expect({ version: checked.value.catalogueVersion, verdict: checked.value.verdict }).toEqual({ version: '2026.2-fleet', verdict: 'punish' });
    const gone = await k.service.checkSubject({ token: k.token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
    expect(gone.ok || gone.error.code).toBe('INVALID_INPUT');

    // The next start reads the placed catalogue before any sync, and the stored settings still lay over the config.
    expect(loadCatalogue({ resourcesDir: RESOURCES_DIR, dataDir: staff!.dataDir })).toMatchObject({ source: 'synced', catalogue: { version: '2026.2-fleet' } });
    const restarted: KioskConfig = { ...KioskConfigSchema.parse({}), dataDir: k.config.dataDir, configPath: null };
    applyStoredFleetSettings(restarted, k.stateFile, silentLogger());
    expect(restarted.printQuotaPerDay).toBe(KioskConfigSchema.parse({}).printQuotaPerDay);
  });

  it('refuses a malformed catalogue (CATALOGUE_INVALID) with the settings beside it, keeping the previous catalogue, acknowledged once', async () => {
    const k = await counterKiosk();
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { catalogue: fleetCatalogue() }, now: T0 });
    expect(await k.check()).toEqual({ outcome: 'applied', version: 1 });

    // An item naming a measure the catalogue does not have: the publisher refuses it, and a kiosk refuses one signed anyway.
    const broken = fleetCatalogue();
    broken.items = [{ ...broken.items[0]!, id: 'broken-item', measures: ['no-such-measure'] }];
    expect(() => publishFleetConfig({ repo: f.repo, key: f.key, settings: { catalogue: broken }, now: T0 })).toThrow(/unknown measure no-such-measure/);
    const signed = { _type: 'fleet-config', spec: 'credit-kiosk-sync/1', version: 2, expires: '2027-03-01T00:00:00Z', settings: { printQuotaPerDay: 7, catalogue: broken } };
    fs.writeFileSync(fleetFile(), JSON.stringify(signEnvelope(signed, [f.key])));
    const refused = await k.check();
    expect(refused).toMatchObject({ outcome: 'refused', version: 2, code: 'CATALOGUE_INVALID' });
    expect(refused.outcome === 'refused' && refused.message).toContain('items.0.measures: unknown measure no-such-measure');
    expect(await k.check()).toMatchObject({ outcome: 'refused', code: 'CATALOGUE_INVALID' });

    expect(await k.itemIds()).toEqual(['municipal-tender']);
    expect(await k.printsAllowed('s-1')).toBe(2);
    expect(appliedFleetSettings(k.stateFile)?.version).toBe(1);
    expect(k.acks).toEqual([
      { configVersion: 1, result: 'applied' },
      { configVersion: 2, result: 'refused', reason: expect.stringMatching(/^CATALOGUE_INVALID: 业务事项目录无效/) },
    ]);
  });
});
