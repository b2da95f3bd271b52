// KioskApi over the web host's HTTP API. The token arrives in the URL fragment
// (never sent to a server, never in history once read) and goes in a header.
import { DEFAULT_ERROR_MESSAGES } from '../../src-main/common/contract/errorCodes';
import type { KioskEvent, KioskEventListener } from '../../src-main/common/contract/events';
import { KIOSK_METHODS, type KioskApi, type KioskMethods } from '../../src-main/common/contract/kioskApi';
import type { Result } from '../../src-main/common/contract/result';

/** Reads `#token=…` once and removes it from the address bar and history. */
export function takeTokenFromLocation(location: Location, history: History): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (!match) return null;
  history.replaceState(null, '', location.pathname + location.search);
  return match[1] ?? null;
}

export function createWebKioskApi(token: string): KioskApi {
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    try {
      const res = await fetch(`/api/call/${method}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: DEFAULT_ERROR_MESSAGES.INTERNAL } };
    }
  }

  const methods = Object.fromEntries(KIOSK_METHODS.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as KioskMethods;

  function subscribe(listener: KioskEventListener, onOpen?: () => void): () => void {
    const controller = new AbortController();
    let delay = 500;
    const run = async (): Promise<void> => {
      while (!controller.signal.aborted) {
        try {
          const res = await fetch('/api/events', { headers: { Authorization: headers.Authorization }, signal: controller.signal });
          if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
          delay = 500;
          // Connected (again): events sent while the stream was down are lost; the screen re-reads.
          onOpen?.();
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += value;
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = frame.split('\n').find((l) => l.startsWith('data: '));
              if (data) listener(JSON.parse(data.slice(6)) as KioskEvent);
            }
          }
        } catch {
          if (controller.signal.aborted) return;
        }
        // Reconnect with backoff: the host may be restarting.
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5000);
      }
    };
    void run();
    return () => controller.abort();
  }

  return { ...methods, subscribe };
}
