// The screens a person meets when something goes wrong, each telling them what to
// do next: an unreadable card, a paused printer (real CUPS), and an unattended
// session that times out and is cleared.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { startSession, takeCard, useKioskHost } from './journeySteps';

const SHOTS = path.resolve(__dirname, '../../test-results/screenshots');
// Whole journeys on a machine whose CPUs other work keeps busy: generous, never timed.
test.describe.configure({ timeout: 240_000 });
const QUEUE = process.env.KIOSK_CUPS_QUEUE ?? 'kiosk-pdf';
const CUPS_URL = process.env.KIOSK_CUPS_URL ?? `ipp://localhost:631/printers/${QUEUE}`;

test.beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

/** The strings of the renderer's JS heap, after a full garbage collection (the snapshot JSON escapes non-ASCII, so parse it). */
async function heapSnapshotText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return (JSON.parse(chunks.join('')) as { strings: string[] }).strings.join('\n');
}

test.describe('with the demo printer and a short idle time', () => {
  const kiosk = useKioskHost(() => ({ session: { idleSeconds: 10, countdownSeconds: 20, maxSessionSeconds: 600 } }));

  test('an unreadable card is its own screen, and lifting it starts over', async ({ page }, testInfo) => {
    await page.goto(kiosk().url);
    await page.getByTestId('demo-fault-on').click();
    await page.getByTestId('demo-card-card-zhou').click();
    await expect(page.getByTestId('screen-error')).toHaveAttribute('data-error-code', 'CARD_UNREADABLE', { timeout: 15_000 });
    await expect(page.getByTestId('error-message')).toContainText('请取下后重新放置');
    await expectAccessible(page, 'card unreadable');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-08-card-unreadable.png`) });
    // Lifting the card is what the screen asked for: it clears by itself.
    await page.getByTestId('demo-remove').click();
    await page.getByTestId('demo-fault-off').click();
    await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 15_000 });
  });

  test('an unattended session counts down, can be continued, and then ends and is cleared', async ({ page }, testInfo) => {
    await startSession(page, kiosk(), 'card-zhou');
    await expect(page.getByTestId('subject-name')).toContainText('周建国');
    // Control: while the summary is up, the heap does hold its strings (so the check below can fail).
    expect(await heapSnapshotText(page)).toContain('演示市淄川区人民法院');
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 40_000 });
    await expectAccessible(page, 'countdown');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-09-countdown.png`) });
    await page.getByRole('button', { name: '继续查询' }).click();
    await expect(page.getByTestId('idle-countdown')).toBeHidden();
    await expect(page.getByTestId('screen-summary')).toBeVisible();
    // Left alone again: the countdown runs out, the session ends, nothing of the person stays;
    // the card still lies on the reader, so the screen asks for it.
    await expect(page.getByTestId('screen-take-card')).toBeVisible({ timeout: 90_000 });
    const html = await page.evaluate(() => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="demo-panel"]')?.remove();
      return copy.outerHTML;
    });
    expect(html).not.toContain('周建国');
    // …nor in the renderer's memory: a heap snapshot after garbage collection holds
    // none of the strings only the summary carried (the court, the masked ID number).
    const heap = await heapSnapshotText(page);
    expect(heap).not.toContain('演示市淄川区人民法院');
    expect(heap).not.toContain('**********1532');
    // The journey never pushes history entries, so there is nothing to go back into.
    expect(await page.evaluate(() => window.history.length)).toBeLessThanOrEqual(2);
    await takeCard(page);
  });
});

test.describe('with the CUPS printer', () => {
  const kiosk = useKioskHost(() => ({ printer: { kind: 'cups', url: CUPS_URL, name: QUEUE } }));
  test.afterAll(() => execFileSync('cupsenable', [QUEUE]));

  test('a paused printer keeps the job waiting and says so; it prints when the printer is back', async ({ page }, testInfo) => {
    execFileSync('cupsdisable', [QUEUE]);
    await startSession(page, kiosk(), 'card-lin');
    await page.getByTestId('print-report').click();
    await expect(page.getByTestId('job-state')).toHaveText('打印机暂停，请联系工作人员', { timeout: 30_000 });
    await expectAccessible(page, 'printing, printer paused');
    await page.screenshot({ path: path.join(SHOTS, `${testInfo.project.name}-10-printer-paused.png`) });
    execFileSync('cupsenable', [QUEUE]);
    await expect(page.getByTestId('screen-done')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('demo-remove').click();
  });
});
