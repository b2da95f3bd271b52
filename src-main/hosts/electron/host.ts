// Wires Electron to the kiosk runtime: single instance, hardening, the app://
// protocol, the window and the IPC bridge, and an orderly shutdown. Wiring only;
// every decision about credit data lives in the services behind KioskApi.
import { app, type BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron';
import { loadKioskConfig, type ConfigSources, type KioskConfig } from '../../node/config/kioskConfig';
import { createKioskRuntime, type KioskRuntime, type RuntimeOptions } from '../../node/runtime/kioskRuntime';
import { electronKeyStoreHost } from './keyStoreHost';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { hardenSession, hardenWebContents, refuseClientCertificates, unsafeSwitches } from './hardening';
import { bridgeKioskEvents, createTrustedSenderCheck, registerIpcBridge } from './ipcBridge';
import { consoleLogger, type HostLogger } from './logger';
import { APP_SCHEME } from './origin';
import { resolveHostPaths } from './paths';
import { utilityProcessLauncher } from './utilityProcessLauncher';
import { createKioskWindow } from './window';

/** Same value as appId in electron-builder.yml (Windows taskbar grouping, notifications). */
export const APP_USER_MODEL_ID = 'cn.creditkiosk.app';

export interface ElectronHostDeps {
  /** Directory of the main bundle (its __dirname): dist/main. */
  bundleDir: string;
  argv?: readonly string[];
  env?: Record<string, string | undefined>;
  /** process.resourcesPath, for the packaged app. */
  resourcesPath?: string;
  loadConfig?: (sources: ConfigSources) => KioskConfig;
  createRuntime?: (options: RuntimeOptions) => Promise<KioskRuntime>;
  log?: HostLogger;
  /** Installs a handler for a termination signal (defaults to process.once). */
  onSignal?: (signal: NodeJS.Signals, handler: () => void) => void;
  /** Longest wait for runtime.close() on quit before exiting anyway. */
  shutdownTimeoutMs?: number;
}

export interface ElectronHost {
  window: BrowserWindow;
  runtime: KioskRuntime;
  devTools: boolean;
}

/** DevTools only on request: `--dev` or CREDIT_KIOSK_DEV=1 (or config.window.devTools) — and only in an unpackaged build (see startElectronHost). */
export function isDevMode(argv: readonly string[], env: Record<string, string | undefined>): boolean {
  return argv.includes('--dev') || env.CREDIT_KIOSK_DEV === '1';
}

/** Resolves to null when this process should not run (second instance, fatal start-up error). */
export async function startElectronHost(deps: ElectronHostDeps): Promise<ElectronHost | null> {
  const argv = deps.argv ?? process.argv;
  const env = deps.env ?? process.env;
  const log = deps.log ?? consoleLogger;
  const loadConfig = deps.loadConfig ?? loadKioskConfig;
  const createRuntime = deps.createRuntime ?? createKioskRuntime;
  const onSignal = deps.onSignal ?? ((signal, handler) => void process.once(signal, handler));

  // A packaged kiosk started with a debugger port or without its sandbox does not run at all.
  const unsafe = app.isPackaged ? unsafeSwitches(app.commandLine) : [];
  if (unsafe.length > 0) {
    log.error('refusing to start with unsafe command-line switches', { switches: unsafe });
    app.exit(1);
    return null;
  }

  // Before 'ready': these only take effect when set before Chromium starts.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Chromium features a credit kiosk has no use for, each a surface less.
  app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling,MediaSessionService');
  app.commandLine.appendSwitch('disable-speech-api');
  app.setAppUserModelId(APP_USER_MODEL_ID);

  // Two instances would fight over the card reader, the cache and the printer.
  if (!app.requestSingleInstanceLock()) {
    log.info('another instance is running; handing over to it');
    app.quit();
    return null;
  }
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();

  let config: KioskConfig;
  try {
    // Packaged, a missing config is the operator screen (createKioskRuntime), never the demo.
    config = loadConfig({ env, packaged: app.isPackaged });
  } catch (err) {
    return fatal(log, '配置无效 / Invalid configuration', err);
  }
  // A packaged build never opens DevTools, whatever the flags, environment or config say.
  const devTools = !app.isPackaged && (isDevMode(argv, env) || config.window.devTools);
  const paths = resolveHostPaths({ bundleDir: deps.bundleDir, isPackaged: app.isPackaged, resourcesPath: deps.resourcesPath });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { devTools, log }));
  // The camera is granted only while the runtime has a face step open.
  hardenSession(session.defaultSession, { devTools, log, cameraAllowed: () => runtime?.cameraAllowed?.() === true });
  app.on('select-client-certificate', refuseClientCertificates(log));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir));

  let runtime: KioskRuntime;
  try {
    // The sync apply child runs as a utilityProcess: the binary needs no RunAsNode fuse.
    runtime = await createRuntime({ config, resourcesDir: paths.resourcesDir, keyStoreHost: electronKeyStoreHost(), launchChild: utilityProcessLauncher });
  } catch (err) {
    return fatal(log, '服务启动失败 / The kiosk services failed to start', err);
  }

  // No menu: no accelerators for reload, zoom or DevTools.
  Menu.setApplicationMenu(null);
  // Registered before the first load so the screens' first call finds its handler.
  const disposeIpc = registerIpcBridge(ipcMain, runtime.api, createTrustedSenderCheck(() => win), log);
  win = createKioskWindow({ preloadPath: paths.preloadPath, kiosk: config.window.kiosk, devTools, log });
  bridgeKioskEvents(runtime.api, win);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');

  const shutdown = async (): Promise<void> => {
    if (powerSaveBlocker.isStarted(blocker)) powerSaveBlocker.stop(blocker);
    disposeIpc();
    const timeoutMs = deps.shutdownTimeoutMs ?? 5_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      // Ends the session (wiping personal data), stops devices, closes the cache.
      const outcome = await Promise.race([runtime.close().then(() => 'closed' as const), timeout]);
      if (outcome === 'timeout') log.error('runtime did not close in time; quitting anyway', { timeoutMs });
    } catch (err) {
      log.error('runtime failed to close', { message: (err as Error).message });
    } finally {
      clearTimeout(timer);
    }
  };

  let state: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    // Hold the quit until the runtime has closed, then quit again for real.
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void shutdown().finally(() => {
      state = 'closed';
      app.quit();
    });
  });
  // systemd / service managers stop the kiosk with a signal: quit through before-quit.
  onSignal('SIGTERM', () => app.quit());
  onSignal('SIGINT', () => app.quit());

  log.info('kiosk window up', { kiosk: config.window.kiosk, devTools });
  return { window: win, runtime, devTools };
}

function fatal(log: HostLogger, title: string, err: unknown): null {
  const message = err instanceof Error ? err.message : String(err);
  log.error(title, { message });
  // Staff at the hall see why the kiosk did not start, instead of a blank screen.
  dialog.showErrorBox(title, message);
  app.exit(1);
  return null;
}
