// A stand-in for the `electron` module: records what the host asks of it, and lets
// tests fire the events Electron would. Shared by the host tests through vi.mock.
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
  [key: string]: unknown;
}

export function fakeEvent(props: Record<string, unknown> = {}): FakeEvent {
  const event: FakeEvent = {
    ...props,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeFrame {
  constructor(
    public url: string,
    public origin: string,
    public parent: FakeFrame | null = null,
  ) {}
}

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  destroyed = false;
  url = '';
  mainFrame = new FakeFrame('', 'null');
  devToolsOpened = 0;
  devToolsClosed = 0;
  crashed = 0;
  zoomLimits: [number, number] | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  openDevTools(): void {
    this.devToolsOpened++;
  }
  closeDevTools(): void {
    this.devToolsClosed++;
  }
  forcefullyCrashRenderer(): void {
    this.crashed++;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  /** What a navigation to url would leave behind: the page and its top frame. */
  navigateTo(url: string): void {
    this.url = url;
    let origin = 'null';
    try {
      const u = new URL(url);
      if (u.protocol === 'app:' || u.protocol === 'https:' || u.protocol === 'http:') origin = `${u.protocol}//${u.host}`;
    } catch {
      // keep 'null'
    }
    this.mainFrame = new FakeFrame(url, origin);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loads: string[] = [];
  destroyed = false;
  minimized = false;
  calls: string[] = [];

  constructor(public readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loads.push(url);
    this.webContents.navigateTo(url);
    return Promise.resolve();
  }
  removeMenu(): void {
    this.calls.push('removeMenu');
  }
  setKiosk(flag: boolean): void {
    this.calls.push(`setKiosk:${flag}`);
  }
  setFullScreen(flag: boolean): void {
    this.calls.push(`setFullScreen:${flag}`);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** A utilityProcess child: records what the parent sends; the test plays the child's part. */
export class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  posted: unknown[] = [];
  kills = 0;

  constructor(
    public readonly modulePath: string,
    public readonly args: string[] | undefined,
    public readonly options: Record<string, unknown> | undefined,
  ) {
    super();
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.kills++;
    return this.pid !== undefined;
  }
  /** The child started, as Electron reports it. */
  started(pid: number): void {
    this.pid = pid;
    this.emit('spawn');
  }
  /** The child's process.parentPort.postMessage(message). */
  reply(message: unknown): void {
    this.emit('message', message);
  }
  exited(code: number): void {
    this.pid = undefined;
    this.emit('exit', code);
  }
}

class FakeApp extends EventEmitter {
  calls: string[] = [];
  switches: Array<[string, string | undefined]> = [];
  singleInstanceLock = true;
  isPackaged = false;
  userModelId: string | null = null;
  exitCode: number | null = null;
  /** Switches the process was started with (argv), as opposed to those the host appends. */
  startedWith: string[] = [];
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) => {
      this.switches.push([name, value]);
    },
    hasSwitch: (name: string) => this.startedWith.includes(name) || this.switches.some(([n]) => n === name),
  };
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    fake.order.push('whenReady');
    return Promise.resolve();
  }
  quit(): void {
    this.calls.push('quit');
    // Like Electron: quitting emits before-quit, which a listener may cancel.
    const event = fakeEvent();
    this.emit('before-quit', event);
  }
  exit(code = 0): void {
    this.calls.push('exit');
    this.exitCode = code;
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  spellChecker: boolean | null = null;
  beforeRequest: ((details: unknown, callback: (r: unknown) => void) => void) | null = null;
  headersReceived: ((details: unknown, callback: (r: unknown) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: (details: unknown, callback: (r: unknown) => void) => void) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: (details: unknown, callback: (r: unknown) => void) => void) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: (...args: unknown[]) => void): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: (...args: unknown[]) => boolean): void {
    this.devicePermissionHandler = handler;
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }
}

export interface FakeState {
  app: FakeApp;
  defaultSession: FakeSession;
  ipcHandlers: Map<string, (event: unknown, ...args: unknown[]) => unknown>;
  rendererListeners: EventEmitter;
  invokes: Array<{ channel: string; args: unknown[] }>;
  exposed: Map<string, unknown>;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => unknown>;
  /** Every protocol/app call in order, to check what happens before 'ready'. */
  order: string[];
  blockers: Array<{ id: number; type: string; stopped: boolean }>;
  applicationMenu: unknown;
  errorBoxes: Array<[string, string]>;
  utilityProcesses: FakeUtilityProcess[];
  safeStorage: FakeSafeStorage;
}

/**
 * Electron 45's safeStorage: the asynchronous encryptor, and the deprecated synchronous
 * calls, which only count (a host that still used them shows in `syncCalls`). The
 * "encryption" is a reversible marker: what is tested is which calls the host makes.
 */
export class FakeSafeStorage {
  syncCalls: string[] = [];
  asyncCalls: string[] = [];
  isEncryptionAvailable(): boolean {
    this.syncCalls.push('isEncryptionAvailable');
    return true;
  }
  encryptString(text: string): Buffer {
    this.syncCalls.push('encryptString');
    return Buffer.from(`sealed:${text}`);
  }
  decryptString(blob: Buffer): string {
    this.syncCalls.push('decryptString');
    return blob.toString().slice('sealed:'.length);
  }
  getSelectedStorageBackend(): string {
    return 'gnome_libsecret';
  }
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    this.asyncCalls.push('isAsyncEncryptionAvailable');
    return true;
  }
  async encryptStringAsync(text: string): Promise<Buffer> {
    this.asyncCalls.push('encryptStringAsync');
    return Buffer.from(`sealed:${text}`);
  }
  async decryptStringAsync(blob: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    this.asyncCalls.push('decryptStringAsync');
    return { shouldReEncrypt: false, result: blob.toString().slice('sealed:'.length) };
  }
}

export const fake: FakeState = freshState();

function freshState(): FakeState {
  return {
    app: new FakeApp(),
    defaultSession: new FakeSession(),
    ipcHandlers: new Map(),
    rendererListeners: new EventEmitter(),
    invokes: [],
    exposed: new Map(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    order: [],
    blockers: [],
    applicationMenu: 'default',
    errorBoxes: [],
    utilityProcesses: [],
    safeStorage: new FakeSafeStorage(),
  };
}

export function resetFakeElectron(): void {
  Object.assign(fake, freshState());
  FakeBrowserWindow.instances = [];
}

/** The module object vi.mock('electron') returns; it reads `fake` at call time. */
export const electronModule = {
  get app() {
    return fake.app;
  },
  get safeStorage() {
    return fake.safeStorage;
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
      if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.ipcHandlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      fake.ipcHandlers.delete(channel);
    },
  },
  ipcRenderer: {
    invoke: (channel: string, ...args: unknown[]) => {
      fake.invokes.push({ channel, args });
      return Promise.resolve({ ok: true, value: 'invoked' });
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.rendererListeners.on(channel, listener);
    },
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
      fake.rendererListeners.removeListener(channel, listener);
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fake.exposed.set(key, api);
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.order.push('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => unknown) => {
      fake.order.push(`handle:${scheme}`);
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    get defaultSession() {
      return fake.defaultSession;
    },
  },
  powerSaveBlocker: {
    start: (type: string) => {
      const id = fake.blockers.length + 1;
      fake.blockers.push({ id, type, stopped: false });
      return id;
    },
    isStarted: (id: number) => fake.blockers.some((b) => b.id === id && !b.stopped),
    stop: (id: number) => {
      const b = fake.blockers.find((x) => x.id === id);
      if (b) b.stopped = true;
    },
  },
  Menu: {
    setApplicationMenu: (menu: unknown) => {
      fake.applicationMenu = menu;
    },
  },
  utilityProcess: {
    fork: (modulePath: string, args?: string[], options?: Record<string, unknown>) => {
      const child = new FakeUtilityProcess(modulePath, args, options);
      fake.utilityProcesses.push(child);
      return child;
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => {
      fake.errorBoxes.push([title, content]);
    },
  },
};
