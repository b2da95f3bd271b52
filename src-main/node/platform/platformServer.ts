// The platform (pilots on one machine, a city on PostgreSQL): serves the repository as
// static files with HTTP Range, answers online queries from the latest full package, takes
// the kiosks' events into the PlatformStore, answers report checks and audit anchors, and
// mounts the fleet view's routes under /v1/fleet/. node:http on loopback unless told
// otherwise, or https with a certificate (kiosks pin the CA that signed it). Every route is
// in docs/platform-openapi.yaml; a test holds the two together.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { isReportNumber } from '../../common/report/reportNumber';
import { readBody, send } from '../http/jsonHttp';
import { storeAttachment } from './attachmentIntake';
import { parseEventBatch } from './eventIntake';
import { fleetMounts, type FleetMountOptions } from './fleetMount';
import { openOnlineQueryIndex } from './onlineQueryIndex';
import { openPlatformStore } from './openPlatformStore';
import { PlatformRefusal } from './platformRefusal';
import type { PlatformStore } from './platformStore';
import { serveRepositoryFile } from './repositoryFiles';

/** A kiosk's credential: its bearer token, and the public key its audit anchors are signed with. */
export type KioskCredential = string | { token: string; publicKeyPem?: string };

/** Routes another room serves under a prefix of this server (the fleet view: '/v1/fleet/'), with their own sign-in. */
export interface PlatformMount {
  prefix: `/${string}/`;
  handle(req: http.IncomingMessage, res: http.ServerResponse, context: { url: URL; store: PlatformStore; now: () => Date }): Promise<void>;
}

export interface PlatformOptions {
  /** The signed repository folder served under /repo/ and indexed for online queries. */
  repo: string;
  host?: string;
  port?: number;
  /** Kiosks registered (their tokens stored hashed) at start; more may already be in the store. */
  tokens?: Record<string, KioskCredential>;
  /** The store: an open one (the caller closes it), or a postgres:// URL or SQLite file to open. Default: SQLite in stateDir. */
  store?: PlatformStore | string;
  /** Where the default store and the query index live (default: a temp folder). */
  stateDir?: string;
  /** false: serve the repository and events only (benches); default true. */
  queryIndex?: boolean;
  /** Serve https with this certificate chain and key (PEM); plain http without. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  mounts?: readonly PlatformMount[];
  /** The fleet view (issue 17.6): its page at /fleet/ and its API at /v1/fleet/, when given. */
  fleet?: FleetMountOptions;
  now?: () => Date;
}

export interface PlatformServer {
  url: string;
  server: http.Server | https.Server;
  store: PlatformStore;
  /** Every route this server answers besides /repo/ and the mounts, as the OpenAPI document names it. */
  routes: ReadonlyArray<{ method: string; path: string }>;
  close(): Promise<void>;
}

/** A kiosk's batch of at most 100 events fits easily; anything larger is refused unread. */
export const MAX_REQUEST_BODY = 1 << 20;
export const PLATFORM_STATE_FILE = 'platform-events.sqlite';

interface Caller {
  kioskId: string;
  publicKeyPem: string | null;
}

interface Route {
  method: 'GET' | 'POST';
  path: RegExp;
  /** Its path in docs/platform-openapi.yaml. */
  openapi: string;
  /** 'kiosk': a registered kiosk's bearer token; 'public': anyone (a report holder checking a number). */
  access: 'kiosk' | 'public';
  handle(req: http.IncomingMessage, url: URL, match: RegExpExecArray, caller: Caller | null): Promise<{ status: number; body: unknown }>;
}

export async function startPlatformServer(options: PlatformOptions): Promise<PlatformServer> {
  const repo = path.resolve(options.repo);
  const now = options.now ?? (() => new Date());
  const ownState = !options.stateDir;
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-platform-'));
  fs.mkdirSync(stateDir, { recursive: true });
  const ownStore = typeof options.store !== 'object';
  const store = typeof options.store === 'object' ? options.store : await openPlatformStore(options.store ?? path.join(stateDir, PLATFORM_STATE_FILE));
  for (const [kioskId, credential] of Object.entries(options.tokens ?? {})) {
    await store.registerKiosk(typeof credential === 'string' ? { kioskId, token: credential } : { kioskId, token: credential.token, publicKeyPem: credential.publicKeyPem ?? null });
  }
  const query = options.queryIndex === false ? null : await openOnlineQueryIndex(repo, stateDir);
  const mounts = [...(options.mounts ?? []), ...(options.fleet ? fleetMounts(options.fleet, { repo, stateDir, store, secure: !!options.tls, now }) : [])];
  const offline = (): PlatformRefusal => new PlatformRefusal('ONLINE_UNAVAILABLE', '平台尚无数据 / the platform has no data yet');

  const routes: Route[] = [
    {
      method: 'GET',
      path: /^\/v1\/health$/,
      openapi: '/v1/health',
      access: 'public',
      handle: async () => ({ status: 200, body: { ok: true, store: store.kind, events: await store.eventCount(), at: now().toISOString() } }),
    },
    {
      method: 'GET',
      path: /^\/v1\/subjects\/([0-9A-Za-z]{8,20})$/,
      openapi: '/v1/subjects/{code}',
      access: 'kiosk',
      async handle(_req, _url, m) {
        if (!query) throw offline();
        const found = await query.findByCode(m[1]!);
        if (!found) throw new PlatformRefusal('SUBJECT_NOT_FOUND', '未查询到该主体 / no such subject');
        return { status: 200, body: { subject: found.subject, records: found.records, askedAt: now().toISOString() } };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/search$/,
      openapi: '/v1/search',
      access: 'kiosk',
      async handle(_req, url) {
        if (!query) throw offline();
        const q = url.searchParams.get('q') ?? '';
        if (q.trim() === '' || q.length > 100) throw new PlatformRefusal('INVALID_INPUT', '查询内容无效 / invalid query');
        return { status: 200, body: { ...(await query.search(q, { page: 1, pageSize: 20 })), askedAt: now().toISOString() } };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/events$/,
      openapi: '/v1/events',
      access: 'kiosk',
      async handle(req, _url, _m, caller) {
        // The kiosk is who its credential says: a body or header naming another one is a forgery.
        const claimed = req.headers['x-kiosk-id'];
        if (claimed !== undefined && claimed !== caller!.kioskId) throw new PlatformRefusal('KIOSK_MISMATCH', `凭据属于另一终端 / the credential belongs to another kiosk than ${String(claimed)}`);
        const events = parseEventBatch(await readBatch(req), caller!);
        return { status: 200, body: await store.ingest(caller!.kioskId, events, now()) };
      },
    },
    {
      method: 'POST',
      path: /^\/v1\/attachments$/,
      openapi: '/v1/attachments',
      access: 'kiosk',
      // A page of a repair application, named by digest in its event (attachmentIntake.ts).
      handle: async (req, _url, _m, caller) => ({ status: 200, body: { stored: storeAttachment(await readBatch(req), stateDir, caller!.kioskId) } }),
    },
    {
      method: 'GET',
      path: /^\/v1\/reports\/([^/]{1,64})$/,
      openapi: '/v1/reports/{number}',
      access: 'public',
      async handle(_req, _url, m) {
        const number = decodePathPart(m[1]!);
        if (!isReportNumber(number)) throw new PlatformRefusal('INVALID_INPUT', '报告编号格式无效 / not a report number');
        const found = await store.report(number);
        if (!found) return { status: 404, body: { genuine: false, reportNumber: number, error: { code: 'REPORT_NOT_FOUND', message: '平台未登记此报告编号 / the platform has no report with this number' } } };
        return { status: 200, body: { genuine: true, reportNumber: found.reportNumber, edition: found.edition, subject: found.subject, issuedAt: found.issuedAt, kioskId: found.kioskId, digest: found.digest } };
      },
    },
    {
      method: 'GET',
      path: /^\/v1\/kiosks\/([A-Za-z0-9-]{1,40})\/audit-anchors\/latest$/,
      openapi: '/v1/kiosks/{kioskId}/audit-anchors/latest',
      access: 'kiosk',
      async handle(_req, _url, m, caller) {
        if (m[1] !== caller!.kioskId) throw new PlatformRefusal('KIOSK_MISMATCH', '只能读取本终端的审计锚点 / a kiosk reads only its own audit anchors');
        const anchor = await store.latestAuditAnchor(caller!.kioskId);
        if (!anchor) throw new PlatformRefusal('ANCHOR_NOT_FOUND', '平台尚无本终端的审计锚点 / no audit anchor from this kiosk yet');
        const regressions = (await store.auditAnchors(caller!.kioskId)).filter((a) => a.regressed).length;
        return { status: 200, body: { ...anchor, regressions } };
      },
    },
  ];

  async function authorise(req: http.IncomingMessage): Promise<Caller> {
    const m = /^Bearer ([\x21-\x7e]{16,200})$/.exec(req.headers.authorization ?? '');
    const kiosk = m ? await store.kioskForToken(m[1]!) : null;
    if (!kiosk) throw new PlatformRefusal('UNAUTHORIZED', '未授权的请求 / unauthorised request');
    if (kiosk.revoked) throw new PlatformRefusal('KIOSK_REVOKED', `终端 ${kiosk.kioskId} 的凭据已被吊销，请联系平台运维 / the credential of kiosk ${kiosk.kioskId} was revoked: contact the platform's operators`);
    return { kioskId: kiosk.kioskId, publicKeyPem: kiosk.publicKeyPem };
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://platform');
    if (url.pathname.startsWith('/repo/') && (req.method === 'GET' || req.method === 'HEAD')) return serveRepositoryFile(req, res, repo, decodePathPart(url.pathname.slice(6)));
    const mount = mounts.find((m) => url.pathname.startsWith(m.prefix));
    if (mount) return mount.handle(req, res, { url, store, now });
    const matching = routes.map((r) => [r, r.path.exec(url.pathname)] as const).filter(([, m]) => m !== null);
    if (matching.length === 0) throw new PlatformRefusal('NOT_FOUND', '没有这个地址 / no such path');
    const found = matching.find(([r]) => r.method === req.method);
    if (!found) return sendJson(res, 405, { error: { code: 'METHOD_NOT_ALLOWED', message: '不支持此请求方法 / method not allowed' } }, { allow: matching.map(([r]) => r.method).join(', ') });
    const [route, match] = found;
    const caller = route.access === 'kiosk' ? await authorise(req) : null;
    const { status, body } = await route.handle(req, url, match!, caller);
    sendJson(res, status, body);
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((err: unknown) => {
      const refusal = err instanceof PlatformRefusal ? err : isStoreOutage(err) ? new PlatformRefusal('STORE_UNAVAILABLE', '平台数据库暂不可用，请稍后重试 / the platform database is unavailable, retry later') : new PlatformRefusal('INTERNAL', '平台内部错误 / platform internal error');
      if (!res.headersSent) sendJson(res, refusal.status, refusal.toJSON(), refusal.code === 'PAYLOAD_TOO_LARGE' ? { connection: 'close' } : {});
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest) : http.createServer(onRequest);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as { port: number; address: string };
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    server,
    store,
    routes: routes.map((r) => ({ method: r.method, path: r.openapi })),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      if (ownStore) await store.close();
      await query?.close();
      if (ownState) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The platform's JSON answers: the one JSON sender of node/http. */
export const sendJson = send;

/** A percent-encoded path part; a malformed one is bad input, not a platform fault. */
function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new PlatformRefusal('INVALID_INPUT', '地址编码无效 / malformed percent-encoding in the path');
  }
}

/** A request body (an event batch, an attachment); past MAX_REQUEST_BODY refused unread (the answer closes the connection). */
async function readBatch(req: http.IncomingMessage): Promise<Buffer> {
  const body = await readBody(req, MAX_REQUEST_BODY);
  if (body === null) throw new PlatformRefusal('PAYLOAD_TOO_LARGE', `请求过大（上限 ${MAX_REQUEST_BODY} 字节）/ request larger than ${MAX_REQUEST_BODY} bytes`);
  return body;
}

/** The database went away or refused a connection: the kiosk should retry, not give up. */
function isStoreOutage(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|53|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'SQLITE_BUSY', 'STORE_UNAVAILABLE'].includes(code))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test((err as Error).message ?? '');
}
