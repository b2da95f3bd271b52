// Citizen services in Debian's Chromium through the web host: an objection (异议申请)
// filed from the person's own summary with its sealed receipt read back and verified,
// refusals, a card lifted mid-flow; and checking a printed report by its number or its
// QR (报告核验) at the kiosk without a card and at the counter.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sealedQrText } from '../../src-main/node/report/verifyReportPdf';
import { expectAccessible } from './axe';
import { startSession, takeCard, useKioskHost } from './journeySteps';
import { startKioskHost } from './kioskHost';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ROOT = path.resolve(__dirname, '../..');
const PHONE = '13912345678';
const FINE = 'demo-r-zhou-pen-current';
test.describe.configure({ timeout: 240_000 });
const host = useKioskHost(() => ({ session: { idleSeconds: 120 } }));

const shooter = (page: Page, project: string) => (name: string) => page.screenshot({ path: path.join(SHOTS, `${project}-citizen-${name}.png`) });

function findFile(dir: string, name: string): string {
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (e.isFile() && e.name === name) return path.join(e.parentPath, e.name);
  throw new Error(`${name} not found`);
}

function queuedObjections(): number {
  const db = new Database(findFile(host().dataDir, 'outbox.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM events WHERE type = 'objection'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * A keyboard-wedge scanner: every key of the code 2 ms apart, then Enter (what useScanner
 * listens to). The keys carry the scanner's own timing, so a busy test machine pausing the
 * page mid-loop does not turn one scan into two.
 */
async function scan(page: Page, text: string): Promise<void> {
  await page.evaluate((code) => {
    const t0 = performance.now();
    [...code, 'Enter'].forEach((key, i) => {
      const event = new KeyboardEvent('keydown', { key });
      Object.defineProperty(event, 'timeStamp', { value: t0 + i * 2 });
      window.dispatchEvent(event);
    });
  }, text);
}

async function typeOn(page: Page, pad: string, text: string): Promise<void> {
  for (const ch of text) await page.getByTestId(`${pad}-key-${ch}`).click();
}

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

test('an objection from the summary: record, reason, phone, receipt printed and verified; a second one refused', async ({ page }, testInfo) => {
  const shot = shooter(page, testInfo.project.name);
  await startSession(page, host(), 'card-zhou');
  await page.getByTestId('open-objection').click();
  await expect(page.getByTestId('screen-objection-list')).toBeVisible();
  await expect(page.getByRole('heading', { name: '信用信息异议申请' })).toBeVisible();
  await expectAccessible(page, 'objection: choose');
  await shot('01-objection-list');

  await page.getByTestId(`objection-record-${FINE}`).click();
  await expect(page.getByTestId('screen-objection-reason')).toBeVisible();
  await page.getByTestId('objection-reason-content-wrong').check();
  await expectAccessible(page, 'objection: reason');
  await shot('02-objection-reason');
  await page.getByTestId('objection-next').click();

  await expect(page.getByTestId('screen-objection-phone')).toBeVisible();
  await expect(page.getByTestId('objection-next')).toBeDisabled();
  await typeOn(page, 'phone-pad', PHONE);
  await expect(page.getByTestId('phone-pad-display')).toContainText(PHONE);
  await expectAccessible(page, 'objection: phone');
  await shot('03-objection-phone');
  await page.getByTestId('objection-next').click();

  await expect(page.getByTestId('objection-confirm')).toContainText('违规占用消防车通道');
  await expect(page.getByTestId('objection-confirm')).toContainText('信息内容有误');
  await shot('04-objection-confirm');
  const before = queuedObjections();
  await page.getByTestId('objection-submit').click();
  await expect(page.getByTestId('objection-receipt')).toBeVisible({ timeout: 30_000 });
  const number = (await page.getByTestId('objection-number').textContent())!.trim();
  expect(number).toMatch(/^\d{14}[0-9A-Z]{8}$/);
  await expect(page.getByTestId('objection-phone-masked')).toHaveText('139****5678');
  await expect(page.getByTestId('objection-receipt')).toContainText('10 个工作日');
  await expectAccessible(page, 'objection: receipt');
  await shot('05-objection-receipt');
  expect(queuedObjections()).toBe(before + 1);

  // The receipt as printed: read back, sealed, verified by verify-report.
  await expect.poll(() => fs.readdirSync(host().printedDir).some((f) => f.includes(number) && f.endsWith('.pdf')), { timeout: 30_000 }).toBe(true);
  const receipt = path.join(host().printedDir, fs.readdirSync(host().printedDir).find((f) => f.includes(number) && f.endsWith('.pdf'))!);
  const text = execFileSync('pdftotext', ['-layout', receipt, '-'], { encoding: 'utf8' });
  expect(text).toContain('信用信息异议申请回执');
  expect(text).toContain(number);
  expect(text).toContain('139****5678');
  expect(text).not.toContain(PHONE);
  const key = findFile(host().dataDir, 'report-signing-key.pub.pem');
  const verified = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/credit-kiosk.cjs'), 'verify-report', receipt, '--key', key, '--json'], { encoding: 'utf8' })) as { valid: boolean; reportNumber: string; edition: string };
  expect(verified).toMatchObject({ valid: true, reportNumber: number, edition: 'objection-receipt' });

  // Back on the summary, the application is listed; the same record again is refused.
  await page.getByTestId('objection-done').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await page.getByTestId('open-objection').click();
  await expect(page.getByTestId(`objection-state-${number}`)).toHaveText('已提交，待平台受理');
  await page.getByTestId(`objection-record-${FINE}`).click();
  await expect(page.getByTestId('objection-refusal')).toHaveAttribute('data-reason', 'pending');
  await expect(page.getByTestId('objection-refusal')).toContainText('已有异议申请正在处理');
  await shot('06-objection-pending-refused');

  // English complete, 大字 and 高对比 on the same screen.
  await page.getByTestId('language-toggle').click();
  await expect(page.getByRole('heading', { name: 'Object to credit information' })).toBeVisible();
  await expect(page.getByTestId(`objection-state-${number}`)).toHaveText('Submitted, awaiting the platform');
  await expect(page.getByTestId('objection-refusal')).toContainText('already being handled');
  await page.getByTestId('large-text-toggle').click();
  await page.getByTestId('high-contrast-toggle').click();
  await expect(page.locator('html')).toHaveClass(/large-text/);
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await expectAccessible(page, 'objection in English, large text, high contrast');
  await shot('07-objection-en-large-contrast');
  await takeCard(page);
});

test('a record not taken is refused with the reason; a card lifted mid-flow leaves nothing queued or shown', async ({ page }, testInfo) => {
  const shot = shooter(page, testInfo.project.name);
  await startSession(page, host(), 'card-lin');
  await page.getByTestId('open-objection').click();
  await page.getByTestId('objection-record-demo-r-lin-commit-1').click();
  await expect(page.getByTestId('objection-refusal')).toHaveAttribute('data-reason', 'category-excluded');
  await expect(page.getByTestId('objection-refusal')).toContainText('信用承诺');
  await shot('08-objection-category-refused');

  await page.getByTestId('objection-record-demo-r-lin-qual-1').click();
  await page.getByTestId('objection-reason-not-mine').check();
  await page.getByTestId('objection-next').click();
  await typeOn(page, 'phone-pad', '1380013');
  const before = queuedObjections();
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
  expect(queuedObjections()).toBe(before);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="demo-panel"]')?.remove();
    return copy.outerHTML;
  });
  expect(html).not.toContain('林晓岚');
  expect(html).not.toContain('1380013');
  expect(html).not.toContain('注册会计师');
});

test('报告核验 at the kiosk without a card: by number, by scanned QR, a forged QR and one not ours', async ({ page }, testInfo) => {
  const shot = shooter(page, testInfo.project.name);
  // A report to check: printed by a person, who then leaves.
  await startSession(page, host(), 'card-lin');
  const printedBefore = fs.readdirSync(host().printedDir).filter((f) => f.endsWith('.pdf')).length;
  await page.getByTestId('print-report').click();
  await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => fs.readdirSync(host().printedDir).filter((f) => f.endsWith('.pdf')).length, { timeout: 30_000 }).toBe(printedBefore + 1);
  const file = fs.readdirSync(host().printedDir).filter((f) => f.startsWith('credit-report-') && f.endsWith('.pdf')).map((f) => path.join(host().printedDir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0]!;
  const number = /(\d{14}[0-9A-Z]{8})/.exec(path.basename(file))![1]!;
  const qr = sealedQrText(fs.readFileSync(file))!;
  expect(qr).toContain(number);
  await takeCard(page);

  await page.getByTestId('service-verify').click();
  await expect(page.getByTestId('screen-verify-report')).toBeVisible();
  await expectAccessible(page, 'verify: form');
  await shot('10-verify-form');
  await typeOn(page, 'number-pad', number);
  await page.getByTestId('report-check-submit').click();
  await expect(page.getByTestId('report-check-result')).toHaveAttribute('data-verdict', 'genuine');
  await expect(page.getByTestId('report-check-number')).toHaveText(number);
  await expect(page.getByTestId('report-check-seal')).toHaveText('未扫描二维码（按编号查询）');
  await expect(page.getByTestId('report-check-platform')).toHaveText('本机未连接信用平台，仅完成离线核验');
  await expect(page.getByTestId('report-check-caveat')).toContainText('不能证明手中的纸张没有被涂改');
  await expectAccessible(page, 'verify: genuine by number');
  await shot('11-verify-genuine-number');

  // The scanner types the QR in one fast burst ending in Enter.
  await page.getByTestId('report-check-again').click();
  await scan(page, qr);
  await expect(page.getByTestId('report-check-result')).toHaveAttribute('data-verdict', 'genuine');
  await expect(page.getByTestId('report-check-seal')).toHaveText('二维码签名有效');
  await shot('12-verify-genuine-qr');

  // The same QR with its signature changed: forged.
  await page.getByTestId('report-check-again').click();
  const parts = qr.split('.');
  const forged = `${parts.slice(0, -1).join('.')}.${'A'.repeat(parts.at(-1)!.length)}`;
  await scan(page, forged);
  await expect(page.getByTestId('report-check-result')).toHaveAttribute('data-verdict', 'forged');
  await expect(page.getByTestId('report-check-verdict')).toContainText('核验未通过');
  await expect(page.getByTestId('report-check-caveat')).toHaveCount(0);
  await expectAccessible(page, 'verify: forged');
  await shot('13-verify-forged');

  // A QR of something else altogether.
  await page.getByTestId('report-check-again').click();
  await scan(page, 'https://example.invalid/menu?table=12');
  await expect(page.getByTestId('report-check-result')).toHaveAttribute('data-verdict', 'not-ours');
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('report-check-verdict')).toContainText('Not a QR code of this system’s reports');
  await shot('14-verify-not-ours-en');
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('verify-back').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible();
});

test('报告核验 at the counter: a staff member checks a report by its number', async ({ page }, testInfo) => {
  const counter = await startKioskHost({ station: 'counter' });
  try {
    await page.goto(counter.url);
    await page.locator('input[name="staffNo"]').fill('D001');
    await page.locator('input[name="pin"]').fill('246810');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('button', { name: '报告核验' }).click();
    await expect(page.getByTestId('report-check-form')).toBeVisible();
    await typeOn(page, 'number-pad', '20260101120000ABCDEFGH');
    await page.getByTestId('report-check-submit').click();
    await expect(page.getByTestId('report-check-result')).toHaveAttribute('data-verdict', 'unknown');
    await expect(page.getByTestId('report-check-verdict')).toContainText('无法确认');
    await expectAccessible(page, 'counter: verify unknown');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-citizen-15-counter-verify.png`) });
  } finally {
    await counter.stop();
  }
});
