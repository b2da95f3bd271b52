// The one kiosk window: locked-down webPreferences, kiosk mode from config, and
// self-healing when the renderer dies or hangs (an unattended screen must come back).
import { BrowserWindow, type WebPreferences } from 'electron';
import type { HostLogger } from './logger';
import { APP_START_URL, isAppUrl } from './origin';

export const WINDOW_TITLE = '信用查询一体机';

export interface RecoveryOptions {
  /** Reloads allowed within windowMs before the error page is shown instead. */
  maxRestarts: number;
  windowMs: number;
  /** Pause before a reload, so a crash loop does not spin. */
  reloadDelayMs: number;
  /** How long the error page stays before the screens are tried again. */
  retryAfterMs: number;
  /** How long a hung renderer may stay unresponsive before it is killed and reloaded. */
  unresponsiveGraceMs: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = {
  maxRestarts: 3,
  windowMs: 60_000,
  reloadDelayMs: 1_000,
  retryAfterMs: 60_000,
  unresponsiveGraceMs: 15_000,
};

export interface KioskWindowOptions {
  preloadPath: string;
  /** config.window.kiosk: full-screen kiosk for self-service, windowed at counters. */
  kiosk: boolean;
  devTools: boolean;
  log: HostLogger;
  startUrl?: string;
  recovery?: Partial<RecoveryOptions>;
  now?: () => number;
}

export function kioskWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Voice prompts guide the person from the first screen, before any touch.
    autoplayPolicy: 'no-user-gesture-required',
    devTools,
    navigateOnDragDrop: false,
    safeDialogs: true,
    zoomFactor: 1,
  };
}

/** Sliding-window count of restarts: allows maxRestarts per windowMs. */
export class RestartBudget {
  private stamps: number[] = [];
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  tryTake(): boolean {
    const t = this.now();
    this.stamps = this.stamps.filter((s) => t - s < this.windowMs);
    if (this.stamps.length >= this.max) return false;
    this.stamps.push(t);
    return true;
  }

  reset(): void {
    this.stamps = [];
  }
}

/** Shown when the screens keep failing: static, no script, its own CSP, no personal data. */
export const ERROR_PAGE_URL = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">` +
    `<title>${WINDOW_TITLE}</title></head><body>` +
    '<h1>系统暂时无法使用，请联系工作人员</h1>' +
    '<p>The kiosk is temporarily unavailable; please ask staff.</p></body></html>',
)}`;

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const { preloadPath, kiosk, devTools, log } = options;
  const startUrl = options.startUrl ?? APP_START_URL;
  const recovery = { ...DEFAULT_RECOVERY, ...options.recovery };
  const budget = new RestartBudget(recovery.maxRestarts, recovery.windowMs, options.now);

  const win = new BrowserWindow({
    title: WINDOW_TITLE,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    width: 1280,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#ffffff',
    webPreferences: kioskWebPreferences(preloadPath, devTools),
  });
  win.removeMenu();
  const contents = win.webContents;
  // Touch screens: no pinch zoom.
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  const timers = new Set<ReturnType<typeof setTimeout>>();
  const later = (ms: number, fn: () => void): ReturnType<typeof setTimeout> => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!win.isDestroyed()) fn();
    }, ms);
    timers.add(t);
    return t;
  };
  const load = (url: string): void => {
    // Failures surface through did-fail-load; the promise only needs a catch.
    win.loadURL(url).catch(() => undefined);
  };

  let errorPageShown = false;
  const recover = (reason: string): void => {
    if (win.isDestroyed() || errorPageShown) return;
    if (budget.tryTake()) {
      log.warn('reloading the screens', { reason });
      later(recovery.reloadDelayMs, () => load(startUrl));
      return;
    }
    log.error('screens keep failing; showing the error page', { reason, maxRestarts: recovery.maxRestarts });
    errorPageShown = true;
    load(ERROR_PAGE_URL);
    later(recovery.retryAfterMs, () => {
      errorPageShown = false;
      budget.reset();
      load(startUrl);
    });
  };

  contents.on('render-process-gone', (_event, details) => {
    log.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit') return;
    recover(`render-process-gone:${details.reason}`);
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a newer navigation replaced this one, not a failure.
    if (!isMainFrame || errorCode === -3 || !isAppUrl(validatedURL)) return;
    log.error('screens failed to load', { errorCode, errorDescription });
    recover(`did-fail-load:${errorCode}`);
  });

  let hang: ReturnType<typeof setTimeout> | null = null;
  win.on('unresponsive', () => {
    log.warn('renderer unresponsive');
    if (hang) return;
    hang = later(recovery.unresponsiveGraceMs, () => {
      hang = null;
      log.error('renderer still unresponsive; restarting it');
      // Emits render-process-gone, which reloads through the same bounded path.
      contents.forcefullyCrashRenderer();
    });
  });
  win.on('responsive', () => {
    if (hang) clearTimeout(hang);
    if (hang) timers.delete(hang);
    hang = null;
  });

  win.on('closed', () => {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  });

  if (devTools) contents.openDevTools({ mode: 'detach' });
  load(startUrl);
  return win;
}
