// A production kiosk with no data yet starts — it does not exit — into the operator's
// screen, which says so and offers the import after a staff sign-in; the citizen's
// screens and the demo reader panel are not there.
import { expect, test } from '@playwright/test';
import { startKioskHost, type KioskHost } from './kioskHost';

test.describe('a production kiosk with no data yet', () => {
  let host: KioskHost;
  test.beforeAll(async () => {
    host = await startKioskHost({ mode: 'production', kioskId: 'E2E-PROD-01', issuer: '测试市公共信用信息中心' });
  });
  test.afterAll(async () => host.stop());

  test('shows the operator screen and offers the import after sign-in', async ({ page }) => {
    await page.goto(host.url);
    const screen = page.getByTestId('screen-operator-setup');
    await expect(screen).toHaveAttribute('data-reason', 'no-data', { timeout: 15_000 });
    await expect(screen).toContainText('尚无信用数据');
    await expect(page.getByTestId('demo-panel')).toHaveCount(0);
    await page.getByTestId('operator-language').click();
    await expect(screen).toContainText('No credit data yet');
    await page.getByTestId('operator-sign-in').click();
    await expect(page.getByTestId('admin-signin')).toBeVisible();
  });
});
