// Electron's security checklist, applied to every webContents and to the session:
// the screens stay on app://kiosk, open nothing, embed nothing, ask for no
// permission, reach no network, download nothing.
import type { Certificate, Session, WebContents } from 'electron';
import { KIOSK_CSP } from '../../common/security/csp';
import type { HostLogger } from './logger';
import { cameraCheck, grantsCamera, type MediaRequestDetails } from './cameraPermission';
import { isAppUrl } from './origin';

export interface HardeningOptions {
  devTools: boolean;
  log: HostLogger;
  /** True while a face step is open (the only time the camera may be granted). */
  cameraAllowed?: () => boolean;
}

const isDevToolsUrl = (url: string): boolean => url.startsWith('devtools://');

/** For app.on('web-contents-created'): every contents, including ones we did not create. */
export function hardenWebContents(contents: WebContents, { devTools, log }: HardeningOptions): void {
  const allowed = (url: string): boolean => isAppUrl(url) || (devTools && isDevToolsUrl(url));
  const guard = (what: string) => (event: { url: string; preventDefault(): void }) => {
    if (allowed(event.url)) return;
    event.preventDefault();
    log.warn(`blocked ${what} away from the app origin`, { scheme: schemeOf(event.url) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A beforeunload prompt would freeze an unattended screen and block recovery reloads.
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}

/** Session-wide: permissions, devices, downloads, network and the CSP header. */
export function hardenSession(ses: Session, { devTools, log, cameraAllowed = () => false }: HardeningOptions): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = grantsCamera(permission, details as MediaRequestDetails, cameraAllowed);
    if (!granted) log.warn('denied permission request', { permission });
    callback(granted);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => cameraCheck(permission, requestingOrigin, details as MediaRequestDetails, cameraAllowed));
  ses.setDevicePermissionHandler(() => false);
  // The reader and printer are driven by the main process; no WebHID/Serial/USB.
  ses.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  ses.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  ses.on('will-download', (event) => {
    event.preventDefault();
    log.warn('blocked a download');
  });
  // Hunspell dictionaries are fetched from the network when the checker is on.
  ses.setSpellCheckerEnabled(false);

  // The screens talk to services over IPC only: nothing leaves app://, data: or blob:.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const ok = isAppUrl(url) || url.startsWith('data:') || url.startsWith('blob:') || (devTools && isDevToolsUrl(url));
    if (!ok) log.warn('blocked a request away from the app origin', { scheme: schemeOf(url) });
    callback({ cancel: !ok });
  });

  // The protocol handler already sends the CSP; this covers any response it did not make.
  ses.webRequest.onHeadersReceived((details, callback) => {
    if (isDevToolsUrl(details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [KIOSK_CSP];
    callback({ responseHeaders: headers });
  });
}

/**
 * Chromium switches that no fuse covers and that undo the hardening: a debugger port or
 * pipe (DevTools over the wire), no OS sandbox, no same-origin policy.
 */
export const UNSAFE_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'no-sandbox', 'disable-web-security'] as const;

/** The unsafe switches this process was started with (a packaged kiosk refuses to run with any). */
export function unsafeSwitches(commandLine: { hasSwitch(name: string): boolean }): string[] {
  return UNSAFE_SWITCHES.filter((name) => commandLine.hasSwitch(name));
}

/**
 * For app 'select-client-certificate'. Unhandled, Electron presents the first certificate
 * in the OS store to whoever asks, and since Electron 44 that covers the main process's
 * net requests too (contents null). The kiosk identifies itself to nobody that way.
 */
export function refuseClientCertificates(log: HostLogger) {
  return (event: { preventDefault(): void }, _contents: WebContents | null, url: string, _certificates: Certificate[], callback: (certificate?: Certificate) => void): void => {
    event.preventDefault();
    log.warn('refused to present a client certificate', { scheme: schemeOf(url) });
    callback();
  };
}

/** Logs carry the scheme only: a URL may hold query text typed by a visitor. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 ? url.slice(0, colon) : '(none)';
}
