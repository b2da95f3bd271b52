// KioskApi over IPC: one invoke channel for calls, one push channel for events.
// The bridge checks who is asking; the shared dispatcher checks what is asked.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatchKioskCall } from '../../common/contract/dispatch';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import type { KioskApi, KioskMethods } from '../../common/contract/kioskApi';
import { fail, type Result } from '../../common/contract/result';
import { KIOSK_CALL_CHANNEL, KIOSK_EVENT_CHANNEL } from './channels';
import type { HostLogger } from './logger';
import { APP_ORIGIN, isAppUrl } from './origin';

export type TrustedSenderCheck = (event: IpcMainInvokeEvent) => boolean;
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Trusted: the top frame of our own kiosk window, currently on app://kiosk.
 * Anything else (a subframe, another webContents, the error page, a page that
 * somehow navigated away) is refused before its input is even parsed.
 */
export function createTrustedSenderCheck(getWindow: () => BrowserWindow | null): TrustedSenderCheck {
  return (event) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return false;
    if (event.sender !== win.webContents) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url) && frame.origin === APP_ORIGIN;
  };
}

export function registerIpcBridge(
  ipcMain: IpcMainLike,
  api: KioskMethods,
  isTrustedSender: TrustedSenderCheck,
  log?: HostLogger,
): () => void {
  ipcMain.handle(KIOSK_CALL_CHANNEL, async (event, method: unknown, input: unknown, ...extra: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) {
      log?.warn('refused a call from a foreign sender', { method: typeof method === 'string' ? method.slice(0, 40) : typeof method });
      return fail('FORBIDDEN_SENDER', DEFAULT_ERROR_MESSAGES.FORBIDDEN_SENDER);
    }
    // The preload sends exactly (method, input); anything more is not our client.
    if (extra.length > 0) return fail('INVALID_INPUT', DEFAULT_ERROR_MESSAGES.INVALID_INPUT);
    return dispatchKioskCall(api, method, input);
  });
  return () => ipcMain.removeHandler(KIOSK_CALL_CHANNEL);
}

/** Forwards service events to the window until it closes; returns the unsubscribe. */
export function bridgeKioskEvents(api: Pick<KioskApi, 'subscribe'>, win: BrowserWindow): () => void {
  const contents = win.webContents;
  const unsubscribe = api.subscribe((event) => {
    if (contents.isDestroyed()) return;
    // Host commands are for the window, not the screens (the admin console asked, audited).
    if (event.type === 'host-command') {
      if (event.command === 'leave-kiosk' && !win.isDestroyed()) {
        win.setKiosk(false);
        win.setFullScreen(false);
      }
      return;
    }
    // Events carry the card holder's name: only our own page may receive them.
    if (!isAppUrl(contents.getURL())) return;
    contents.send(KIOSK_EVENT_CHANNEL, event);
  });
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
  };
  win.once('closed', stop);
  return stop;
}
