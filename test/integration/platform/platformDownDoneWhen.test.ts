// Issue 17's "Done when": while the platform (on PostgreSQL) is down, a real kiosk runtime
// records a counter decision, prints a report at the self-service screen and finishes a day
// of usage (the kiosk is off overnight and started the next day). Then the platform comes up
// where the kiosk already points; the kiosk's own delivery loop — nobody calls deliver() —
// brings everything, and the fleet view's API shows each exactly once. The report's
// number checked at the kiosk (报告核验) is counted in the day's usage as well.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src-main/common/contract/views';
import type { CheckFeedbackView, IssuedReportView, UsageRowView } from '../../../src-main/common/platform/fleetViews';
import { loadKioskConfig, type KioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { freePort } from '../../support/freePort';
import { testPostgres, type TestPostgres } from '../../support/postgres';
import { cookieOf, signIn, startFleetPlatform, type FleetFixture } from './fleetFixture';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const KIOSK = 'DEMO-KIOSK-01';
const TOKEN = 'done-when-kiosk-token-0123456789';
const DINGSHENG = '91370302MA3D8N5Q2G';
const COUNTER = { by: 'pin', staffNo: 'D001', pin: '246810' } as const;
const ADMIN = { by: 'pin', staffNo: 'D900', pin: '864200' } as const;
const DAY_MS = 86_400_000;

// The kiosk's clock: today (UTC) at 10:00 and running, so the day of use never straddles a midnight; +1 day for the next morning.
const realToday = new Date().toISOString().slice(0, 10);
const base = Date.parse(`${realToday}T10:00:00Z`);
const started = Date.now();
let daysLater = 0;
const kioskNow = (): Date => new Date(base + daysLater * DAY_MS + (Date.now() - started));

let dir: string;
let pg: TestPostgres;
let database: { url: string; drop(): Promise<void> };
let config: KioskConfig;
let port: number;
let runtime: KioskRuntime | undefined;
let fleet: FleetFixture | undefined;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-done-when-'));
  pg = await testPostgres();
  database = await pg.createDatabase();
  // Nothing listens there yet: the platform is down.
  port = await freePort();
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'kiosk.token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl: `http://127.0.0.1:${port}`, tokenFile: 'kiosk.token', intervalMinutes: 0 }, outbox: { deliverSeconds: 3600 } }));
  config = loadKioskConfig({ dataDir, env: {} });
}, 180_000);

afterAll(async () => {
  await runtime?.close();
  await fleet?.close();
  await database?.drop();
  await pg?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startKiosk(): Promise<KioskRuntime> {
  return createKioskRuntime({ config, resourcesDir: RESOURCES, logger: silentLogger(), now: kioskNow });
}

async function fleetGet<T>(pathAndQuery: string, cookie: string): Promise<T> {
  const res = await fetch(`${fleet!.platform.url}${pathAndQuery}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe('the platform down while the kiosk works, then up', () => {
  it('shows the counter decision, the printed report and the finished day in the fleet view, once each', { timeout: 300_000 }, async () => {
    // Day D, platform down: a decision at the counter and a report at the self-service screen.
    runtime = await startKiosk();
    const api = runtime.api;
    const day = kioskNow().toISOString().slice(0, 10);
    const counter = await api.signIn(COUNTER);
    if (!counter.ok || !counter.value.signedIn) throw new Error('counter sign-in failed');
    const token = counter.value.session.token;
    const check = await api.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG });
    if (!check.ok) throw new Error(check.error.message);
    const decided = await api.recordDecision({ token, checkId: check.value.checkId, subjectCode: DINGSHENG, decision: 'measure-applied', measureIds: ['restrict-government-procurement'] });
    if (!decided.ok) throw new Error(decided.error.message);
    await api.signOut({ token });

    const inserted = new Promise<SessionInfo>((resolve) => {
      const off = api.subscribe((e) => e.type === 'card-inserted' && (off(), resolve(e.session)));
    });
    await api.placeDemoCard({ cardId: 'card-zhou' });
    const printed = await api.printReport({ sessionId: (await inserted).id });
    if (!printed.ok) throw new Error(printed.error.message);
    const reportNumber = printed.value.reportNumber;
    // Someone checks the printed report's number at the kiosk (报告核验): counted too.
    const verified = await api.verifyReportCode({ text: reportNumber });
    expect(verified.ok && verified.value.verdict).toBe('genuine');

    // Off overnight; started the next morning, the finished day D is counted — still no platform.
    await runtime.close();
    runtime = undefined;
    daysLater = 1;
    runtime = await startKiosk();
    const admin = await runtime.api.signIn(ADMIN);
    if (!admin.ok || !admin.value.signedIn) throw new Error('admin sign-in failed');
    const adminToken = admin.value.session.token;
    // The loop has tried and failed at least once: everything waits in the outbox.
    await expect
      .poll(
        async () => {
          const o = await runtime!.api.getAdminOverview({ token: adminToken });
          return o.ok ? { failed: (o.value.outbox?.lastError ?? '') !== '', enough: (o.value.outbox?.pending ?? 0) >= 4 } : null;
        },
        { timeout: 30_000 },
      )
      .toEqual({ failed: true, enough: true });

    // The platform comes up, on PostgreSQL, where the kiosk already points.
    fleet = await startFleetPlatform({ store: database.url, port, tokens: { [KIOSK]: TOKEN } });
    const cookie = cookieOf(await signIn(fleet.platform.url));

    // Delivered by the kiosk's own loop (its retry after the failures), re-read until it has all arrived.
    await expect
      .poll(async () => (await fleetGet<{ rows: UsageRowView[] }>(`/v1/fleet/usage?from=${day}&to=${day}`, cookie)).rows.filter((r) => r.kioskId === KIOSK).length, { timeout: 90_000, interval: 500 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await fleetGet<{ checks: CheckFeedbackView[] }>('/v1/fleet/checks', cookie)).checks.filter((c) => c.decision !== null && c.itemCode !== null).length, { timeout: 60_000, interval: 500 })
      .toBe(1);
    await expect.poll(async () => (await fleetGet<{ reports: IssuedReportView[] }>('/v1/fleet/reports', cookie)).reports.length, { timeout: 60_000, interval: 500 }).toBe(1);

    // Exactly once each, after the loop settled (nothing pending): no second copy arrived later.
    await expect.poll(async () => fleet!.platform.store.gaps(KIOSK), { timeout: 60_000 }).toEqual([]);
    await expect
      .poll(
        async () => {
          const o = await runtime!.api.getAdminOverview({ token: adminToken });
          return o.ok ? (o.value.outbox?.pending ?? -1) : -1;
        },
        { timeout: 60_000 },
      )
      .toBe(0);

    const { checks } = await fleetGet<{ checks: CheckFeedbackView[] }>('/v1/fleet/checks', cookie);
    expect(checks).toEqual([
      {
        kioskId: KIOSK,
        checkId: check.value.checkId,
        itemCode: expect.any(String),
        subject: { kind: 'enterprise', maskedCode: expect.stringMatching(/\*/) },
        hits: expect.any(Number),
        staffId: 'D001',
        checkedAt: expect.stringContaining(day),
        decision: 'measure-applied',
        measuresApplied: [expect.any(String)],
        decidedAt: expect.stringContaining(day),
      },
    ]);
    // The subject's code never travels in clear.
    expect(JSON.stringify(checks)).not.toContain(DINGSHENG);

    const { reports } = await fleetGet<{ reports: IssuedReportView[] }>('/v1/fleet/reports', cookie);
    expect(reports).toEqual([{ kioskId: KIOSK, reportNumber, edition: expect.any(String), subject: { kind: 'person', maskedCode: expect.stringMatching(/^\d{4}\*+[\dX]{4}$/) }, issuedAt: expect.any(String), receivedAt: expect.any(String) }]);
    // And in the public registry a report holder asks.
    const registry = await fetch(`${fleet.platform.url}/v1/reports/${encodeURIComponent(reportNumber)}`);
    expect(((await registry.json()) as { kioskId: string }).kioskId).toBe(KIOSK);

    // Day D's usage, once: the counter's check and measure by its staff member, the kiosk's print.
    const usage = (await fleetGet<{ rows: UsageRowView[] }>(`/v1/fleet/usage?from=${day}&to=${day}`, cookie)).rows;
    const count = (fn: string, staffId: string | null): number => usage.filter((r) => r.fn === fn && r.staffId === staffId).reduce((n, r) => n + r.count, 0);
    expect(count('credit-check', 'D001')).toBe(1);
    expect(count('joint-measures', 'D001')).toBe(1);
    expect(count('report-print', null)).toBe(1);
    expect(count('report-verify', null)).toBe(1);
    const stored = await fleet.platform.store.events(KIOSK, 'usage');
    expect(stored.filter((e) => (e.payload as { day: string }).day === day)).toHaveLength(1);
  });
});
