import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { fake, FakeBrowserWindow, FakeFrame, FakeWebContents, resetFakeElectron } from './fakeElectron';
import { createFakeKioskApi, GOOD_SESSION_ID, type FakeKioskApi } from './fakeKioskApi';
import { bridgeKioskEvents, createTrustedSenderCheck, registerIpcBridge } from '../../../../src-main/hosts/electron/ipcBridge';
import type { Result } from '../../../../src-main/common/contract/result';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let api: FakeKioskApi;
let win: FakeBrowserWindow;

function kioskWindow(): FakeBrowserWindow {
  const w = new FakeBrowserWindow({});
  void w.loadURL('app://kiosk/index.html');
  return w;
}

/** An invoke event as Electron builds it for a frame of the given contents. */
function eventFrom(sender: FakeWebContents, frame: FakeFrame | null = sender.mainFrame): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

async function call(event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> {
  const handler = fake.ipcHandlers.get('kiosk:call');
  if (!handler) throw new Error('no kiosk:call handler');
  return (await handler(event, ...args)) as Result<unknown>;
}

const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

beforeEach(() => {
  resetFakeElectron();
  api = createFakeKioskApi();
  win = kioskWindow();
  const check = createTrustedSenderCheck(() => win as unknown as BrowserWindow);
  registerIpcBridge(ipcMain, api, check);
});

describe('kiosk:call', () => {
  it('passes a good call from the kiosk page to the KioskApi', async () => {
    const result = await call(eventFrom(win.webContents), 'lookupSelf', { sessionId: GOOD_SESSION_ID });
    expect(result).toEqual({ ok: true, value: { answeredBy: 'lookupSelf' } });
    expect(api.calls).toEqual([{ method: 'lookupSelf', input: { sessionId: GOOD_SESSION_ID } }]);
  });

  it('treats a missing input of an input-less method as {}', async () => {
    expect(code(await call(eventFrom(win.webContents), 'getStatus'))).toBe('OK');
    expect(api.calls).toEqual([{ method: 'getStatus', input: {} }]);
  });

  it.each([
    ['a number for a session id', 'lookupSelf', { sessionId: 1 }],
    ['an extra key', 'lookupSelf', { sessionId: GOOD_SESSION_ID, admin: true }],
    ['a malformed session id', 'printReport', { sessionId: '../../etc' }],
    ['no input where one is required', 'lookupSelf', undefined],
    ['a non-object input', 'getInfo', 'hello'],
    ['an unknown end reason', 'endSession', { sessionId: GOOD_SESSION_ID, reason: 'hack' }],
    ['an extra key on an input-less method', 'getInfo', { x: 1 }],
  ])('refuses %s with INVALID_INPUT, without calling the service', async (_what, method, input) => {
    expect(code(await call(eventFrom(win.webContents), method, input))).toBe('INVALID_INPUT');
    expect(api.calls).toEqual([]);
  });

  it.each(['deleteEverything', 'subscribe', '__proto__', 'constructor', 'toString', 42, null])('refuses method %s with UNKNOWN_METHOD', async (method) => {
    expect(code(await call(eventFrom(win.webContents), method, {}))).toBe('UNKNOWN_METHOD');
    expect(api.calls).toEqual([]);
  });

  it('refuses extra arguments beyond (method, input)', async () => {
    expect(code(await call(eventFrom(win.webContents), 'getInfo', {}, 'more'))).toBe('INVALID_INPUT');
  });

  describe('foreign senders get FORBIDDEN_SENDER and never reach the service', () => {
    const forbidden = async (event: IpcMainInvokeEvent) => {
      const result = await call(event, 'lookupSelf', { sessionId: GOOD_SESSION_ID });
      expect(code(result)).toBe('FORBIDDEN_SENDER');
      expect(api.calls).toEqual([]);
    };

    it('another webContents, even on the app origin', async () => {
      const other = new FakeWebContents();
      other.navigateTo('app://kiosk/index.html');
      await forbidden(eventFrom(other));
    });

    it('a subframe of the kiosk window', async () => {
      const sub = new FakeFrame('app://kiosk/frame.html', 'app://kiosk', win.webContents.mainFrame);
      await forbidden(eventFrom(win.webContents, sub));
    });

    it('the kiosk window after it navigated off the app origin', async () => {
      win.webContents.navigateTo('https://example.com/');
      await forbidden(eventFrom(win.webContents));
    });

    it('the error page (data: URL)', async () => {
      win.webContents.navigateTo('data:text/html,x');
      await forbidden(eventFrom(win.webContents));
    });

    it('a frame whose URL and origin disagree', async () => {
      await forbidden(eventFrom(win.webContents, new FakeFrame('app://kiosk/index.html', 'https://example.com')));
    });

    it('a frame that has gone (senderFrame null)', async () => {
      await forbidden(eventFrom(win.webContents, null));
    });

    it('a destroyed window', async () => {
      win.close();
      await forbidden(eventFrom(win.webContents));
    });

    it('even with bad input, the sender check comes first', async () => {
      const other = new FakeWebContents();
      expect(code(await call(eventFrom(other), 'nope', { sessionId: 1 }))).toBe('FORBIDDEN_SENDER');
    });
  });

  it('the dispose function removes the handler', () => {
    resetFakeElectron();
    const dispose = registerIpcBridge(ipcMain, api, () => true);
    expect(fake.ipcHandlers.has('kiosk:call')).toBe(true);
    dispose();
    expect(fake.ipcHandlers.has('kiosk:call')).toBe(false);
  });
});

describe('kiosk:event', () => {
  it('forwards service events to the kiosk page', () => {
    bridgeKioskEvents(api, win as unknown as BrowserWindow);
    api.emit({ type: 'card-removed' });
    expect(win.webContents.sent).toEqual([{ channel: 'kiosk:event', args: [{ type: 'card-removed' }] }]);
  });

  it('sends nothing to a page off the app origin (events may carry a name)', () => {
    bridgeKioskEvents(api, win as unknown as BrowserWindow);
    win.webContents.navigateTo('data:text/html,error');
    api.emit({ type: 'card-removed' });
    expect(win.webContents.sent).toEqual([]);
  });

  it('leaves kiosk mode when the admin console asks, and tells the page nothing', () => {
    bridgeKioskEvents(api, win as unknown as BrowserWindow);
    api.emit({ type: 'host-command', command: 'leave-kiosk' });
    expect(win.calls).toEqual(expect.arrayContaining(['setKiosk:false', 'setFullScreen:false']));
    expect(win.webContents.sent).toEqual([]);
  });

  it('unsubscribes when the window closes', () => {
    bridgeKioskEvents(api, win as unknown as BrowserWindow);
    expect(api.listeners.size).toBe(1);
    win.close();
    expect(api.listeners.size).toBe(0);
    api.emit({ type: 'card-removed' });
    expect(win.webContents.sent).toEqual([]);
  });

  it('the returned stop also unsubscribes, once', () => {
    const stop = bridgeKioskEvents(api, win as unknown as BrowserWindow);
    stop();
    stop();
    expect(api.listeners.size).toBe(0);
  });
});
