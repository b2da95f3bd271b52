// A counter workstation (信用核查) in Chromium through the web host: sign in, check
// by code and by card, record a decision, import a 1,000-row batch with bad rows,
// export it.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { usccCheckChar } from '../../src-main/common/codes/uscc';
import { startKioskHost, type KioskHost } from './kioskHost';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
let host: KioskHost;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  host = await startKioskHost({ station: 'counter' });
});

test.afterAll(async () => {
  await host.stop();
});

/** The demo reader is driven through the same API the demo panel uses. */
async function demoCall(page: Page, method: string, input: unknown): Promise<unknown> {
  const token = new URL(host.url).hash.replace('#token=', '');
  return page.evaluate(
    async ([m, i, tk]) => (await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tk}` }, body: JSON.stringify(i) })).json(),
    [method, input, token] as const,
  );
}

async function signIn(page: Page): Promise<void> {
  await page.goto(host.url);
  await page.locator('input[name="staffNo"]').fill('D001');
  await page.locator('input[name="pin"]').fill('246810');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText('演示窗口人员')).toBeVisible();
}

test('a check by code shows the hits and the measures for the item, and the decision is recorded', async ({ page }, testInfo) => {
  await signIn(page);
  await page.locator('select').first().selectOption({ index: 1 });
  await page.locator('input[name="code"]').fill('91370302MA3D8N5Q2G');
  await page.getByRole('button', { name: '核查', exact: true }).first().click();
  await expect(page.getByText('失信被执行人').first()).toBeVisible();
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
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-staff-batch.png`), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 XLSX/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
});
