// app://kiosk/ serves the built renderer from disk, read-only, with the strict CSP
// on every response (errors included). The only scheme the screens load from.
// Files, types and the traversal guard are the static-file module's, shared with the web host.
import type { CustomScheme } from 'electron';
import { KIOSK_SECURITY_HEADERS } from '../../common/security/csp';
import { readStaticFile } from '../../node/http/staticFiles';
import { APP_HOST, APP_SCHEME } from './origin';

/** Registered before app 'ready'. standard+secure gives a real, secure origin; no
 * corsEnabled, so no other origin may read from it; no bypassCSP. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  const headers = new Headers(KIOSK_SECURITY_HEADERS);
  headers.set('Content-Type', contentType);
  // Assets change only with the app; no-cache keeps an upgrade from showing stale screens.
  headers.set('Cache-Control', 'no-cache');
  return new Response(body, { status, headers });
}

const text = (status: number, message: string): Response => respond(status, message, 'text/plain; charset=utf-8');

export type ProtocolHandler = (request: Request) => Promise<Response>;

export function createAppProtocolHandler(rendererDir: string): ProtocolHandler {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, 'Bad Request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST) return text(404, 'Not Found');
    const found = await readStaticFile(rendererDir, url.pathname);
    if (found.status !== 200) return text(found.status, found.status === 403 ? 'Forbidden' : 'Not Found');
    return respond(200, request.method === 'HEAD' ? null : new Uint8Array(found.body), found.contentType);
  };
}
