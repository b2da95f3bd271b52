import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostLogger } from '../../../../src-main/hosts/electron/logger';
import { APP_START_URL } from '../../../../src-main/hosts/electron/origin';
import { createKioskWindow, ERROR_PAGE_URL, RestartBudget, WINDOW_TITLE } from '../../../../src-main/hosts/electron/window';
import { FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const log: HostLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const PRELOAD = 'preload-under-test.cjs';

function open(kiosk = true, devTools = false) {
  createKioskWindow({ preloadPath: PRELOAD, kiosk, devTools, log });
  const win = FakeBrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window');
  return win;
}

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createKioskWindow: security settings', () => {
  it('sets every webPreference of the checklist', () => {
    const prefs = open().options.webPreferences as Record<string, unknown>;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.devTools).toBe(false);
    expect(prefs.preload).toBe(PRELOAD);
    expect(prefs.navigateOnDragDrop).toBe(false);
    // Nothing that would loosen them.
    expect(prefs).not.toHaveProperty('experimentalFeatures');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('turns DevTools on only when asked, and then opens them', () => {
    const off = open(true, false);
    expect(off.webContents.devToolsOpened).toBe(0);
    const on = open(true, true);
    expect((on.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
    expect(on.webContents.devToolsOpened).toBe(1);
  });

  it('is a full-screen kiosk when config.window.kiosk is on', () => {
    const win = open(true);
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, autoHideMenuBar: true, title: WINDOW_TITLE });
    expect(win.calls).toContain('removeMenu');
  });

  it('is an ordinary window at a counter workstation', () => {
    const win = open(false);
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false, autoHideMenuBar: true });
  });

  it('loads the app origin and locks pinch zoom', () => {
    const win = open();
    expect(win.loads).toEqual([APP_START_URL]);
    expect(APP_START_URL).toBe('app://kiosk/index.html');
    expect(win.webContents.zoomLimits).toEqual([1, 1]);
  });
});

describe('createKioskWindow: recovery', () => {
  const gone = (win: FakeBrowserWindow, reason: string) => win.webContents.emit('render-process-gone', {}, { reason, exitCode: 1 });

  it('reloads the screens after the renderer crashes', () => {
    const win = open();
    gone(win, 'crashed');
    expect(log.error).toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(win.loads).toEqual([APP_START_URL, APP_START_URL]);
  });

  it('ignores a clean exit', () => {
    const win = open();
    gone(win, 'clean-exit');
    vi.advanceTimersByTime(5_000);
    expect(win.loads).toHaveLength(1);
  });

  it('shows the error page after too many restarts in a minute, then tries again later', () => {
    const win = open();
    for (let i = 0; i < 3; i++) {
      gone(win, 'crashed');
      vi.advanceTimersByTime(1_000);
    }
    expect(win.loads.filter((u) => u === APP_START_URL)).toHaveLength(4);
    gone(win, 'oom');
    expect(win.loads.at(-1)).toBe(ERROR_PAGE_URL);
    // A crash of the error page's renderer does not loop.
    gone(win, 'crashed');
    vi.advanceTimersByTime(1_000);
    expect(win.loads.at(-1)).toBe(ERROR_PAGE_URL);
    vi.advanceTimersByTime(60_000);
    expect(win.loads.at(-1)).toBe(APP_START_URL);
  });

  it('error page is static: no script, its own CSP, text in Chinese and English', () => {
    const html = decodeURIComponent(ERROR_PAGE_URL.slice(ERROR_PAGE_URL.indexOf(',') + 1));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'"`);
    expect(html).toContain('请联系工作人员');
  });

  it('retries a failed main-frame load of the app, not aborted or foreign loads', () => {
    const win = open();
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_START_URL, true);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_START_URL, false);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'https://example.com/', true);
    vi.advanceTimersByTime(2_000);
    expect(win.loads).toHaveLength(1);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_START_URL, true);
    vi.advanceTimersByTime(1_000);
    expect(win.loads).toHaveLength(2);
  });

  it('kills a renderer that stays unresponsive, which then reloads', () => {
    const win = open();
    win.emit('unresponsive');
    vi.advanceTimersByTime(14_000);
    expect(win.webContents.crashed).toBe(0);
    vi.advanceTimersByTime(1_000);
    expect(win.webContents.crashed).toBe(1);
  });

  it('does nothing to a renderer that becomes responsive again', () => {
    const win = open();
    win.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    win.emit('responsive');
    vi.advanceTimersByTime(60_000);
    expect(win.webContents.crashed).toBe(0);
  });

  it('cancels pending reloads when the window closes', () => {
    const win = open();
    gone(win, 'crashed');
    win.close();
    vi.advanceTimersByTime(5_000);
    expect(win.loads).toHaveLength(1);
  });
});

describe('RestartBudget', () => {
  it('allows max restarts per window, sliding', () => {
    let t = 0;
    const budget = new RestartBudget(2, 60_000, () => t);
    expect(budget.tryTake()).toBe(true);
    t = 10_000;
    expect(budget.tryTake()).toBe(true);
    expect(budget.tryTake()).toBe(false);
    t = 60_001;
    expect(budget.tryTake()).toBe(true);
    budget.reset();
    expect(budget.tryTake()).toBe(true);
  });
});
