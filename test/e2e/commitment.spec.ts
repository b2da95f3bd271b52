// 信用承诺 on the kiosk, in Debian's Chromium through the web host: a person chooses a
// letter, reads it with its field chosen, signs on the pad with synthetic pointer strokes
// (mouse and touch), and takes a sealed copy that pdftotext reads back and verify-report
// accepts; a second identical commitment is refused politely; English, 大字 and 高对比
// work; a card lifted mid-signing leaves nothing behind and nothing queued.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { startSession, takeCard, useKioskHost } from './journeySteps';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ROOT = path.resolve(__dirname, '../..');
test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));


/** Writes with the mouse: each stroke a press, moves in small steps, a release (coordinates as fractions of the frame). */
async function signWithMouse(page: Page, strokes: Array<Array<[number, number]>>): Promise<void> {
  const canvas = page.getByTestId('signature-canvas');
  // The mouse reaches only what is in the viewport.
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    await page.mouse.move(box.x + first![0] * box.width, box.y + first![1] * box.height);
    await page.mouse.down();
    for (const [x, y] of rest) await page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await page.mouse.up();
  }
}

/** Writes one stroke as a finger would: pointer events of type touch dispatched on the pad. */
async function signWithTouch(page: Page, stroke: Array<[number, number]>): Promise<void> {
  await page.getByTestId('signature-canvas').evaluate((canvas, points) => {
    const r = canvas.getBoundingClientRect();
    const at = ([x, y]: [number, number]) => ({ clientX: r.left + x * r.width, clientY: r.top + y * r.height });
    const fire = (type: string, p: [number, number]) =>
      canvas.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, ...at(p) }));
    fire('pointerdown', points[0]!);
    for (const p of points.slice(1)) fire('pointermove', p);
    fire('pointerup', points[points.length - 1]!);
  }, stroke);
}

const NAME_STROKES: Array<Array<[number, number]>> = [
  [[0.1, 0.7], [0.18, 0.3], [0.26, 0.7]],
  [[0.32, 0.3], [0.32, 0.7], [0.44, 0.7]],
];

function printedPdfs(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).map((f) => path.join(dir, f)) : [];
}

function findFile(dir: string, name: string): string {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name === name) return path.join(entry.parentPath, entry.name);
  }
  throw new Error(`${name} not found`);
}

function personalMarkup(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelector('[data-testid="demo-panel"]')?.remove();
    return copy.outerHTML;
  });
}

async function openLetter(page: Page, kind: string, option: number): Promise<void> {
  await page.getByTestId('open-commitment').click();
  await expect(page.getByTestId('screen-commitment')).toHaveAttribute('data-step', 'choose');
  await page.getByTestId(`commitment-kind-${kind}`).click();
  await expect(page.getByTestId('screen-commitment')).toHaveAttribute('data-step', 'read');
  await expect(page.getByTestId('commitment-to-sign')).toBeDisabled();
  await page.locator(`[data-testid^="field-"][data-testid$="-${option}"]`).first().check();
  await page.getByTestId('commitment-to-sign').click();
  await expect(page.getByTestId('screen-commitment')).toHaveAttribute('data-step', 'sign');
}

test.describe('on the kiosk', () => {
const kiosk = useKioskHost(() => ({ session: { idleSeconds: 120, countdownSeconds: 5, maxSessionSeconds: 600 } }));

test('a person signs a commitment on the screen and takes a sealed copy that verifies', async ({ page }, testInfo) => {
  const host = kiosk();
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-commitment-${name}.png`) });
  await startSession(page, host, 'card-lin');
  await page.getByTestId('open-commitment').click();
  await expect(page.getByRole('heading', { name: '选择信用承诺类型' })).toBeVisible();
  await expect(page.getByTestId('commitment-for')).toContainText('林晓岚');
  await expectAccessible(page, 'commitment catalogue');
  await shot('01-choose');

  await page.getByTestId('commitment-kind-certificate-notification').click();
  await expect(page.getByTestId('commitment-to-sign')).toBeDisabled();
  await page.getByTestId('field-certificate-1').check();
  await expect(page.getByTestId('commitment-items')).toContainText('以本承诺代替提交社会保险缴纳证明');
  await expectAccessible(page, 'commitment letter');
  await shot('02-read');
  await page.getByTestId('commitment-to-sign').click();

  // The pad: a tap is no signature; undo, redo and clear work; then a name in three strokes.
  await expect(page.getByTestId('commitment-sign')).toBeDisabled();
  await signWithMouse(page, [NAME_STROKES[0]!]);
  await expect(page.getByTestId('signature-status')).toContainText('已写 1 笔');
  await page.getByTestId('signature-undo').click();
  await expect(page.getByTestId('signature-status')).toContainText('尚未签名');
  await page.getByTestId('signature-redo').click();
  await expect(page.getByTestId('signature-status')).toContainText('已写 1 笔');
  await page.getByTestId('signature-clear').click();
  await expect(page.getByTestId('signature-status')).toContainText('尚未签名');
  await signWithMouse(page, NAME_STROKES);
  await signWithTouch(page, [[0.5, 0.5], [0.6, 0.35], [0.7, 0.6], [0.82, 0.45]]);
  await expect(page.getByTestId('signature-status')).toContainText('已写 3 笔');
  await expectAccessible(page, 'signature pad');
  await shot('03-signed');
  await page.getByTestId('commitment-sign').click();

  await expect(page.getByTestId('screen-commitment')).toHaveAttribute('data-step', 'done', { timeout: 60_000 });
  const number = /(\d{14}[0-9A-Z]{8})/.exec((await page.getByTestId('commitment-number').textContent()) ?? '')![1]!;
  await expectAccessible(page, 'commitment signed');
  await shot('04-done');

  // The copy printed: its text read back, and the verifier accepts it with the kiosk's key.
  await expect.poll(() => printedPdfs(host.printedDir).length, { timeout: 60_000 }).toBe(1);
  const pdf = printedPdfs(host.printedDir)[0]!;
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const expected of ['信用承诺书（证明事项告知承诺）', number, '林晓岚', '社会保险缴纳证明', '承诺人签名']) expect(text).toContain(expected);
  const key = findFile(host.dataDir, 'report-signing-key.pub.pem');
  const verified = JSON.parse(execFileSync(process.execPath, ['dist/main/cli.cjs', 'verify-report', pdf, '--key', key, '--json'], { cwd: ROOT, encoding: 'utf8' })) as Record<string, unknown>;
  expect(verified).toMatchObject({ valid: true, reportNumber: number, edition: 'commitment' });

  // The same commitment again is refused politely, and nothing more prints.
  await page.getByTestId('commitment-another').click();
  await page.getByTestId('commitment-kind-certificate-notification').click();
  await page.getByTestId('field-certificate-1').check();
  await page.getByTestId('commitment-to-sign').click();
  await signWithMouse(page, NAME_STROKES);
  await page.getByTestId('commitment-sign').click();
  await expect(page.getByTestId('commitment-error')).toContainText('无需重复签署');
  await shot('05-already');
  expect(printedPdfs(host.printedDir)).toHaveLength(1);

  await page.getByTestId('commitment-close').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
  await takeCard(page);
});

test('in English with 大字 and 高对比 the letter reads and signs the same', async ({ page }, testInfo) => {
  await startSession(page, kiosk(), 'card-zhou');
  await page.getByTestId('language-toggle').click();
  await page.getByTestId('large-text-toggle').click();
  await page.getByTestId('high-contrast-toggle').click();
  await page.getByTestId('open-commitment').click();
  await expect(page.getByRole('heading', { name: 'Choose a credit commitment' })).toBeVisible();
  await page.getByTestId('commitment-kind-government-service').click();
  await page.getByTestId('field-deadline-0').check();
  await expect(page.getByTestId('commitment-items')).toContainText('within 5 working days');
  await expectAccessible(page, 'letter in English, large text, high contrast');
  await page.getByTestId('commitment-to-sign').click();
  await expect(page.getByRole('heading', { name: 'Sign inside the frame' })).toBeVisible();
  await signWithMouse(page, NAME_STROKES);
  await expect(page.getByTestId('signature-status')).toContainText('2 strokes written');
  // The ink follows the theme: black on white in high contrast.
  expect(await page.getByTestId('signature-canvas').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  await expectAccessible(page, 'signature pad in English, large text, high contrast');
  await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-commitment-06-english-large-contrast.png`) });
  await page.getByTestId('commitment-sign').click();
  await expect(page.getByTestId('commitment-number')).toContainText('Commitment number');
  await takeCard(page);
});

test('a card lifted mid-signing clears the screen and queues nothing', async ({ page }) => {
  const host = kiosk();
  const before = printedPdfs(host.printedDir).length;
  await startSession(page, host, 'card-lin');
  await openLetter(page, 'industry-self-discipline', 2);
  await signWithMouse(page, NAME_STROKES);
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
  expect(await personalMarkup(page)).not.toContain('林晓岚');
  expect(printedPdfs(host.printedDir)).toHaveLength(before);
  // Nothing was recorded: the same letter signs when the person comes back.
  await startSession(page, host, 'card-lin');
  await openLetter(page, 'industry-self-discipline', 2);
  await signWithMouse(page, NAME_STROKES);
  await page.getByTestId('commitment-sign').click();
  await expect(page.getByTestId('screen-commitment')).toHaveAttribute('data-step', 'done', { timeout: 60_000 });
  await takeCard(page);
});
});

test.describe('at the counter', () => {
  const counter = useKioskHost(() => ({ station: 'counter' }));

  async function signIn(page: Page): Promise<void> {
    await page.goto(counter().url);
    await page.locator('input[name="staffNo"]').fill('D001');
    await page.locator('input[name="pin"]').fill('246810');
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  /** A check of an honoured organisation for an item that allows 容缺受理: the commitment is offered under it. */
  async function checkCentre(page: Page): Promise<void> {
    await page.locator('select').first().selectOption('business-licence');
    await page.locator('input[name="code"]').fill('12370303MB1F3K6Y81');
    await page.getByRole('button', { name: '核查', exact: true }).first().click();
    await expect(page.getByTestId('counter-commitment')).toBeVisible();
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
    const download = page.waitForEvent('download');
    await click();
    const file = path.join(counter().dataDir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    return file;
  }

  test('staff start the signing for the applicant of a 容缺受理 check; one who cannot sign is confirmed by staff', async ({ page }, testInfo) => {
    await signIn(page);
    await checkCentre(page);
    await page.getByTestId('counter-commitment-kind').selectOption('government-service');
    await page.getByTestId('field-deadline-1').check();
    await expect(page.getByTestId('counter-commitment-sign')).toBeDisabled();
    await signWithMouse(page, NAME_STROKES);
    await expect(page.getByTestId('signature-status')).toContainText('已写 2 笔');
    await expectAccessible(page, 'counter commitment');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-commitment-07-counter.png`), fullPage: true });
    await page.getByTestId('counter-commitment-sign').click();
    await expect(page.getByTestId('counter-commitment-signed')).toBeVisible({ timeout: 60_000 });
    const pdf = await downloaded(page, () => page.getByTestId('counter-commitment-download').click());
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('信用承诺书（政务服务承诺型）');
    expect(text).toContain('10个工作日');
    const key = findFile(counter().dataDir, 'report-signing-key.pub.pem');
    expect(JSON.parse(execFileSync(process.execPath, ['dist/main/cli.cjs', 'verify-report', pdf, '--key', key, '--json'], { cwd: ROOT, encoding: 'utf8' }))).toMatchObject({ valid: true, edition: 'commitment' });

    // The next letter for a person who cannot sign: staff confirm, no pad.
    await checkCentre(page);
    await page.getByTestId('counter-commitment-kind').selectOption('certificate-notification');
    await page.getByTestId('field-certificate-0').check();
    await page.getByTestId('counter-commitment-cannot-sign').check();
    await expect(page.getByTestId('signature-canvas')).toHaveCount(0);
    await page.getByTestId('counter-commitment-sign').click();
    await expect(page.getByTestId('counter-commitment-signed')).toBeVisible({ timeout: 60_000 });
    const confirmed = await downloaded(page, () => page.getByTestId('counter-commitment-download').click());
    expect(execFileSync('pdftotext', [confirmed, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('无法亲笔签名');
  });
});
