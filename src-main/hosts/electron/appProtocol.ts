// app://kiosk/ serves the built renderer from disk, read-only, with the strict CSP
// on every response (errors included). The only scheme the screens load from.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { KIOSK_SECURITY_HEADERS } from '../../common/security/csp';
import { APP_HOST, APP_SCHEME } from './origin';

/** Registered before app 'ready'. standard+secure gives a real, secure origin; no
 * corsEnabled, so no other origin may read from it; no bypassCSP. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  const headers = new Headers(KIOSK_SECURITY_HEADERS);
  headers.set('Content-Type', contentType);
  // Assets change only with the app; no-cache keeps an upgrade from showing stale screens.
  headers.set('Cache-Control', 'no-cache');
  return new Response(body, { status, headers });
}

const text = (status: number, message: string): Response => respond(status, message, 'text/plain; charset=utf-8');

/**
 * Maps a request path to a file under root, or null when it would leave root.
 * URL parsing already folds "..", but percent-encoded separators ("%2F", "%5C")
 * only appear after decoding, so containment is checked on the final path.
 */
export function resolveUnderRoot(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, relative);
  const rel = path.relative(resolvedRoot, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return target;
}

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
    const file = resolveUnderRoot(rendererDir, url.pathname);
    if (file === null) return text(403, 'Forbidden');
    let body: Buffer;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return text(404, 'Not Found');
      body = await fs.readFile(file);
    } catch {
      return text(404, 'Not Found');
    }
    return respond(200, request.method === 'HEAD' ? null : new Uint8Array(body), mimeTypeOf(file));
  };
}
