// A counter workstation (信用核查) in Chromium through the web host: sign in, check
// by code and by card, record a decision, import a 1,000-row batch with bad rows,
// export it; and a self-service kiosk's admin console. Every staff and admin screen
// gets an axe scan. Nothing waits for one event: each step re-reads what is shown.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { usccCheckChar } from '../../src-main/common/codes/uscc';
import { startKioskHost, type KioskHost } from './kioskHost';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// Room for a machine whose cores are all busy (CI runs this beside other work).
test.describe.configure({ timeout: 180_000 });
let host: KioskHost;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  host = await startKioskHost({ station: 'counter' });
});

test.afterAll(async () => {
  await host.stop();
});

/** The demo reader is driven through the same API the demo panel uses. */
async function demoCall(page: Page, method: string, input: unknown, on: KioskHost = host): Promise<unknown> {
  const token = new URL(on.url).hash.replace('#token=', '');
  return page.evaluate(
    async ([m, i, tk]) => (await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tk}` }, body: JSON.stringify(i) })).json(),
    [method, input, token] as const,
  );
}

async function signIn(page: Page): Promise<void> {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('信用核查工作台');
  await expectNoAxeViolations(page);
  await page.locator('input[name="staffNo"]').fill('D001');
  await page.locator('input[name="pin"]').fill('246810');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('演示窗口人员')).toBeVisible();
}

/** axe-core (WCAG 2.2 and best practice) over the screen, or one part of it: no violation of any impact. */
async function expectNoAxeViolations(page: Page, within?: string): Promise<void> {
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (within) axe = axe.include(within);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target.join(' ') ?? ''}`)).toEqual([]);
}

const DISPLAY_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;

test('a check by code shows the hits and the measures for the item, and the decision is recorded', async ({ page }, testInfo) => {
  await signIn(page);
  await page.locator('select').first().selectOption({ index: 1 });
  await page.locator('input[name="code"]').fill('91370302MA3D8N5Q2G');
  await page.getByRole('button', { name: '核查', exact: true }).first().click();
  await expect(page.getByText('失信被执行人').first()).toBeVisible();
  // Times as the hall reads them (China time, YYYY-MM-DD HH:mm), not the browser's locale.
  await expect(page.locator('.staff-provenance')).toContainText(DISPLAY_TIME);
  await expect(page.locator('.staff-provenance')).not.toContainText(/AM|PM|\//);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-staff-check.png`), fullPage: true });
  await page.getByRole('radio', { name: '未采取措施' }).check();
  await page.getByRole('button', { name: '记录决定' }).click();
  await expect(page.getByText(/已记录（审计序号 \d+）/)).toBeVisible();
});

test('a check by card uses the card on the counter reader', async ({ page }) => {
  await signIn(page);
  await page.locator('select').first().selectOption({ index: 1 });
  await demoCall(page, 'placeDemoCard', { cardId: 'card-zhou' });
  await page.getByRole('tab', { name: /读卡|证件|身份证/ }).click();
  await expect(async () => {
    await page.getByRole('button', { name: '核查', exact: true }).last().click();
    await expect(page.getByText('周建国').first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await demoCall(page, 'removeDemoCard', {});
});

test('a 1,000-row batch reports its bad rows one by one and exports', async ({ page }, testInfo) => {
  await signIn(page);
  await page.getByRole('button', { name: '批量核查' }).click();
  const rows = ['统一社会信用代码,名称'];
  for (let i = 0; i < 1000; i++) {
    if (i % 100 === 7) rows.push(`NOT-A-CODE-${i},坏行`);
    else if (i === 3) rows.push('91370302MA3D8N5Q2G,演示鼎盛');
    else {
      const first17 = `9137030${String(i).padStart(3, '0')}MA3C7K2P`.slice(0, 17);
      rows.push(`${first17}${usccCheckChar(first17)},测试企业${i}`);
    }
  }
  const csv = path.join(host.dataDir, 'bidders.csv');
  fs.writeFileSync(csv, rows.join('\n'));
  await page.locator('select[name="batch-item"]').selectOption({ index: 1 });
  await page.locator('input[name="batch-file"]').setInputFiles(csv);
  await page.getByRole('button', { name: '开始核查' }).click();
  await expect(page.getByTestId('batch-progress')).toContainText('已核查 1000 / 1000 行', { timeout: 60_000 });
  // One listed subject is hit; 10 malformed codes and 989 codes unknown to the cache are
  // each reported as a problem row (the demo cache holds only a handful of subjects).
  await expect(page.getByTestId('batch-progress')).toContainText('命中 1，问题行 999');
  await expectNoAxeViolations(page);
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-staff-batch.png`), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 XLSX/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
});

test('a new query clears the previous subject: no answer or decision form is left for the wrong subject', async ({ page }) => {
  await signIn(page);
  await page.locator('select').first().selectOption({ index: 1 });
  await page.locator('input[name="code"]').fill('91370302MA3D8N5Q2G');
  await page.getByRole('button', { name: '核查', exact: true }).first().click();
  await expect(page.getByTestId('staff-decision')).toContainText('鼎盛');
  // Another way to identify the subject: the answer and its decision form go at once.
  await page.getByRole('tab', { name: '按名称' }).click();
  await expect(page.getByTestId('staff-result')).toHaveCount(0);
  await expect(page.getByTestId('staff-decision')).toHaveCount(0);
  await page.locator('input[name="name"]').fill('青禾');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.getByRole('button', { name: /青禾/ }).first().click();
  await expect(page.getByTestId('staff-decision')).toContainText('青禾');
  await expect(page.getByTestId('staff-result')).not.toContainText('鼎盛');
  // A search starts a new query too.
  await page.getByRole('button', { name: '搜索' }).click();
  await expect(page.getByTestId('staff-decision')).toHaveCount(0);
});

test('a short batch shows the final count beside its full results table, and the staff screens pass axe', async ({ page }) => {
  await signIn(page);
  await page.getByRole('button', { name: '批量核查' }).click();
  const rows = ['统一社会信用代码,名称', '91370302MA3D8N5Q2G,演示鼎盛'];
  for (let i = 0; i < 11; i++) rows.push(i % 4 === 0 ? `BAD-${i},坏行` : `91370303MA3C7K2P1R,青禾${i}`);
  const csv = path.join(host.dataDir, 'short.csv');
  fs.writeFileSync(csv, rows.join('\n'));
  await page.locator('select[name="batch-item"]').selectOption({ index: 1 });
  await page.locator('input[name="batch-file"]').setInputFiles(csv);
  await page.getByRole('button', { name: '开始核查' }).click();
  await expect(page.locator('.staff-table tbody tr')).toHaveCount(12, { timeout: 30_000 });
  await expect(page.getByTestId('batch-progress')).toContainText('已核查 12 / 12 行');
  // Reasons read Chinese first.
  await expect(page.locator('.staff-table tbody tr.status-invalid-code td').last()).toContainText(/^[\u4e00-\u9fff]/);
  await page.getByRole('button', { name: '使用统计' }).click();
  await expect(page.getByRole('heading', { name: '使用统计' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('the admin console of a self-service kiosk', () => {
  // Long enough that a loaded machine finishes each step (every tap restarts it); the
  // tests that wait for it to run out allow for it several times over.
  const IDLE_SECONDS = 45;
  let kiosk: KioskHost;
  test.beforeAll(async () => {
    kiosk = await startKioskHost({ adminConsole: { idleSeconds: IDLE_SECONDS } });
  });
  test.afterAll(async () => {
    await kiosk.stop();
  });

  async function openSignIn(page: Page): Promise<void> {
    await page.goto(kiosk.url);
    await expect(page.getByTestId('screen-idle')).toBeVisible();
    // Five taps within three seconds, given in one go: five separate clicks can take
    // longer than that on a loaded machine.
    await page.getByTestId('app-title').evaluate((title) => {
      for (let i = 0; i < 5; i++) (title as HTMLElement).click();
    });
    await expect(page.getByTestId('admin-signin')).toBeVisible();
  }

  async function typeCredentials(page: Page, staffNo: string, pin: string): Promise<void> {
    await page.getByTestId('admin-staffno').click();
    for (const k of staffNo) await page.getByTestId(`admin-key-${k}`).click();
    await page.getByTestId('admin-pin').click();
    for (const k of pin) await page.getByTestId(`admin-key-${k}`).click();
    await page.getByTestId('admin-submit').click();
  }

  test('refuses staff without the admin right, with the reason, and offers every letter for the staff number', async ({ page }) => {
    await openSignIn(page);
    await typeCredentials(page, 'D001', '246810');
    await expect(page.getByTestId('admin-signin-message')).toHaveText('该账户没有管理控制台权限，请由管理员登录', { timeout: 30_000 });
    await page.getByTestId('admin-staffno').click(); // the letters are offered while the staff number is being typed
    for (const k of ['A', 'D', 'K', 'Z', '0', '9']) await expect(page.getByTestId(`admin-key-${k}`)).toBeVisible();
    await expectNoAxeViolations(page, '[data-testid="admin-signin"]');
    await expect(page.getByTestId('admin-console')).toHaveCount(0);
  });

  test('a card placed while the console is open waits until it closes; the console closes itself when left alone', async ({ page }, testInfo) => {
    test.setTimeout(8 * IDLE_SECONDS * 1000);
    await openSignIn(page);
    await typeCredentials(page, 'D900', '864200');
    await expect(page.getByTestId('admin-console')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('admin-reader')).toContainText('模拟读卡器');
    await expect(page.getByTestId('admin-media')).toContainText('未配置 U 盘导入目录');
    await expectNoAxeViolations(page, '[data-testid="admin-console"]');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-admin-console.png`) });
    // On a busy machine the axe scan and the screenshot can outlast the console's idle time:
    // then it has closed by itself (as it should), and a fresh sign-in restarts its clock.
    if ((await page.getByTestId('admin-console').count()) === 0) {
      await openSignIn(page);
      await typeCredentials(page, 'D900', '864200');
    }
    await expect(page.getByTestId('admin-console')).toBeVisible({ timeout: 30_000 });
    await demoCall(page, 'placeDemoCard', { cardId: 'card-lin' }, kiosk);
    // While the console is there, nothing starts underneath it: sampled in the page, each
    // sample reading both at once, so a console that closes by itself meanwhile is no failure.
    const both = await page.evaluate(async () => {
      const seen: boolean[] = [];
      for (let i = 0; i < 20; i += 1) {
        seen.push(document.querySelector('[data-testid="admin-console"]') !== null && document.querySelector('[data-testid="screen-consent"]') !== null);
        await new Promise((r) => setTimeout(r, 100));
      }
      return seen.some(Boolean);
    });
    expect(both, 'the consent screen started under the open console').toBe(false);
    // Left alone, the console closes and signs out; the waiting card starts its journey.
    await expect(page.getByTestId('admin-console')).toHaveCount(0, { timeout: 4 * IDLE_SECONDS * 1000 });
    await expect(page.getByTestId('screen-consent')).toBeVisible();
    await demoCall(page, 'removeDemoCard', {}, kiosk);
    await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
  });

  test('the sign-in overlay closes by itself when left alone', async ({ page }) => {
    test.setTimeout(8 * IDLE_SECONDS * 1000);
    await openSignIn(page);
    await expect(page.getByTestId('admin-signin')).toHaveCount(0, { timeout: 4 * IDLE_SECONDS * 1000 });
    await expect(page.getByTestId('screen-idle')).toBeVisible();
  });
});
