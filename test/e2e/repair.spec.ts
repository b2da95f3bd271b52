// 信用修复申请 on the kiosk, in Debian's Chromium through the web host, with Chromium's fake
// camera playing a page made at test time: a penalty too recent is refused with the date it
// can be applied for; the repairable one shows its checklist, the letter is signed with
// synthetic pointer strokes, each material photographed (one retaken), a phone typed, and
// the receipt shows; the sealed letter prints and verify-report accepts it. With the camera
// denied or absent the person is told so and offered the counter. Axe-clean throughout.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { useKioskHost } from './journeySteps';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ROOT = path.resolve(__dirname, '../..');
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PHOTO_PAGES = ['identity-document', 'penalty-fulfilled', 'authority-repair-form', 'training-certificate', 'credit-report'];
test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** A Y4M "document" the fake camera plays: a white page with dark lines of text, made here. */
function writePageVideo(): string {
  const [w, h] = [640, 480];
  const file = path.join(os.tmpdir(), 'credit-kiosk-repair-page.y4m');
  const y = Buffer.alloc(w * h, 235);
  for (let row = 60; row < h - 60; row += 24) for (let r = row; r < row + 8; r++) y.fill(30, r * w + 60, r * w + w - 60 - ((row * 7) % 200));
  const uv = Buffer.alloc((w / 2) * (h / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), y, uv]);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${w} H${h} F5:1 Ip A1:1 C420jpeg\n`), frame, frame, frame]));
  return file;
}

async function openBrowser(camera: 'page' | 'denied' | 'absent', viewport: { width: number; height: number } | null): Promise<{ browser: Browser; page: Page }> {
  const args = camera === 'page' ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${writePageVideo()}`] : camera === 'denied' ? ['--use-fake-device-for-media-stream', '--deny-permission-prompts'] : [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...BASE_ARGS, ...args] });
  // axe needs a page of a context it can open frames in: a context of this browser's own.
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  return { browser, page };
}

async function toRepair(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('demo-card-card-zhou').click();
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await page.getByTestId('open-repair').click();
  await expect(page.getByTestId('screen-repair-list')).toBeVisible();
}

async function sign(page: Page): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  for (const stroke of [[[0.1, 0.7], [0.2, 0.3], [0.3, 0.7]], [[0.4, 0.3], [0.45, 0.7], [0.6, 0.5]]]) {
    await page.mouse.move(box.x + stroke[0]![0]! * box.width, box.y + stroke[0]![1]! * box.height);
    await page.mouse.down();
    for (const [x, yy] of stroke.slice(1)) await page.mouse.move(box.x + x! * box.width, box.y + yy! * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

/** Through the checklist and the letter to the photo step of the repairable penalty. */
async function toPhotos(page: Page): Promise<void> {
  await page.getByTestId('repair-record-demo-r-zhou-pen-repairable').click();
  await expect(page.getByTestId('screen-repair-checklist')).toBeVisible();
  await page.getByTestId('repair-next').click();
  await page.getByTestId('field-corrected-0').check();
  await sign(page);
  await expect(page.getByTestId('repair-next')).toBeEnabled();
  await page.getByTestId('repair-next').click();
  await expect(page.getByTestId('screen-repair-photos')).toBeVisible();
}

test.describe('credit repair on the kiosk', () => {
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 300, countdownSeconds: 10, maxSessionSeconds: 900 } }));

  test('a repairable penalty: checklist, letter signed, materials photographed, receipt; the letter verifies', async ({ viewport }, testInfo) => {
    const host = kiosk();
    const { browser, page } = await openBrowser('page', viewport);
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-repair-${name}.png`) });
    try {
      await toRepair(page, host.url);
      await expectAccessible(page, 'repair list');
      await shot('01-list');

      // Too recent: refused with the rule and the date it can be applied for.
      await page.getByTestId('repair-record-demo-r-zhou-pen-current').click();
      await expect(page.getByTestId('repair-refusal')).toHaveAttribute('data-reason', 'minimum-period');
      await expect(page.getByTestId('repair-refusal')).toContainText(/公示满 3 个月后才能申请修复，您可在 \d{4}-\d{2}-\d{2} 起申请/);
      await expectAccessible(page, 'repair refusal');
      await shot('02-not-yet');

      await page.getByTestId('repair-record-demo-r-zhou-pen-repairable').click();
      await expect(page.getByTestId('screen-repair-checklist')).toBeVisible();
      for (const code of ['commitment-letter', ...PHOTO_PAGES]) await expect(page.getByTestId(`repair-material-${code}`)).toBeVisible();
      await expect(page.getByTestId('repair-material-registration-certificate')).toHaveCount(0);
      await expectAccessible(page, 'repair checklist');
      await shot('03-checklist');
      await page.getByTestId('repair-next').click();
      await expect(page.getByTestId('repair-next')).toBeDisabled();
      await page.getByTestId('field-corrected-0').check();
      await sign(page);
      await expectAccessible(page, 'repair letter');
      await shot('04-signed');
      await page.getByTestId('repair-next').click();

      // Each material photographed; the first retaken.
      await expect(page.getByTestId('document-camera')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await page.getByTestId('repair-capture').click();
      await expect(page.getByTestId(`repair-page-${PHOTO_PAGES[0]}`)).toHaveAttribute('data-taken', 'true');
      await page.getByTestId(`repair-page-${PHOTO_PAGES[0]}`).click();
      await expect(page.getByTestId('repair-capture')).toHaveText('重拍');
      await page.getByTestId('repair-capture').click();
      for (const code of PHOTO_PAGES.slice(1)) {
        await page.getByTestId(`repair-page-${code}`).click();
        await page.getByTestId('repair-capture').click();
        await expect(page.getByTestId(`repair-page-${code}`)).toHaveAttribute('data-taken', 'true');
      }
      await expect(page.getByTestId('repair-preview')).toBeVisible();
      await expectAccessible(page, 'repair photos');
      await shot('05-photos');
      await page.getByTestId('repair-next').click();

      for (const d of '13812345678') await page.getByTestId(`repair-phone-pad-key-${d}`).click();
      await page.getByTestId('repair-next').click();
      await expect(page.getByTestId('repair-confirm')).toContainText('未按规定申报纳税');
      await page.getByTestId('repair-submit').click();
      await expect(page.getByTestId('repair-receipt')).toBeVisible({ timeout: 60_000 });
      const number = (await page.getByTestId('repair-number').textContent())!.trim();
      expect(number).toMatch(/^\d{14}[0-9A-Z]{8}$/);
      // No platform is configured for this kiosk: the receipt says it will be sent.
      await expect(page.getByTestId('repair-delivery')).toContainText('连接恢复后自动发送');
      await expectAccessible(page, 'repair receipt');
      await shot('06-receipt');

      // The sealed letter printed names the application; verify-report accepts it.
      const printed = (): string[] => (fs.existsSync(host.printedDir) ? fs.readdirSync(host.printedDir).filter((f) => f.endsWith('.pdf')) : []);
      await expect.poll(() => printed().length, { timeout: 60_000 }).toBe(1);
      const pdf = path.join(host.printedDir, printed()[0]!);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const s of ['信用承诺书（信用修复型）', number, '未按规定申报纳税']) expect(text).toContain(s);
      const key = fs.readdirSync(host.dataDir, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name === 'report-signing-key.pub.pem')!;
      const verified = JSON.parse(execFileSync(process.execPath, ['dist/main/cli.cjs', 'verify-report', pdf, '--key', path.join(key.parentPath, key.name), '--json'], { cwd: ROOT, encoding: 'utf8' })) as Record<string, unknown>;
      expect(verified).toMatchObject({ valid: true, edition: 'commitment' });

      // Back in the list: the application and its state; the same penalty again is refused as pending.
      await page.getByTestId('repair-done').click();
      await page.getByTestId('open-repair').click();
      await expect(page.getByTestId(`repair-state-${number}`)).toBeVisible();
      await page.getByTestId('repair-record-demo-r-zhou-pen-repairable').click();
      await expect(page.getByTestId('repair-refusal')).toHaveAttribute('data-reason', 'pending');
      // English and the large, high-contrast display.
      await page.getByTestId('language-toggle').click();
      await expect(page.getByRole('heading', { name: 'Apply for credit repair' })).toBeVisible();
      await expectAccessible(page, 'repair list in English');
      await shot('07-english');
      await page.getByTestId('demo-remove').click();
      await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });

});

// A kiosk of their own: the application filed above keeps its penalty pending on the other one.
test.describe('credit repair without a usable document camera', () => {
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 300, countdownSeconds: 10, maxSessionSeconds: 900 } }));

  for (const camera of ['denied', 'absent'] as const) {
    test(`the document camera ${camera}: the person is told so and offered the counter`, async ({ viewport }, testInfo) => {
      const { browser, page } = await openBrowser(camera, viewport);
      try {
        await toRepair(page, kiosk().url);
        await toPhotos(page);
        await expect(page.getByTestId('repair-camera-trouble')).toHaveAttribute('data-state', camera === 'denied' ? 'denied' : 'absent', { timeout: 30_000 });
        await expect(page.getByTestId('repair-to-counter')).toBeVisible();
        await expect(page.getByTestId('repair-next')).toBeDisabled();
        await expectAccessible(page, `camera ${camera}`);
        await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-repair-camera-${camera}.png`) });
        // The card lifted mid-flow: back to idle, nothing of the journey left on screen.
        await page.getByTestId('demo-remove').click();
        await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
        await expect(page.getByTestId('signature-canvas')).toHaveCount(0);
      } finally {
        await browser.close();
      }
    });
  }

  test('the document camera failing mid-capture: the screen says so, the pages taken are kept, the camera opens again or the counter is offered', async ({ viewport }, testInfo) => {
    const { browser, page } = await openBrowser('page', viewport);
    try {
      await toRepair(page, kiosk().url);
      await toPhotos(page);
      await expect(page.getByTestId('document-camera')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await page.getByTestId('repair-capture').click();
      await expect(page.getByTestId(`repair-page-${PHOTO_PAGES[0]}`)).toHaveAttribute('data-taken', 'true');
      // The camera stops under the page (a cable pulled): the next capture finds no live picture.
      await page.evaluate(() => document.querySelectorAll('video').forEach((v) => (v.srcObject as MediaStream | null)?.getTracks().forEach((t) => t.stop())));
      await page.getByTestId('repair-capture').click();
      await expect(page.getByTestId('repair-camera-trouble')).toHaveAttribute('data-state', 'failed');
      await expect(page.getByTestId('repair-camera-trouble')).toContainText('高拍仪拍摄中断');
      await expect(page.getByTestId('repair-to-counter')).toBeVisible();
      await expect(page.getByTestId(`repair-page-${PHOTO_PAGES[0]}`)).toHaveAttribute('data-taken', 'true');
      await expect(page.getByTestId('repair-next')).toBeDisabled();
      await expectAccessible(page, 'camera failed');
      await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-repair-camera-failed.png`) });
      // Opened again: the next page is taken and the first one is still there.
      await page.getByTestId('repair-camera-retry').click();
      await expect(page.getByTestId('document-camera')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await expect(page.getByTestId('repair-camera-trouble')).toHaveCount(0);
      await page.getByTestId(`repair-page-${PHOTO_PAGES[1]}`).click();
      await page.getByTestId('repair-capture').click();
      await expect(page.getByTestId(`repair-page-${PHOTO_PAGES[1]}`)).toHaveAttribute('data-taken', 'true');
      await expect(page.getByTestId(`repair-page-${PHOTO_PAGES[0]}`)).toHaveAttribute('data-taken', 'true');
      await page.getByTestId('demo-remove').click();
      await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
});

// At the counter, where staff help: the card on the counter's reader, the same journey, the letter confirmed by staff.
test.describe('credit repair at the counter', () => {
  const counter = useKioskHost(() => ({ station: 'counter' }));
  /** The demo reader driven through the API the demo panel uses. */
  const demoCall = (page: Page, method: string, input: unknown) =>
    page.evaluate(async ([m, i, tk]) => (await fetch(`/api/call/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tk}` }, body: JSON.stringify(i) })).json(), [method, input, new URL(counter().url).hash.replace('#token=', '')] as const);

  test('staff read the card, see each penalty’s eligibility, file for a person who cannot sign, and look the application up', async ({ viewport }, testInfo) => {
    const { browser, page } = await openBrowser('page', viewport);
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-counter-repair-${name}.png`) });
    try {
      await page.goto(counter().url);
      await page.locator('input[name="staffNo"]').fill('D001');
      await page.locator('input[name="pin"]').fill('246810');
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('button', { name: '信用修复', exact: true }).click();
      // No card yet: said plainly.
      await page.getByTestId('counter-repair-read').click();
      await expect(page.getByTestId('counter-repair-message')).toContainText('请在读卡器上放置身份证');
      await demoCall(page, 'placeDemoCard', { cardId: 'card-zhou' });
      await expect(async () => {
        await page.getByTestId('counter-repair-read').click();
        await expect(page.getByTestId('screen-repair-list')).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByTestId('counter-repair-applicant')).toContainText('3703**********1532');
      await expect(page.getByTestId('repair-record-demo-r-zhou-pen-current').getByTestId('repair-eligibility')).toContainText(/公示满 3 个月后才能申请修复/);
      await expectAccessible(page, 'counter repair list');
      await shot('01-list');

      await page.getByTestId('repair-record-demo-r-zhou-pen-repairable').click();
      await expect(page.getByTestId('screen-repair-checklist')).toBeVisible();
      await page.getByTestId('repair-next').click();
      await page.getByTestId('field-corrected-0').check();
      await page.getByTestId('repair-cannot-sign').check();
      await expect(page.getByTestId('signature-canvas')).toHaveCount(0);
      await shot('02-staff-confirms');
      await page.getByTestId('repair-next').click();
      await expect(page.getByTestId('document-camera')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      for (const code of PHOTO_PAGES) {
        await page.getByTestId(`repair-page-${code}`).click();
        await page.getByTestId('repair-capture').click();
        await expect(page.getByTestId(`repair-page-${code}`)).toHaveAttribute('data-taken', 'true');
      }
      await page.getByTestId('repair-next').click();
      for (const d of '13812345678') await page.getByTestId(`repair-phone-pad-key-${d}`).click();
      await page.getByTestId('repair-next').click();
      await page.getByTestId('repair-submit').click();
      await expect(page.getByTestId('repair-receipt')).toBeVisible({ timeout: 60_000 });
      const number = (await page.getByTestId('repair-number').textContent())!.trim();
      await expectAccessible(page, 'counter repair receipt');
      await shot('03-receipt');

      // The sealed letter to print for the applicant: it names the application and verifies.
      const download = page.waitForEvent('download');
      await page.getByTestId('repair-letter-download').click();
      const pdf = path.join(os.tmpdir(), `counter-repair-${number}.pdf`);
      await (await download).saveAs(pdf);
      expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(number);
      const key = fs.readdirSync(counter().dataDir, { recursive: true, withFileTypes: true }).find((e) => e.isFile() && e.name === 'report-signing-key.pub.pem')!;
      expect(JSON.parse(execFileSync(process.execPath, ['dist/main/cli.cjs', 'verify-report', pdf, '--key', path.join(key.parentPath, key.name), '--json'], { cwd: ROOT, encoding: 'utf8' }))).toMatchObject({ valid: true });

      // Done: back at the panel, the application found by its number.
      await page.getByTestId('repair-done').click();
      await page.getByTestId('counter-repair-number').fill(number);
      await page.getByTestId('counter-repair-lookup').click();
      await expect(page.getByTestId('counter-repair-found')).toContainText(number);
      await expect(page.getByTestId('counter-repair-found')).toHaveAttribute('data-state', /sending|submitted/);
      await demoCall(page, 'removeDemoCard', {});
    } finally {
      await browser.close();
    }
  });
});
