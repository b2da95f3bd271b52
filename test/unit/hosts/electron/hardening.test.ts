import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { KIOSK_CSP } from '../../../../src-main/common/security/csp';
import { hardenSession, hardenWebContents } from '../../../../src-main/hosts/electron/hardening';
import type { HostLogger } from '../../../../src-main/hosts/electron/logger';
import { fake, fakeEvent, FakeWebContents, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const log: HostLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function hardened(devTools = false): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { devTools, log });
  return contents;
}

beforeEach(() => resetFakeElectron());

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: foreign URLs are prevented, the app origin is not', (name) => {
    const contents = hardened();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://evil/index.html', 'javascript:alert(1)', 'data:text/html,hi', 'app://kiosk@evil/']) {
      const event = fakeEvent({ url });
      contents.emit(name, event);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const ok = fakeEvent({ url: 'app://kiosk/index.html#/result' });
    contents.emit(name, ok);
    expect(ok.defaultPrevented).toBe(false);
  });

  it('denies every window.open', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('lets the page unload despite beforeunload (recovery reloads must not hang)', () => {
    const contents = hardened();
    const event = fakeEvent();
    contents.emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('closes DevTools when they are off, leaves them when on', () => {
    const off = hardened(false);
    off.emit('devtools-opened');
    expect(off.devToolsClosed).toBe(1);
    const on = hardened(true);
    on.emit('devtools-opened');
    expect(on.devToolsClosed).toBe(0);
  });

  it('lets DevTools pages through only in dev mode', () => {
    const off = hardened(false);
    const e1 = fakeEvent({ url: 'devtools://devtools/bundled/inspector.html' });
    off.emit('will-navigate', e1);
    expect(e1.defaultPrevented).toBe(true);
    const on = hardened(true);
    const e2 = fakeEvent({ url: 'devtools://devtools/bundled/inspector.html' });
    on.emit('will-navigate', e2);
    expect(e2.defaultPrevented).toBe(false);
  });
});

describe('hardenSession', () => {
  function hardenedSession(devTools = false) {
    hardenSession(fake.defaultSession as unknown as Session, { devTools, log });
    return fake.defaultSession;
  }

  it('denies every permission request and check', () => {
    const ses = hardenedSession();
    // 'display-capture': screen capture's own permission since Electron 45 (it was 'media' before).
    for (const permission of ['media', 'display-capture', 'geolocation', 'notifications', 'fullscreen', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      ses.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(ses.permissionCheckHandler?.(null, permission, 'app://kiosk', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'hid' })).toBe(false);
  });

  it('cancels WebHID, Web Serial and WebUSB device pickers', () => {
    const ses = hardenedSession();
    const hid = fakeEvent();
    const hidCb = vi.fn();
    ses.emit('select-hid-device', hid, {}, hidCb);
    expect(hid.defaultPrevented).toBe(true);
    expect(hidCb).toHaveBeenCalledWith();
    const serial = fakeEvent();
    const serialCb = vi.fn();
    ses.emit('select-serial-port', serial, [], {}, serialCb);
    expect(serial.defaultPrevented).toBe(true);
    expect(serialCb).toHaveBeenCalledWith('');
    const usb = fakeEvent();
    const usbCb = vi.fn();
    ses.emit('select-usb-device', usb, {}, usbCb);
    expect(usb.defaultPrevented).toBe(true);
    expect(usbCb).toHaveBeenCalledWith();
  });

  it('blocks downloads and turns the spell checker (and its dictionary fetches) off', () => {
    const ses = hardenedSession();
    const event = fakeEvent();
    ses.emit('will-download', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
    expect(ses.spellChecker).toBe(false);
  });

  it('cancels every request that leaves app://kiosk, data: and blob:', () => {
    const ses = hardenedSession();
    const cancel = (url: string) => {
      let answer: unknown;
      ses.beforeRequest?.({ url }, (r) => (answer = r));
      return (answer as { cancel: boolean }).cancel;
    };
    expect(cancel('app://kiosk/assets/a.js')).toBe(false);
    expect(cancel('data:image/png;base64,AA==')).toBe(false);
    expect(cancel('blob:app://kiosk/1234')).toBe(false);
    expect(cancel('https://example.com/x')).toBe(true);
    expect(cancel('http://127.0.0.1/')).toBe(true);
    expect(cancel('ws://127.0.0.1/')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('devtools://devtools/x')).toBe(true);
  });

  it('replaces any Content-Security-Policy header with the strict one', () => {
    const ses = hardenedSession();
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    ses.headersReceived?.(
      { url: 'app://kiosk/index.html', responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      (r) => (answer = r as typeof answer),
    );
    expect(answer.responseHeaders?.['Content-Security-Policy']).toEqual([KIOSK_CSP]);
    expect(answer.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(answer.responseHeaders?.['Content-Type']).toEqual(['text/html']);
  });

  it('adds the CSP even when a response has no headers', () => {
    const ses = hardenedSession();
    let answer: { responseHeaders?: Record<string, string[]> } = {};
    ses.headersReceived?.({ url: 'app://kiosk/' }, (r) => (answer = r as typeof answer));
    expect(answer.responseHeaders?.['Content-Security-Policy']).toEqual([KIOSK_CSP]);
  });
});
