import { defineConfig } from '@playwright/test';

// Debian's Chromium (no browser download here); the web host serves the kiosk.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  outputDir: '../../test-results/e2e-artifacts',
  timeout: 60_000,
  fullyParallel: false,
  // Two workers: each test has its own kiosk host and data folder; on two cores under load
  // this halves the run (the suite passes three times in a row under stress-ng --cpu 2).
  workers: 2,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'landscape', use: { viewport: { width: 1920, height: 1080 } } },
    { name: 'portrait', use: { viewport: { width: 1080, height: 1920 } } },
  ],
});
