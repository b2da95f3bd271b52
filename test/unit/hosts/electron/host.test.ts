import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { KIOSK_CSP } from '../../../../src-main/common/security/csp';
import type { Result } from '../../../../src-main/common/contract/result';
import { ConfigError, KioskConfigSchema, type KioskConfig, type KioskConfigInput } from '../../../../src-main/node/config/kioskConfig';
import type { KioskRuntime, RuntimeOptions } from '../../../../src-main/node/runtime/kioskRuntime';
import { APP_USER_MODEL_ID, isDevMode, startElectronHost, type ElectronHostDeps } from '../../../../src-main/hosts/electron/host';
import { utilityProcessLauncher } from '../../../../src-main/hosts/electron/utilityProcessLauncher';
import type { HostLogger } from '../../../../src-main/hosts/electron/logger';
import { fake, fakeEvent, FakeBrowserWindow, FakeWebContents, resetFakeElectron } from './fakeElectron';
import { createFakeKioskApi, GOOD_SESSION_ID, type FakeKioskApi } from './fakeKioskApi';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const log: HostLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function makeConfig(input: KioskConfigInput = {}): KioskConfig {
  return { ...KioskConfigSchema.parse(input), dataDir: 'kiosk-data', configPath: null };
}

let api: FakeKioskApi;
let close: ReturnType<typeof vi.fn<() => Promise<void>>>;
let runtimeOptions: RuntimeOptions[];
let signals: Map<string, () => void>;

function deps(overrides: Partial<ElectronHostDeps> = {}, config = makeConfig()): ElectronHostDeps {
  return {
    bundleDir: 'bundle/dist/main',
    argv: ['electron', '.'],
    env: {},
    log,
    loadConfig: () => config,
    createRuntime: async (options) => {
      runtimeOptions.push(options);
      return { api, config: options.config, close } satisfies KioskRuntime;
    },
    onSignal: (signal, handler) => signals.set(signal, handler),
    ...overrides,
  };
}

async function start(overrides: Partial<ElectronHostDeps> = {}, config?: KioskConfig) {
  const host = await startElectronHost(deps(overrides, config));
  return { host, win: FakeBrowserWindow.instances[0] };
}

beforeEach(() => {
  resetFakeElectron();
  api = createFakeKioskApi();
  close = vi.fn(async () => undefined);
  runtimeOptions = [];
  signals = new Map();
});

describe('startElectronHost: before ready', () => {
  it('enables the sandbox for every renderer and registers app:// as privileged before ready', async () => {
    await start();
    expect(fake.app.calls[0]).toBe('enableSandbox');
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(fake.order.indexOf('handle:app')).toBeGreaterThan(fake.order.indexOf('whenReady'));
  });

  it('switches off Chromium features a kiosk does not need and sets the user model id', async () => {
    await start();
    expect(fake.app.switches).toContainEqual(['disable-features', 'HardwareMediaKeyHandling,MediaSessionService']);
    expect(fake.app.switches).toContainEqual(['disable-speech-api', undefined]);
    expect(fake.app.userModelId).toBe(APP_USER_MODEL_ID);
  });
});

describe('startElectronHost: unsafe switches', () => {
  it.each(['remote-debugging-port', 'remote-debugging-pipe', 'no-sandbox', 'disable-web-security'])('a packaged kiosk started with --%s does not run', async (name) => {
    fake.app.isPackaged = true;
    fake.app.startedWith = [name];
    const { host } = await start();
    expect(host).toBeNull();
    expect(fake.app.exitCode).toBe(1);
    expect(fake.app.calls).not.toContain('whenReady');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(runtimeOptions).toHaveLength(0);
  });

  it('a development run from the checkout may use them (e.g. a debugger port)', async () => {
    fake.app.startedWith = ['remote-debugging-port'];
    const { host } = await start();
    expect(host).not.toBeNull();
  });
});

describe('startElectronHost: single instance', () => {
  it('requests the single-instance lock', async () => {
    await start();
    expect(fake.app.calls).toContain('requestSingleInstanceLock');
  });

  it('a second instance quits at once, with no window, no runtime', async () => {
    fake.app.singleInstanceLock = false;
    const { host } = await start();
    expect(host).toBeNull();
    expect(fake.app.calls).toContain('quit');
    expect(fake.app.calls).not.toContain('whenReady');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(runtimeOptions).toHaveLength(0);
  });

  it('the first instance restores and focuses its window when a second starts', async () => {
    const { win } = await start();
    win!.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), [], '');
    expect(win!.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
  });
});

describe('startElectronHost: wiring', () => {
  it('hands the config and the resources folder to the runtime', async () => {
    const config = makeConfig({ kioskId: 'HALL-3' });
    await start({}, config);
    expect(runtimeOptions).toHaveLength(1);
    expect(runtimeOptions[0]?.config).toBe(config);
    expect(runtimeOptions[0]?.resourcesDir).toMatch(/resources$/);
  });

  it('has the runtime start its children as utility processes, so the binary needs no RunAsNode fuse', async () => {
    await start();
    expect(runtimeOptions[0]?.launchChild).toBe(utilityProcessLauncher);
  });

  it('creates one kiosk window with the locked-down preferences and the preload beside the bundle', async () => {
    const { win } = await start();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const prefs = win!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, devTools: false });
    expect(String(prefs.preload)).toMatch(/dist[\\/]main[\\/]preload\.cjs$/);
    expect(win!.loads).toEqual(['app://kiosk/index.html']);
    expect(fake.applicationMenu).toBeNull();
  });

  it('runs kiosk mode from config: kiosk by default, windowed at a counter', async () => {
    const { win } = await start();
    expect(win!.options).toMatchObject({ kiosk: true, fullscreen: true });
    resetFakeElectron();
    const counter = await start({}, makeConfig({ window: { kiosk: false } }));
    expect(counter.win!.options).toMatchObject({ kiosk: false, fullscreen: false });
  });

  it('keeps the display awake', async () => {
    await start();
    expect(fake.blockers).toEqual([{ id: 1, type: 'prevent-display-sleep', stopped: false }]);
  });

  it('presents no client certificate to anyone, for a page or a main-process request alike', async () => {
    await start();
    for (const contents of [new FakeWebContents(), null]) {
      const event = fakeEvent();
      const callback = vi.fn();
      fake.app.emit('select-client-certificate', event, contents, 'https://platform.example/api', [{ subjectName: 'CN=kiosk' }], callback);
      expect(event.defaultPrevented).toBe(true);
      expect(callback).toHaveBeenCalledExactlyOnceWith();
    }
  });

  it('hardens every webContents created, including ones it did not create', async () => {
    await start();
    const stray = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), stray);
    const nav = fakeEvent({ url: 'https://example.com/' });
    stray.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    expect(stray.windowOpenHandler?.({})).toEqual({ action: 'deny' });
    stray.emit('devtools-opened');
    expect(stray.devToolsClosed).toBe(1);
  });

  it('hardens the default session: permissions denied, CSP header installed', async () => {
    await start();
    const ses = fake.defaultSession;
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(ses.permissionCheckHandler?.(null, 'hid', 'app://kiosk', {})).toBe(false);
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    ses.headersReceived?.({ url: 'app://kiosk/index.html', responseHeaders: {} }, (r) => (answer = r as typeof answer));
    expect(answer.responseHeaders?.['Content-Security-Policy']).toEqual([KIOSK_CSP]);
  });

  it('serves the renderer through app:// with the CSP on every response', async () => {
    await start();
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const res = (await handler!(new Request('app://kiosk/missing.js'))) as Response;
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
  });

  it('answers the kiosk page over IPC and refuses anyone else', async () => {
    const { win } = await start();
    const handler = fake.ipcHandlers.get('kiosk:call')!;
    const own = { sender: win!.webContents, senderFrame: win!.webContents.mainFrame } as unknown as IpcMainInvokeEvent;
    const good = (await handler(own, 'lookupSelf', { sessionId: GOOD_SESSION_ID })) as Result<unknown>;
    expect(good.ok).toBe(true);
    const bad = (await handler(own, 'lookupSelf', { sessionId: 1 })) as Result<unknown>;
    expect(bad.ok ? 'OK' : bad.error.code).toBe('INVALID_INPUT');
    const other = new FakeWebContents();
    other.navigateTo('app://kiosk/index.html');
    const foreign = (await handler({ sender: other, senderFrame: other.mainFrame }, 'getInfo', {})) as Result<unknown>;
    expect(foreign.ok ? 'OK' : foreign.error.code).toBe('FORBIDDEN_SENDER');
    expect(api.calls).toEqual([{ method: 'lookupSelf', input: { sessionId: GOOD_SESSION_ID } }]);
  });

  it('forwards service events to the window', async () => {
    const { win } = await start();
    api.emit({ type: 'card-removed' });
    expect(win!.webContents.sent).toEqual([{ channel: 'kiosk:event', args: [{ type: 'card-removed' }] }]);
  });
});

describe('startElectronHost: DevTools', () => {
  const prefsDevTools = (win: FakeBrowserWindow | undefined) => (win!.options.webPreferences as Record<string, unknown>).devTools;

  it('are off by default', async () => {
    const { host, win } = await start();
    expect(host?.devTools).toBe(false);
    expect(prefsDevTools(win)).toBe(false);
    expect(win!.webContents.devToolsOpened).toBe(0);
  });

  it('are on with --dev', async () => {
    const { win } = await start({ argv: ['electron', '.', '--dev'] });
    expect(prefsDevTools(win)).toBe(true);
  });

  it('are on with CREDIT_KIOSK_DEV=1, not with other values', async () => {
    const { win } = await start({ env: { CREDIT_KIOSK_DEV: '1' } });
    expect(prefsDevTools(win)).toBe(true);
    expect(isDevMode([], { CREDIT_KIOSK_DEV: 'true' })).toBe(false);
    expect(isDevMode(['--devtools'], {})).toBe(false);
  });

  it('are on when the config asks (an operator decision)', async () => {
    const { win } = await start({}, makeConfig({ window: { devTools: true } }));
    expect(prefsDevTools(win)).toBe(true);
  });

  it('are never on in a packaged build, whatever the flag, environment or config say', async () => {
    fake.app.isPackaged = true;
    const { host, win } = await start({ argv: ['electron', '.', '--dev'], env: { CREDIT_KIOSK_DEV: '1' }, resourcesPath: 'installed/resources' }, makeConfig({ window: { devTools: true } }));
    expect(host?.devTools).toBe(false);
    expect(prefsDevTools(win)).toBe(false);
    expect(win!.webContents.devToolsOpened).toBe(0);
  });

  it('a packaged build asks for its config as packaged (no config: the operator screen, never the demo)', async () => {
    fake.app.isPackaged = true;
    const asked: Array<{ packaged?: boolean }> = [];
    await start({ resourcesPath: 'installed/resources', loadConfig: (sources) => (asked.push(sources), makeConfig()) });
    expect(asked).toEqual([expect.objectContaining({ packaged: true })]);
  });
});

describe('startElectronHost: shutdown', () => {
  it('before-quit holds the quit until the runtime has closed, then quits', async () => {
    let release!: () => void;
    close.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));
    await start();
    const first = fakeEvent();
    fake.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
    expect(fake.blockers[0]?.stopped).toBe(true);
    expect(fake.ipcHandlers.has('kiosk:call')).toBe(false);
    // A second quit while closing does not close twice.
    const second = fakeEvent();
    fake.app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledTimes(1);
    release();
    await vi.waitFor(() => expect(fake.app.calls.filter((c) => c === 'quit')).toHaveLength(1));
    const last = fakeEvent();
    fake.app.emit('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });

  it('quits anyway when the runtime does not close in time', async () => {
    close.mockImplementation(() => new Promise<void>(() => undefined));
    await start({ shutdownTimeoutMs: 10 });
    fake.app.emit('before-quit', fakeEvent());
    await vi.waitFor(() => expect(fake.app.calls).toContain('quit'));
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('did not close'), expect.anything());
  });

  it('SIGTERM and SIGINT quit through the same path', async () => {
    await start();
    signals.get('SIGTERM')?.();
    expect(close).toHaveBeenCalledTimes(1);
    expect(signals.has('SIGINT')).toBe(true);
  });

  it('quits when the window is closed', async () => {
    await start();
    fake.app.emit('window-all-closed');
    expect(close).toHaveBeenCalledTimes(1);
  });
});

describe('startElectronHost: start-up failures', () => {
  it('a bad config shows an error box and exits non-zero, with no window', async () => {
    const host = await startElectronHost(
      deps({
        loadConfig: () => {
          throw new ConfigError('配置无效 / invalid config: printQuotaPerDay');
        },
      }),
    );
    expect(host).toBeNull();
    expect(fake.errorBoxes[0]?.[1]).toContain('printQuotaPerDay');
    expect(fake.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('a runtime that fails to start shows an error box and exits non-zero', async () => {
    const host = await startElectronHost(deps({ createRuntime: () => Promise.reject(new Error('cache locked')) }));
    expect(host).toBeNull();
    expect(fake.errorBoxes[0]?.[1]).toBe('cache locked');
    expect(fake.app.exitCode).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.blockers).toHaveLength(0);
  });
});
