// Electron main entry (bundled to dist/main/electron-main.cjs). Everything is in
// host.ts so that it can be started with stubs in tests.
import { app } from 'electron';
import { startElectronHost } from './host';
import { consoleLogger } from './logger';

startElectronHost({ bundleDir: __dirname, resourcesPath: process.resourcesPath }).catch((err: unknown) => {
  consoleLogger.error('electron host failed to start', { message: err instanceof Error ? err.message : String(err) });
  app.exit(1);
});
