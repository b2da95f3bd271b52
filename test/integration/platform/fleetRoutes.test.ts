// The fleet view's API on the reference platform: kiosks post contract events, an operator
// signs in (cookie HttpOnly, SameSite=Strict) and reads each kiosk's status, the usage
// table and its CSV/XLSX export; without a session nothing is shown.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskStatusView, UsageRowView } from '../../../src-main/common/platform/fleetViews';
import { publishFleetConfig } from '../../../src-main/node/sync/fleetConfigFile';
import { makeTestPki } from '../../support/testPki';
import { cookieOf, event, heartbeat, OPERATOR, signIn, startFleetPlatform, type FleetFixture } from './fleetFixture';

const NOW = new Date('2026-12-07T04:00:00Z'); // 12:00 in Asia/Shanghai: "today" is 2026-12-07
let f: FleetFixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

async function getJson<T>(url: string, cookie: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as T };
}

describe('fleet view API', () => {
  it('lists each kiosk with its newest heartbeat, config acknowledgement and today’s use', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { printQuotaPerDay: 3 } });
    publishFleetConfig({ repo: f.repo, key: f.key, settings: { printQuotaPerDay: 4 } });
    expect(
      await f.post('K-001', [
        event('heartbeat', 1, '2026-12-07T03:00:00+08:00', heartbeat({ printer: 'ok', outboxBacklog: 9 })),
        event('heartbeat', 2, '2026-12-07T11:50:00+08:00', heartbeat({ printer: 'stopped', outboxBacklog: 2, configVersion: 1 })),
        event('config-ack', 1, '2026-12-07T11:00:00+08:00', { configVersion: 1, result: 'applied' }),
        event('usage-daily', 1, '2026-12-07T10:00:00+08:00', { day: '2026-12-07', rows: [{ fn: 'self-query', staffId: null, count: 3 }] }),
        // The same day again, later: the whole day so far replaces the earlier figure.
        event('usage-daily', 2, '2026-12-07T11:00:00+08:00', { day: '2026-12-07', rows: [{ fn: 'self-query', staffId: null, count: 5 }, { fn: 'credit-check', staffId: '10023', count: 2 }] }),
        event('usage-daily', 3, '2026-12-06T23:00:00+08:00', { day: '2026-12-06', rows: [{ fn: 'report-print', staffId: null, count: 4 }] }),
      ]),
    ).toEqual({ status: 200, body: { accepted: 6, duplicates: 0, gaps: [] } });

    const res = await signIn(f.platform.url);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^fleet_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = cookieOf(res);

    const { status, body } = await getJson<{ kiosks: KioskStatusView[]; today: string; publishedConfigVersion: number }>(`${f.platform.url}/v1/fleet/kiosks`, cookie);
    expect(status).toBe(200);
    expect(body.today).toBe('2026-12-07');
    expect(body.publishedConfigVersion).toBe(2);
    expect(body.kiosks).toEqual([
      {
        kioskId: 'K-001',
        lastHeartbeatAt: '2026-12-07T11:50:00+08:00',
        appVersion: '0.1.0',
        dataVersion: 12,
        dataAsOf: '2026-12-06T16:00:00.000Z',
        reader: 'ok',
        printer: 'stopped',
        outboxBacklog: 2,
        configVersion: 2,
        configAck: { version: 1, result: 'applied', at: '2026-12-07T11:00:00+08:00' },
        usedToday: 7,
      },
      // Known by its credentials, silent so far: listed all the same.
      { kioskId: 'K-002', lastHeartbeatAt: null, appVersion: null, dataVersion: null, dataAsOf: null, reader: null, printer: null, outboxBacklog: null, configVersion: 2, configAck: null, usedToday: 0 },
    ]);

    const usage = await getJson<{ rows: UsageRowView[] }>(`${f.platform.url}/v1/fleet/usage?from=2026-12-01&to=2026-12-07`, cookie);
    // By day and kiosk; within one kiosk's day, as the kiosk listed its functions.
    expect(usage.body.rows).toEqual([
      { day: '2026-12-06', kioskId: 'K-001', fn: 'report-print', staffId: null, count: 4 },
      { day: '2026-12-07', kioskId: 'K-001', fn: 'self-query', staffId: null, count: 5 },
      { day: '2026-12-07', kioskId: 'K-001', fn: 'credit-check', staffId: '10023', count: 2 },
    ]);
  });

  it('exports the usage table as CSV and XLSX', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    await f.post('K-002', [event('usage-daily', 1, '2026-12-07T10:00:00+08:00', { day: '2026-12-07', rows: [{ fn: 'credit-check', staffId: '=1+1', count: 2 }] })]);
    const cookie = cookieOf(await signIn(f.platform.url));
    const csv = await fetch(`${f.platform.url}/v1/fleet/usage.csv?from=2026-12-07&to=2026-12-07`, { headers: { cookie } });
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="usage-2026-12-07-2026-12-07.csv"');
    // A staff number that looks like a formula is defused.
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe('\ufeff日期 Day,一体机 Kiosk,功能 Function,功能代码 Code,工号 Staff,人次 Count\r\n2026-12-07,K-002,信用核查,credit-check,\'=1+1,2\r\n');
    const xlsx = await fetch(`${f.platform.url}/v1/fleet/usage.xlsx?from=2026-12-07&to=2026-12-07`, { headers: { cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('使用人次')!.getRow(2).values).toEqual([undefined, '2026-12-07', 'K-002', '信用核查', 'credit-check', '=1+1', 2]);
    expect(wb.getWorksheet('按功能合计')!.getRow(2).values).toEqual([undefined, '信用核查', 2]);
  });

  it('shows nothing without a session, refuses a wrong password, and locks after repeated failures', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    for (const p of ['/v1/fleet/kiosks', '/v1/fleet/usage', '/v1/fleet/usage.csv']) {
      const res = await fetch(`${f.platform.url}${p}`, { headers: { cookie: 'fleet_session=forgedforgedforgedforgedforged' } });
      expect({ p, status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }).toEqual({ p, status: 401, code: 'FLEET_SIGN_IN_REQUIRED' });
    }
    // A kiosk's bearer token is not an operator session.
    expect((await fetch(`${f.platform.url}/v1/fleet/kiosks`, { headers: { authorization: 'Bearer token-k001-abcdefghijklmnop' } })).status).toBe(401);
    // A form post (not JSON) cannot sign in.
    expect((await fetch(`${f.platform.url}/v1/fleet/session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'name=a&password=b' })).status).toBe(415);
    const wrong = await signIn(f.platform.url, OPERATOR.name, 'wrong password!');
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'FLEET_BAD_CREDENTIALS', message: '用户名或口令错误 / wrong name or password' });
    for (let i = 0; i < 4; i++) await signIn(f.platform.url, OPERATOR.name, 'wrong password!');
    const locked = await signIn(f.platform.url);
    expect(locked.status).toBe(429);
  });

  // Signing out ends the session on the platform, not only in the browser.
  it('ends a session on sign-out', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    const cookie = cookieOf(await signIn(f.platform.url));
    expect((await fetch(`${f.platform.url}/v1/fleet/session`, { headers: { cookie } })).status).toBe(200);
    const out = await fetch(`${f.platform.url}/v1/fleet/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await fetch(`${f.platform.url}/v1/fleet/kiosks`, { headers: { cookie } })).status).toBe(401);
  });

  it('marks the session cookie Secure when the platform serves https', async () => {
    const pkiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-fleet-pki-'));
    try {
      const pki = makeTestPki(pkiDir);
      f = await startFleetPlatform({ now: () => NOW, tls: { cert: pki.serverCertPem, key: pki.serverKeyPem } });
      const agent = new Agent({ connect: { ca: pki.caPem } });
      const res = await request(`${f.platform.url}/v1/fleet/session`, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'application/json' }, body: JSON.stringify(OPERATOR) });
      await res.body.dump();
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
      await agent.close();
    } finally {
      fs.rmSync(pkiDir, { recursive: true, force: true });
    }
  });

  it('serves the page with a strict content security policy', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    const page = await fetch(`${f.platform.url}/fleet/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect((await fetch(`${f.platform.url}/fleet/assets/app-1234.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${f.platform.url}/fleet/..%2Foperators.json`)).status).toBe(403);
  });

  it('lists checks with their decisions and registered reports, masked; refuses a bad limit and an oversized sign-in', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    const subject = { kind: 'enterprise', maskedCode: '91370302MA******2G', key: 'ab'.repeat(32) };
    await f.post('K-001', [
      event('check-record', 1, '2026-12-07T09:00:00+08:00', { checkId: 'chk-1', itemCode: 'government-procurement', subject, staffId: 'D001', hits: [{ category: 'serious-dishonesty', measureCodes: ['m1'] }] }),
      event('check-decision', 2, '2026-12-07T09:01:00+08:00', { checkId: 'chk-1', decision: 'measure-applied', measuresApplied: ['m1'], staffId: 'D001' }),
      event('check-record', 3, '2026-12-07T09:05:00+08:00', { checkId: 'chk-2', itemCode: 'fiscal-funds', subject, staffId: 'D002', hits: [] }),
      event('report-issued', 1, '2026-12-07T09:30:00+08:00', { reportNumber: '20261207093000K001AAAA', edition: 'standard', subject, issuedAt: '2026-12-07T09:30:00+08:00', digest: 'cd'.repeat(32) }),
    ]);
    const cookie = cookieOf(await signIn(f.platform.url));
    const { body } = await getJson<{ checks: unknown[] }>(`${f.platform.url}/v1/fleet/checks`, cookie);
    expect(body.checks).toEqual(
      expect.arrayContaining([
        { kioskId: 'K-001', checkId: 'chk-1', itemCode: 'government-procurement', subject: { kind: 'enterprise', maskedCode: '91370302MA******2G' }, hits: 1, staffId: 'D001', checkedAt: '2026-12-07T09:00:00+08:00', decision: 'measure-applied', measuresApplied: ['m1'], decidedAt: '2026-12-07T09:01:00+08:00' },
        // Awaiting its decision: listed all the same.
        { kioskId: 'K-001', checkId: 'chk-2', itemCode: 'fiscal-funds', subject: { kind: 'enterprise', maskedCode: '91370302MA******2G' }, hits: 0, staffId: 'D002', checkedAt: '2026-12-07T09:05:00+08:00', decision: null, measuresApplied: [], decidedAt: null },
      ]),
    );
    expect(body.checks).toHaveLength(2);
    const reports = await getJson<{ reports: unknown[] }>(`${f.platform.url}/v1/fleet/reports`, cookie);
    expect(reports.body.reports).toEqual([{ kioskId: 'K-001', reportNumber: '20261207093000K001AAAA', edition: 'standard', subject: { kind: 'enterprise', maskedCode: '91370302MA******2G' }, issuedAt: '2026-12-07T09:30:00+08:00', receivedAt: expect.any(String) }]);
    expect(JSON.stringify([body, reports.body])).not.toContain('ab'.repeat(32));
    expect((await getJson<{ error: { code: string } }>(`${f.platform.url}/v1/fleet/checks?limit=0`, cookie)).status).toBe(400);
    // The one body reader: an oversized sign-in is answered 413 with its code, not cut off.
    const big = await fetch(`${f.platform.url}/v1/fleet/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', password: 'p'.repeat(5000) }) });
    expect({ status: big.status, code: ((await big.json()) as { error: { code: string } }).error.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a heartbeat or usage event whose payload does not match its type, storing nothing of the batch', async () => {
    f = await startFleetPlatform({ now: () => NOW });
    const res = await f.post('K-001', [
      event('heartbeat', 1, '2026-12-07T11:50:00+08:00', heartbeat()),
      event('usage-daily', 1, '2026-12-07T11:50:00+08:00', { day: '2026-12-07', rows: [{ fn: 'self-query', staffId: null, count: -1 }] }),
    ]);
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'EVENTS_INVALID' } } });
    expect(await f.platform.store.eventCount()).toBe(0);
  });
});
