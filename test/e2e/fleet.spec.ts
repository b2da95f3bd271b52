// The fleet view in Chromium, on the reference platform started by the built CLI as an
// operations team would start it (`platform operator`, `publish --fleet-config`,
// `platform serve --operators`): three kiosks report (one healthy on the newest
// configuration, one with its printer stopped that refused it, one never heard from);
// the operator signs in, reads each kiosk's state and the city's usage, exports it,
// switches to English and signs out. Screenshots in test-results/screenshots.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { formatDisplayTime } from '../../src-main/common/time/displayTime';
import { expectAccessible } from './axe';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/main/cli.cjs');
const SHOTS = path.resolve(ROOT, 'test-results/screenshots');
const TOKENS = { 'K-HALL-01': 'tok-hall-01-abcdefghijkl', 'K-HALL-02': 'tok-hall-02-abcdefghijkl', 'K-HALL-03': 'tok-hall-03-abcdefghijkl' };
const OPERATOR = { name: 'ops.zibo', password: 'fleet-e2e-password' };

let dir: string;
let platform: ChildProcessWithoutNullStreams;
let url: string;

const cli = (args: string[], input?: string): string => execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8' });
const day = (back: number): string => new Date(Date.parse(`${formatDisplayTime(new Date()).slice(0, 10)}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10);

async function post(kiosk: keyof typeof TOKENS, events: Array<{ type: string; seq: number; at: string; payload: Record<string, unknown> }>): Promise<void> {
  const body = { events: events.map((e) => ({ id: `e2e-${kiosk}-${e.type}-${e.seq}`, ...e })) };
  const res = await fetch(`${url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS[kiosk]}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

test.beforeAll(async () => {
  // Five CLI runs (keys, two releases, a scrypt-hashed operator) and the platform's start:
  // well past the default minute on a busy machine.
  test.setTimeout(300_000);
  fs.mkdirSync(SHOTS, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-'));
  const repo = path.join(dir, 'repo');
  const state = path.join(dir, 'state');
  const operators = path.join(dir, 'operators.json');
  const tokens = path.join(dir, 'tokens.json');
  fs.writeFileSync(tokens, JSON.stringify(TOKENS));
  cli(['keygen', '--out', path.join(dir, 'key.json')]);
  // A first (tiny) data release makes the repository and its root.
  const input = path.join(dir, 'input');
  fs.mkdirSync(input);
  fs.writeFileSync(path.join(input, 'subjects.ndjson'), `${JSON.stringify({ id: 's-0001', kind: 'enterprise', code: '91350100M000100Y43', formerCodes: [], name: '淄博某某科技有限公司' })}\n`);
  cli(['publish', '--input', input, '--out', repo, '--key', path.join(dir, 'key.json')]);
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ printQuotaPerDay: 3, session: { idleSeconds: 90 } }));
  cli(['publish', '--out', repo, '--key', path.join(dir, 'key.json'), '--fleet-config', path.join(dir, 'settings.json')]);
  cli(['platform', 'operator', '--operators', operators, '--state', state, '--name', OPERATOR.name], `${OPERATOR.password}\n`);
  platform = spawn(process.execPath, [CLI, 'platform', 'serve', '--repo', repo, '--port', '0', '--tokens', tokens, '--state', state, '--operators', operators, '--json'], { cwd: ROOT });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    platform.stderr.on('data', (c: Buffer) => (err += c.toString()));
    platform.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m) resolve(m[1]!);
    });
    platform.on('exit', (code) => reject(new Error(`platform exited ${code}: ${err}`)));
  });
  const now = Date.now();
  const iso = (minutesAgo: number): string => new Date(now - minutesAgo * 60_000).toISOString();
  const beat = { appVersion: '0.1.0', dataVersion: 1, dataAsOf: iso(600), reader: 'ok', printer: 'ok', outboxBacklog: 0, oldestPendingAt: null, configVersion: 1 };
  await post('K-HALL-01', [
    { type: 'heartbeat', seq: 1, at: iso(3), payload: beat },
    { type: 'config-ack', seq: 1, at: iso(30), payload: { configVersion: 1, result: 'applied' } },
    { type: 'usage-daily', seq: 1, at: iso(60), payload: { day: day(1), rows: [{ fn: 'self-query', staffId: null, count: 41 }, { fn: 'report-print', staffId: null, count: 17 }] } },
    { type: 'usage-daily', seq: 2, at: iso(5), payload: { day: day(0), rows: [{ fn: 'self-query', staffId: null, count: 12 }, { fn: 'report-print', staffId: null, count: 5 }] } },
  ]);
  await post('K-HALL-02', [
    { type: 'heartbeat', seq: 1, at: iso(2), payload: { ...beat, printer: 'stopped', outboxBacklog: 14, configVersion: null } },
    { type: 'config-ack', seq: 1, at: iso(20), payload: { configVersion: 1, result: 'refused', reason: 'SYNC_BAD_SIGNATURE' } },
    { type: 'usage-daily', seq: 1, at: iso(4), payload: { day: day(0), rows: [{ fn: 'credit-check', staffId: '10023', count: 9 }, { fn: 'joint-measures', staffId: '10023', count: 2 }, { fn: 'credit-check', staffId: '10031', count: 4 }] } },
  ]);
});

test.afterAll(async () => {
  if (platform && platform.exitCode === null) {
    const exited = new Promise((r) => platform.once('exit', r));
    platform.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an operator signs in and sees each kiosk, the usage, its export, in Chinese and English', async ({ page }, testInfo) => {
  // Three axe scans and three full-page screenshots of a font-heavy page on a busy machine.
  test.setTimeout(180_000);
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-fleet-${name}.png`), fullPage: true });
  await page.goto(`${url}/fleet/`);
  await expect(page.getByRole('heading', { name: '运维人员登录' })).toBeVisible();
  await expectAccessible(page, 'fleet sign-in');
  await shot('01-sign-in');

  await page.getByLabel('用户名').fill(OPERATOR.name);
  await page.getByLabel('口令').fill('not the password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByRole('alert')).toHaveText('用户名或口令错误');

  await page.getByLabel('口令').fill(OPERATOR.password);
  await page.getByRole('button', { name: '登录' }).click();
  const kiosks = page.getByTestId('kiosk-table');
  await expect(kiosks.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('共 3 台，1 台失联，2 台未确认最新配置，今日使用 32 人次')).toBeVisible();
  const row = (id: string) => kiosks.getByRole('row').filter({ has: page.getByRole('rowheader', { name: id }) });
  await expect(row('K-HALL-01')).toContainText('v1 已生效');
  await expect(row('K-HALL-02')).toContainText('停止');
  await expect(row('K-HALL-02')).toContainText('v1 被拒绝');
  await expect(row('K-HALL-02')).toContainText('14');
  await expect(row('K-HALL-03')).toContainText('从未上报');
  await expect(row('K-HALL-03')).toContainText('失联');
  // The session cookie is the platform's alone: no script on the page can read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('fleet_session');

  await expect(page.getByText('合计 90 人次')).toBeVisible();
  await expect(page.getByRole('img', { name: '每日使用人次（按功能）' })).toBeVisible();
  const totals = page.getByTestId('usage-totals');
  await expect(totals.getByRole('row', { name: '自助查询 53' })).toBeVisible();
  await page.getByLabel('汇总方式').selectOption('staffId');
  await expect(totals.getByRole('row', { name: '自助（无工作人员） 75' })).toBeVisible();
  await expect(totals.getByRole('row', { name: '10023 11' })).toBeVisible();
  await expectAccessible(page, 'fleet overview');
  await shot('02-overview');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 CSV' }).click()]);
  const csvText = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('\ufeff日期 Day,一体机 Kiosk,功能 Function,功能代码 Code,工号 Staff,人次 Count');
  expect(csvText).toContain(`${day(0)},K-HALL-02,信用核查,credit-check,10023,9`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^usage-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByRole('button', { name: '切换为英文界面' }).click();
  await expect(page.getByRole('heading', { name: 'Kiosks' })).toBeVisible();
  await expect(page.getByText('3 kiosks, 1 silent, 2 not yet on the newest configuration; 32 uses today')).toBeVisible();
  await expect(row('K-HALL-02')).toContainText('v1 refused');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page, 'fleet overview in English');
  await shot('03-overview-en');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Operator sign-in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '运维人员登录' })).toBeVisible();
});
