// The 无违法违规记录证明版 printed at the kiosk, in Debian's Chromium through the web host:
// chosen on the idle menu (an enterprise's report, for its legal representative) or on
// the enterprise's summary; the PDF read back with poppler and verified by
// `credit-kiosk verify-report` against this kiosk's key and registry; and in the same
// session the holder's own report as well.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import type { KioskHost } from './kioskHost';
import { takeCard, useKioskHost } from './journeySteps';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
const ROOT = path.resolve(__dirname, '../..');
const ENTERPRISE = '91370303MA3C7K2P1R';
test.describe.configure({ timeout: 240_000 });
test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** The PDFs the file printer has written, oldest first. */
function printed(host: KioskHost): string[] {
  if (!fs.existsSync(host.printedDir)) return [];
  return fs
    .readdirSync(host.printedDir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => path.join(host.printedDir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs);
}

function text(pdf: string): string {
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** `credit-kiosk verify-report` against the kiosk's own data folder (its key and registry). */
function verify(host: KioskHost, pdf: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/credit-kiosk.cjs'), 'verify-report', pdf, '--data-dir', host.dataDir, '--json'], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

/** Presses a print button and returns the PDF the file printer wrote for it. */
async function print(page: Page, host: KioskHost, button: string): Promise<string> {
  const before = new Set(printed(host));
  await page.getByTestId(button).click();
  await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 60_000 });
  const fresh = () => printed(host).filter((f) => !before.has(f));
  await expect.poll(() => fresh().length, { timeout: 60_000 }).toBe(1);
  return fresh()[0]!;
}

test.describe('the 无违法违规记录证明版', () => {
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 120, countdownSeconds: 5, maxSessionSeconds: 600 } }));

  test('chosen on the idle menu: the enterprise’s certificate edition, then the holder’s own report in the same session', async ({ page }, testInfo) => {
    const host = kiosk();
    const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-14-no-violation-${name}.png`) });
    await page.goto(host.url);
    await page.getByTestId('service-certificate').click();
    await expect(page.getByTestId('idle-chosen')).toContainText('无违法违规记录证明版');
    await page.getByTestId('demo-card-card-lin').click();
    await page.getByTestId('consent-agree').click();
    // The legal representative's enterprises, as for 企业信用报告.
    await expect(page.getByTestId('screen-enterprise')).toBeVisible();
    await page.getByTestId(`enterprise-${ENTERPRISE}`).click();
    await expect(page.getByTestId('screen-summary')).toBeVisible();
    await expect(page.getByTestId('edition-no-violation')).toHaveAttribute('aria-pressed', 'true');
    await expectAccessible(page, 'enterprise summary, no-violation edition chosen');
    await shot('summary');

    // The preview is the certificate edition as it will print.
    await page.getByTestId('preview-report').click();
    await expect(page.getByTestId('screen-preview')).toContainText('无违法违规记录证明版');
    await expect(page.getByTestId('screen-preview')).toContainText('无违法违规记录');
    await expectAccessible(page, 'no-violation preview');
    await shot('preview');
    const certificate = await print(page, host, 'preview-print');
    const certificateText = text(certificate);
    expect(certificateText).toContain('无违法违规记录证明版');
    expect(certificateText).toContain(ENTERPRISE);
    expect(verify(host, certificate)).toMatchObject({ valid: true, edition: 'no-violation', registeredHere: true });

    // Back in the same session: the holder's own report (standard, no edition choice).
    await page.getByTestId('done-back').click();
    await page.getByTestId('back-to-self').click();
    await expect(page.getByTestId('summary-title')).toHaveText('您的公共信用信息概要');
    await expect(page.getByTestId('edition-choice')).toHaveCount(0);
    const own = await print(page, host, 'print-report');
    const ownText = text(own);
    expect(ownText).toContain('林晓岚');
    expect(ownText).not.toContain('无违法违规记录证明版');
    expect(verify(host, own)).toMatchObject({ valid: true, edition: 'standard', registeredHere: true });
    await takeCard(page);
  });

  test('chosen on the enterprise’s summary after 企业信用报告', async ({ page }) => {
    const host = kiosk();
    await page.goto(host.url);
    await page.getByTestId('service-enterprise').click();
    await page.getByTestId('demo-card-card-lin').click();
    await page.getByTestId('consent-agree').click();
    await page.getByTestId(`enterprise-${ENTERPRISE}`).click();
    await expect(page.getByTestId('edition-standard')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('edition-no-violation').click();
    await expect(page.getByTestId('edition-no-violation')).toHaveAttribute('aria-pressed', 'true');
    const pdf = await print(page, host, 'print-report');
    expect(text(pdf)).toContain('无违法违规记录证明版');
    expect(verify(host, pdf)).toMatchObject({ valid: true, edition: 'no-violation', registeredHere: true });
    await takeCard(page);
  });
});
