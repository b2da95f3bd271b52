// The thin path a citizen walks, driven in Debian's Chromium through the web host:
// idle → card on the (simulated) reader → own summary → print → card removed → cleared.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { startSession, takeCard } from './journeySteps';
import { startKioskHost, type KioskHost } from './kioskHost';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// Whole journeys on a machine whose CPUs other work keeps busy: generous, never timed.
test.describe.configure({ timeout: 240_000 });
let host: KioskHost;

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  host = await startKioskHost();
});

test.afterAll(async () => {
  await host.stop();
});

test('card → own summary → printed report → card removed → nothing personal left', async ({ page }, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-${name}.png`) });

  await page.goto(host.url);
  await expect(page.getByTestId('screen-idle')).toBeVisible();
  await expect(page.getByRole('heading', { name: '请将身份证放在感应区' })).toBeVisible();
  await expect(page.getByTestId('reader-status')).toHaveText('读卡器已连接');
  // The token left the address bar as soon as it was read.
  expect(page.url()).not.toContain('token');
  await expectAccessible(page, 'idle');
  await shot('01-idle');

  await page.getByTestId('demo-card-card-lin').click();
  // Nothing personal is looked up before the person agrees.
  await expect(page.getByTestId('screen-consent')).toBeVisible();
  await expectAccessible(page, 'consent');
  await shot('02a-consent');
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await expect(page.getByTestId('summary-title')).toHaveText('您的公共信用信息概要');
  // Before 打印: how many free prints are left today (the demo allows two).
  await expect(page.getByTestId('print-note')).toHaveText('今日还可免费打印 2 次');
  await expectAccessible(page, 'summary');
  await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
  // The ID number is masked even for its owner: the screen is in a public hall.
  await expect(page.getByTestId('subject-code')).toHaveText('3703**********2647');
  await expect(page.getByTestId('provenance')).toContainText('数据来源');
  const figures = await page.evaluate(() => ['card-to-consent', 'consent-to-summary'].map((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN));
  console.log(`[figure] ${testInfo.project.name}: card event → consent screen ${figures[0]!.toFixed(1)} ms; consent → own summary on screen ${figures[1]!.toFixed(1)} ms`);
  await shot('02-summary');

  // The preview is the report as it will print, drawn from the same model as the PDF.
  await page.getByTestId('preview-report').click();
  await expect(page.getByTestId('screen-preview')).toBeVisible();
  await expect(page.getByTestId('screen-preview')).toContainText('信用信息概要');
  await expect(page.getByTestId('screen-preview')).toContainText('林晓岚');
  await expectAccessible(page, 'preview');
  await shot('02b-preview');
  await page.getByTestId('preview-print').click();
  await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 30_000 });
  // The session goes on: the report is out, the person may go back or finish.
  await expect(page.getByRole('heading', { name: '请取走您的报告' })).toBeVisible();
  await expectAccessible(page, 'done');
  await shot('03-done');

  // The file printer wrote a real PDF; its text has the subject's Chinese name.
  const pdfs = fs.readdirSync(host.printedDir).filter((f) => f.endsWith('.pdf'));
  expect(pdfs).toHaveLength(1);
  const text = execFileSync('pdftotext', ['-layout', path.join(host.printedDir, pdfs[0]!), '-'], { encoding: 'utf8' });
  expect(text).toContain('林晓岚');
  expect(text).toContain('公共信用信息报告');

  await page.getByTestId('demo-remove').click();
  // The card went with the person: the end screen asks for the report only, then starts over.
  await expect(page.getByRole('heading', { name: '请取走您的身份证和报告' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
  // Everything but the demo panel (whose buttons name the demo cards) is free of the person.
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="demo-panel"]')?.remove();
    return copy.outerHTML;
  });
  expect(html).not.toContain('林晓岚');
  expect(html).not.toContain('2647');
});

test('one session prints both the holder’s own report and their enterprise’s, titled with its name', async ({ page }, testInfo) => {
  await startSession(page, host, 'card-lin');
  await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
  const before = fs.readdirSync(host.printedDir).length;
  await page.getByTestId('print-report').click();
  await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 30_000 });
  // One print no longer ends the session.
  await page.getByTestId('done-back').click();
  await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
  await page.getByTestId('open-enterprise').click();
  await expect(page.getByTestId('screen-enterprise')).toBeVisible();
  await expectAccessible(page, 'enterprise choice');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-04-enterprise.png`) });
  await page.getByTestId('enterprise-91370303MA3C7K2P1R').click();
  await expect(page.getByTestId('summary-title')).toHaveText('演示市青禾智能科技有限公司的公共信用信息概要');
  await expect(page.getByTestId('subject-code')).toHaveText('91370303MA3C7K2P1R');
  await expectAccessible(page, 'enterprise summary');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-04b-enterprise-summary.png`) });
  await page.getByTestId('print-report').click();
  await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => fs.readdirSync(host.printedDir).filter((f) => f.endsWith('.pdf')).length, { timeout: 30_000 }).toBe(before + 2);
  const pdf = fs.readdirSync(host.printedDir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(host.printedDir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('91370303MA3C7K2P1R');
  await takeCard(page);
});

test('an enterprise the holder does not represent is refused, and 我知道了 returns to their summary', async ({ page }) => {
  await startSession(page, host, 'card-lin');
  await page.getByTestId('open-enterprise').click();
  for (const ch of '91370302MA3D8N5Q2G') await page.getByTestId(`key-${ch}`).click();
  await page.getByTestId('key-submit').click();
  await expect(page.getByTestId('screen-error')).toHaveAttribute('data-error-code', 'NOT_THE_SUBJECT');
  await expectAccessible(page, 'error');
  await page.getByRole('button', { name: '我知道了' }).click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
  await expect(page.getByTestId('summary-title')).toHaveText('您的公共信用信息概要');
  await takeCard(page);
});

test('a holder who represents no enterprise is told so instead of being offered the lookup', async ({ page }) => {
  await startSession(page, host, 'card-zhou');
  await expect(page.getByTestId('no-enterprise')).toContainText('没有登记您为法定代表人的企业');
  await expect(page.getByTestId('open-enterprise')).toHaveCount(0);
  await takeCard(page);
});

test('an expired card gets its own screen and no data', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('demo-card-card-lin-expired').click();
  await expect(page.getByTestId('screen-error')).toHaveAttribute('data-error-code', 'CARD_EXPIRED');
  await expect(page.getByTestId('error-message')).toContainText('证件已过有效期');
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible();
});

test('a card holder with no local record is told what to do', async ({ page }) => {
  await page.goto(host.url);
  await page.getByTestId('demo-card-card-hmt').click();
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-error')).toHaveAttribute('data-error-code', 'SUBJECT_NOT_FOUND');
  await expect(page.getByTestId('error-message')).toContainText('信用窗口');
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible();
});

test('the admin console opens by the hidden gesture, behind a staff sign-in, and shows the devices', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByTestId('reader-status')).toHaveText('读卡器已连接');
  // Five taps within three seconds: as one gesture, and again if a busy machine spread them out.
  await expect(async () => {
    await page.getByTestId('app-title').click({ clickCount: 5 });
    await expect(page.getByTestId('admin-signin')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  for (const k of 'D900') await page.getByTestId(`admin-key-${k}`).click();
  await page.getByTestId('admin-pin').click();
  for (const k of '864200') await page.getByTestId(`admin-key-${k}`).click();
  await page.getByTestId('admin-submit').click();
  await expect(page.getByTestId('admin-console')).toBeVisible();
  await expect(page.getByTestId('admin-reader')).toContainText('已连接');
  await expect(page.getByTestId('admin-printer')).toContainText('就绪');
  await expect(page.getByTestId('admin-data')).toContainText('版本');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-05-admin.png`) });
  await page.getByTestId('admin-leave-kiosk').click();
  await expect(page.getByTestId('admin-message')).toContainText('已退出信息亭模式');
  await page.getByTestId('admin-close').click();
  await expect(page.getByTestId('admin-console')).toBeHidden();
  await expect(page.getByTestId('screen-idle')).toBeVisible();
});

test('an unplugged reader gets its own screen until it is back', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await expect(page.getByTestId('reader-status')).toHaveText('读卡器已连接');
  await page.getByTestId('demo-unplug').click();
  await expect(page.getByTestId('screen-reader-unavailable')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('reader-status')).toHaveText('读卡器未连接');
  await expectAccessible(page, 'reader unavailable');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-06-reader-unplugged.png`) });
  await page.getByTestId('demo-plug').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 15_000 });
});

test('the free prints left are shown before 打印, and past the daily quota 打印 says why, in the person’s language', async ({ page }, testInfo) => {
  await page.goto(host.url);
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('demo-card-card-zhou').click();
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your public credit information' })).toBeVisible();
  // The demo quota is two free prints a day; both in one session.
  for (const left of [2, 1]) {
    await expect(page.getByTestId('print-note')).toHaveText(`${left} free prints left today`);
    await page.getByTestId('print-report').click();
    await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('done-back').click();
  }
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await expect(page.getByTestId('print-note')).toHaveText('Today’s free prints are used up');
  await expect(page.getByTestId('print-report')).toBeDisabled();
  await expectAccessible(page, 'summary, quota used up');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-07-quota.png`) });
  await takeCard(page);
});
