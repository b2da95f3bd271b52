// The boundary between one person and the next, and the screens around it, in
// Debian's Chromium through the web host: a card swapped in a blink, two sessions
// back to back, the card left on the reader, the service menu, the consent notice,
// the action bar at every text size, and a printer that cannot print.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { startSession, takeCard, useKioskHost } from './journeySteps';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// Whole journeys on a machine whose CPUs other work keeps busy: generous, never timed.
test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** The page's markup without the demo panel (whose buttons name the demo cards). */
function personalMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="demo-panel"]')?.remove();
    return copy.outerHTML;
  });
}

/** The element is inside the viewport and is what a finger there would touch. */
async function expectReachable(page: Page, testId: string): Promise<void> {
  await expect
    .poll(() =>
      page.getByTestId(testId).evaluate((el) => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return 'outside the viewport';
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit === el || el.contains(hit) ? 'reachable' : 'covered';
      }),
    )
    .toBe('reachable');
}

test.describe('with the demo reader', () => {
  // Long enough that axe scans and screenshots on a busy machine never meet the countdown.
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 120, countdownSeconds: 5, maxSessionSeconds: 600 } }));

  test('a card swapped for another without a pause ends the first person’s session on screen', async ({ page }, testInfo) => {
    await startSession(page, kiosk(), 'card-lin');
    await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
    // The demo panel lays the next card at once: no empty poll falls between the two.
    await page.getByTestId('demo-card-card-zhou').click();
    await expect(page.getByTestId('screen-consent')).toContainText('周建国');
    expect(await personalMarkup(page)).not.toContain('林晓岚');
    await page.getByTestId('consent-agree').click();
    await expect(page.getByTestId('subject-name')).toContainText('周建国');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-11-after-swap.png`) });
    await takeCard(page);
  });

  test('a screen that missed the card’s events (reloaded, or its stream connected late) shows the session in progress', async ({ page }) => {
    await page.goto(kiosk().url);
    await page.getByTestId('demo-card-card-lin').click();
    await expect(page.getByTestId('screen-consent')).toContainText('林晓岚');
    // A new document (the kiosk's own reload): it starts idle and heard none of the events that opened this session.
    await page.goto('about:blank');
    await page.goto(kiosk().url);
    await expect(page.getByTestId('screen-consent')).toContainText('林晓岚', { timeout: 30_000 });
    await takeCard(page);
  });

  test('结束查询 with the card on the reader asks for the card; lifting it returns to the start', async ({ page }) => {
    await startSession(page, kiosk(), 'card-lin');
    await page.getByTestId('finish').click();
    await expect(page.getByTestId('screen-take-card')).toBeVisible();
    await takeCard(page);
  });

  test('the consent screen says what the law asks, and the full notice reads on screen', async ({ page }, testInfo) => {
    await page.goto(kiosk().url);
    await page.getByTestId('demo-card-card-lin').click();
    const law = page.getByTestId('consent-law');
    await expect(law).toContainText('处理目的');
    await expect(law).toContainText('读取的信息');
    await expect(law).toContainText('去向');
    await expect(law).toContainText('保存期限');
    await expect(law).toContainText('个人信息保护法');
    await page.getByTestId('consent-read-full').click();
    await expect(page.getByTestId('consent-full')).toContainText('敏感个人信息');
    await expectAccessible(page, 'full notice');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-13-notice.png`) });
    await page.getByTestId('consent-full-close').click();
    await expect(page.getByTestId('consent-full')).toBeHidden();
    await takeCard(page);
  });

  test('the service menu: guidance on screen, and 企业信用报告 chosen first opens the enterprise lookup', async ({ page }, testInfo) => {
    await page.goto(kiosk().url);
    for (const s of ['personal', 'enterprise', 'certificate', 'verify', 'repair', 'objection']) await expect(page.getByTestId(`service-${s}`)).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-14-menu.png`) });
    for (const [topic, text] of [
      ['repair', '信用修复'],
      ['objection', '异议'],
    ] as const) {
      await page.getByTestId(`service-${topic}`).click();
      await expect(page.getByTestId(`screen-info-${topic}`)).toContainText(text);
      await expectAccessible(page, `info ${topic}`);
      await page.getByTestId('info-back').click();
      await expect(page.getByTestId('screen-idle')).toBeVisible();
    }
    // 报告核验 needs no card: its own screen (test/e2e/citizen.spec.ts walks it).
    await page.getByTestId('service-verify').click();
    await expect(page.getByTestId('screen-verify-report')).toBeVisible();
    await page.getByTestId('verify-back').click();
    await expect(page.getByTestId('screen-idle')).toBeVisible();
    await page.getByTestId('service-enterprise').click();
    await expect(page.getByTestId('idle-chosen')).toContainText('企业信用报告');
    await page.getByTestId('demo-card-card-lin').click();
    await page.getByTestId('consent-agree').click();
    await expect(page.getByTestId('screen-enterprise')).toBeVisible();
    await expect(page.getByTestId('enterprise-91370303MA3C7K2P1R')).toBeVisible();
    await takeCard(page);
    // The choice was that person's: the next one starts with none.
    await expect(page.getByTestId('idle-chosen')).not.toContainText('企业信用报告');
  });

  test('打印 and 结束查询 stay on screen at every text size, on the summary and the preview', async ({ page }, testInfo) => {
    await startSession(page, kiosk(), 'card-zhou');
    for (const large of [false, true]) {
      if (large) await page.getByTestId('large-text-toggle').click();
      await expectReachable(page, 'print-report');
      await expectReachable(page, 'finish');
    }
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-15-summary-large-text.png`) });
    await page.getByTestId('preview-report').click();
    await expect(page.getByTestId('screen-preview')).toBeVisible();
    await expectReachable(page, 'preview-print');
    await expectAccessible(page, 'preview, large text');
    await takeCard(page);
  });
});

test.describe('with the demo reader and a short idle time', () => {
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 15, countdownSeconds: 5, maxSessionSeconds: 600 } }));

  test('a session that times out with the card on the reader asks for the card, and the next session starts clean', async ({ page }, testInfo) => {
    await startSession(page, kiosk(), 'card-zhou');
    // The first person makes the kiosk their own: English, 大字, 高对比, scrolled down.
    await page.getByTestId('large-text-toggle').click();
    await page.getByTestId('high-contrast-toggle').click();
    await page.getByTestId('language-toggle').click();
    await expect(page.getByTestId('summary-title')).toHaveText('Your public credit information');
    await page.getByTestId('summary-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // …and walks away with the card still on the reader: the countdown runs out.
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 40_000 });
    await expect(page.getByTestId('screen-take-card')).toBeVisible({ timeout: 40_000 });
    await expect(page.getByRole('heading', { name: '请取走您的身份证' })).toBeVisible();
    await expectAccessible(page, 'take card');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-12-take-card.png`) });
    expect(await personalMarkup(page)).not.toContain('周建国');
    await takeCard(page);

    // The second person: defaults everywhere, no countdown.
    await page.getByTestId('demo-card-card-lin').click();
    await expect(page.getByTestId('screen-consent')).toBeVisible();
    await expect(page.getByTestId('idle-countdown')).toBeHidden();
    await page.getByTestId('consent-agree').click();
    await expect(page.getByTestId('screen-summary')).toBeVisible();
    await expect(page.getByTestId('idle-countdown')).toBeHidden();
    await expect(page.getByTestId('summary-title')).toHaveText('您的公共信用信息概要');
    expect(await page.evaluate(() => ({ lang: document.documentElement.lang, classes: document.documentElement.className }))).toEqual({ lang: 'zh-CN', classes: '' });
    await expect(page.getByTestId('large-text-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('high-contrast-toggle')).toHaveAttribute('aria-pressed', 'false');
    expect(await page.getByTestId('summary-body').evaluate((el) => el.scrollTop)).toBe(0);
    await takeCard(page);
  });
});

test.describe('with a printer that cannot print', () => {
  // The file printer's folder lies under a plain file: it can never be created.
  const blocker = path.join(os.tmpdir(), `kiosk-e2e-not-a-folder-${process.pid}`);
  test.beforeAll(() => fs.writeFileSync(blocker, ''));
  test.afterAll(() => fs.rmSync(blocker, { force: true }));
  const kiosk = useKioskHost(() => ({ printer: { kind: 'file', dir: path.join(blocker, 'printed') } }));

  test('the summary stays, 打印 is disabled and the reason is said', async ({ page }, testInfo) => {
    await startSession(page, kiosk(), 'card-lin');
    await expect(page.getByTestId('printer-status')).toHaveText('打印机不可用');
    await expect(page.getByTestId('subject-name')).toContainText('林晓岚');
    await expect(page.getByTestId('print-report')).toBeDisabled();
    await expect(page.getByTestId('print-note')).toContainText('打印机暂不可用');
    await expectAccessible(page, 'summary, printer unavailable');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-16-printer-unavailable.png`) });
    await takeCard(page);
  });
});
