// Steps the self-service specs share: a kiosk host per describe block, a person
// starting a session with a demo card, and leaving with it.
import { expect, test, type Page } from '@playwright/test';
import { startKioskHost, type KioskHost } from './kioskHost';

/** A web host for the tests of the calling describe block: started before them, stopped after. */
export function useKioskHost(config: () => Record<string, unknown> = () => ({}), scope: 'block' | 'test' = 'block'): () => KioskHost {
  // 'test': a host of its own for each test, for tests that must find the kiosk as it starts (no card of the test before on its reader).
  const [before, after] = scope === 'test' ? [test.beforeEach, test.afterEach] : [test.beforeAll, test.afterAll];
  let host: KioskHost | undefined;
  before(async () => {
    host = await startKioskHost(config());
  });
  after(async () => {
    await host?.stop();
    host = undefined;
  });
  return () => {
    if (!host) throw new Error('the kiosk host has not started');
    return host;
  };
}

/** Opens the kiosk, lays the demo card on the reader and agrees: the person's summary is up. */
export async function startSession(page: Page, host: KioskHost, cardId: string): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId(`demo-card-${cardId}`).click();
  await page.getByTestId('consent-agree').click();
  await expect(page.getByTestId('screen-summary')).toBeVisible();
}

/** The person takes their card: the kiosk returns to its start. */
export async function takeCard(page: Page): Promise<void> {
  await page.getByTestId('demo-remove').click();
  await expect(page.getByTestId('screen-idle')).toBeVisible({ timeout: 30_000 });
}
