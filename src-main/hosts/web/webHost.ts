// The web host: the same KioskApi over HTTP on loopback, for Chromium kiosk/app
// mode, development and e2e tests. Thin: transport checks here, everything else
// in dispatchKioskCall and the services.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispatchKioskCall } from '../../common/contract/dispatch';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../common/contract/errorCodes';
import type { KioskApi } from '../../common/contract/kioskApi';
import { KIOSK_SECURITY_HEADERS } from '../../common/security/csp';
import { readStaticFile } from '../../node/http/staticFiles';

export interface WebHostOptions {
  api: KioskApi;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per start otherwise. */
  token?: string;
  /** Whole-request deadline (headers and body), default 30 s. */
  requestDeadlineMs?: number;
}

export interface WebHost {
  /** Origin only, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The URL to open: the token travels in the fragment, which never reaches a server log. */
  url: string;
  /**
   * A single-use URL for a browser's command line (readable by any local process in
   * /proc): its first load redirects to `url`, and from then on it is worth nothing.
   */
  launchUrl: string;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;
/** Calls that carry pages photographed with the document camera: the repair application's (its schema bounds them). */
const MAX_BODY_OF: Partial<Record<string, number>> = { repairSubmit: 8 * 1024 * 1024, repairCounterSubmit: 8 * 1024 * 1024 };
/** Event streams open at once: the kiosk's page holds one; more is a leak or an attack. */
export const MAX_EVENT_STREAMS = 4;
/** A request (headers and body) must arrive whole within this; a trickling client is cut. */
const REQUEST_DEADLINE_MS = 30_000;

const SECURITY_HEADERS = { ...KIOSK_SECURITY_HEADERS, 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-store' };

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = path.resolve(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  let launchTicket: string | null = randomBytes(24).toString('base64url');
  const launchPath = `/launch/${launchTicket}`;
  let origin = '';

  const deadlineMs = options.requestDeadlineMs ?? REQUEST_DEADLINE_MS;
  // Node checks the deadlines on this interval (30 s by default, longer than the deadline itself).
  const server = http.createServer({ requestTimeout: deadlineMs, headersTimeout: deadlineMs, connectionsCheckingInterval: Math.min(1000, deadlineMs) }, (req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL');
      else res.end();
    });
  });

  function authorised(req: http.IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    return given.length === tokenBytes.length && timingSafeEqual(given, tokenBytes);
  }

  /** Refuses DNS-rebinding hosts and cross-origin pages, whatever the token. */
  function sameOrigin(req: http.IncomingMessage): boolean {
    const host = req.headers.host;
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) return false;
    const from = req.headers.origin;
    if (from !== undefined && from !== origin && from !== `http://localhost:${new URL(origin).port}`) return false;
    const site = req.headers['sec-fetch-site'];
    return site === undefined || site === 'same-origin' || site === 'none';
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (!sameOrigin(req)) return sendError(res, 403, 'FORBIDDEN_SENDER');
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req)) return sendError(res, 401, 'UNAUTHORIZED');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (streams.size >= MAX_EVENT_STREAMS) return sendError(res, 429, 'INVALID_INPUT');
        return openEventStream(res);
      }
      const match = /^\/api\/call\/([A-Za-z]{1,40})$/.exec(url.pathname);
      if (!match || req.method !== 'POST') return sendError(res, 404, 'UNKNOWN_METHOD');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendError(res, 415, 'INVALID_INPUT');
      const body = await readBody(req, MAX_BODY_OF[match[1]!] ?? MAX_BODY);
      if (body === null) return sendError(res, 413, 'INVALID_INPUT');
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body) : {};
      } catch {
        return sendError(res, 400, 'INVALID_INPUT');
      }
      const result = await dispatchKioskCall(options.api, match[1], input);
      return sendJson(res, 200, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'INVALID_INPUT');
    if (url.pathname.startsWith('/launch/')) {
      if (launchTicket === null || url.pathname !== launchPath) return sendError(res, 404, 'INVALID_INPUT');
      launchTicket = null;
      res.writeHead(302, { ...SECURITY_HEADERS, Location: `/#token=${token}`, 'Referrer-Policy': 'no-referrer' });
      return void res.end();
    }
    // The raw path, not url.pathname: the guard must see what the client sent.
    return serveStatic((req.url ?? '/').split(/[?#]/)[0]!, res);
  }

  function openEventStream(res: http.ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = options.api.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    res.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  }

  async function serveStatic(pathname: string, res: http.ServerResponse): Promise<void> {
    const found = await readStaticFile(rendererDir, pathname);
    if (found.status !== 200) return sendError(res, 404, 'INVALID_INPUT');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.contentType });
    res.end(found.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;

  return {
    origin,
    url: `${origin}/#token=${token}`,
    launchUrl: `${origin}${launchPath}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The body, or null past `max`: the rest is read and dropped so the client gets its 413 (within the request deadline). */
function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function sendError(res: http.ServerResponse, status: number, code: ErrorCode): void {
  sendJson(res, status, { ok: false, error: { code, message: DEFAULT_ERROR_MESSAGES[code] } });
}
