// The reference platform (demos, tests, pilots): serves a repository as static
// files with HTTP Range, answers online queries from the latest full package, and
// takes kiosk outbox events. node:http on loopback unless told otherwise, or https with
// a certificate (pilots: kiosks pin the CA that signed it); at city scale the repository
// goes on any HTTP server or CDN and these APIs on the platform.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { LocalCreditCache } from '../cache/creditCache';
import { openCreditCache } from '../cache/openCreditCache';
import type { Snapshot, Timestamp } from '../../common/sync/metadataSchemas';
import { parseEnvelope } from '../../common/sync/trustRules';
import { readBody, send } from '../http/jsonHttp';
import { applyPackage } from './packageApplier';
import { EventBatchSchema, PlatformEventStore } from './platformEvents';
import { FLEET_CONFIG_FILE, isRepositoryPath, PACKAGES_DIR, snapshotFile, TIMESTAMP_FILE } from './repoLayout';
import { EMPTY_MARKS } from './syncMarks';
import { mountFleet } from '../platform/fleetMount';

export interface PlatformOptions {
  repo: string;
  host?: string;
  port?: number;
  /** kioskId → bearer token; the /v1 APIs answer only these. */
  tokens: Record<string, string>;
  /** Where the event store and the query index live (default: a temp folder). */
  stateDir?: string;
  /** false: serve the repository and events only (benches); default true. */
  queryIndex?: boolean;
  /** Serve https with this certificate chain and key (PEM); plain http without. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  now?: () => Date;
  /** FLEET VIEW (issue 17.6): served at /fleet/ with its API at /v1/fleet/ when given. */
  fleet?: { operatorsFile: string; pageDir: string; timeZone?: string };
}

export interface PlatformServer {
  url: string;
  server: http.Server | https.Server;
  events: PlatformEventStore;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

export async function startPlatformServer(options: PlatformOptions): Promise<PlatformServer> {
  const repo = path.resolve(options.repo);
  const now = options.now ?? (() => new Date());
  const ownState = !options.stateDir;
  const stateDir = options.stateDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-platform-'));
  fs.mkdirSync(stateDir, { recursive: true });
  const events = new PlatformEventStore(path.join(stateDir, 'platform-events.sqlite'));
  const query = options.queryIndex === false ? null : await openQueryIndex(repo, stateDir);
  // FLEET VIEW: mounted on this store until the PostgreSQL platform takes it (node/platform/fleetRoutes: FleetQueries).
  const fleet = options.fleet ? mountFleet(options.fleet, { repo, stateDir, events, kiosks: Object.keys(options.tokens), secure: !!options.tls, now }) : null;
  const tokenHashes = new Map(Object.entries(options.tokens).map(([kiosk, token]) => [kiosk, digest(token)]));

  const authorise = (req: http.IncomingMessage): string | null => {
    const m = /^Bearer ([\x21-\x7e]{16,200})$/.exec(req.headers.authorization ?? '');
    if (!m) return null;
    const given = digest(m[1]!);
    for (const [kiosk, hash] of tokenHashes) if (crypto.timingSafeEqual(given, hash)) return kiosk;
    return null;
  };

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: 'INTERNAL', message: '平台内部错误 / platform internal error' } });
      else res.destroy();
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest) : http.createServer(onRequest);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://platform');
    if (url.pathname.startsWith('/repo/') && (req.method === 'GET' || req.method === 'HEAD')) return serveFile(req, res, repo, decodeURIComponent(url.pathname.slice(6)));
    if (fleet && (await fleet(req, res, url))) return;
    if (!url.pathname.startsWith('/v1/')) return send(res, 404, { error: { code: 'NOT_FOUND', message: '没有这个地址 / no such path' } });
    const kiosk = authorise(req);
    if (!kiosk) return send(res, 401, { error: { code: 'UNAUTHORIZED', message: '未授权的请求 / unauthorised request' } });
    const subjectMatch = /^\/v1\/subjects\/([0-9A-Za-z]{8,20})$/.exec(url.pathname);
    if (req.method === 'GET' && subjectMatch) {
      if (!query) return send(res, 503, { error: { code: 'ONLINE_UNAVAILABLE', message: '平台尚无数据 / the platform has no data yet' } });
      const found = await query.findByCode(subjectMatch[1]!);
      if (!found) return send(res, 404, { error: { code: 'SUBJECT_NOT_FOUND', message: '未查询到该主体 / no such subject' } });
      return send(res, 200, { subject: found.subject, records: found.records, askedAt: now().toISOString() });
    }
    if (req.method === 'GET' && url.pathname === '/v1/search') {
      if (!query) return send(res, 503, { error: { code: 'ONLINE_UNAVAILABLE', message: '平台尚无数据 / the platform has no data yet' } });
      const q = url.searchParams.get('q') ?? '';
      if (q.trim() === '' || q.length > 100) return send(res, 400, { error: { code: 'INVALID_INPUT', message: '查询内容无效 / invalid query' } });
      return send(res, 200, { ...(await query.search(q, { page: 1, pageSize: 20 })), askedAt: now().toISOString() });
    }
    if (req.method === 'POST' && url.pathname === '/v1/events') {
      const body = await readBody(req, MAX_BODY);
      if (body === null) return send(res, 413, { error: { code: 'INVALID_INPUT', message: '请求过大 / request too large' } });
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, 400, { error: { code: 'INVALID_INPUT', message: '请求不是 JSON / not JSON' } });
      }
      const parsed = EventBatchSchema.safeParse(json);
      if (!parsed.success) return send(res, 400, { error: { code: 'INVALID_INPUT', message: '事件格式无效 / invalid events' } });
      return send(res, 200, events.accept(kiosk, parsed.data.events, now()));
    }
    return send(res, 404, { error: { code: 'NOT_FOUND', message: '没有这个地址 / no such path' } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as { port: number; address: string };
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    server,
    events,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      events.close();
      await query?.close();
      if (ownState) fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

function digest(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}

/** Static repository files, with a single byte range (what resumable downloads use). */
function serveFile(req: http.IncomingMessage, res: http.ServerResponse, repo: string, rel: string): void {
  if (!isRepositoryPath(rel)) return send(res, 404, { error: { code: 'NOT_FOUND', message: '没有这个文件 / no such file' } });
  const file = path.join(repo, rel);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return send(res, 404, { error: { code: 'NOT_FOUND', message: '没有这个文件 / no such file' } });
  }
  const mutable = rel === TIMESTAMP_FILE || rel === 'root.json' || rel === FLEET_CONFIG_FILE;
  const headers: Record<string, string | number> = {
    'accept-ranges': 'bytes',
    'content-type': rel.endsWith('.gz') ? 'application/gzip' : 'application/json',
    // Everything but timestamp.json and root.json is named by version or hash: it never changes.
    'cache-control': mutable ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
  const range = req.headers.range;
  let start = 0;
  let end = size - 1;
  let status = 200;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range);
    const a = m?.[1] ?? '';
    const b = m?.[2] ?? '';
    if (!m || (a === '' && b === '')) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    if (a === '') {
      start = Math.max(0, size - Number(b));
    } else {
      start = Number(a);
      if (b !== '') end = Math.min(end, Number(b));
    }
    if (start >= size || start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['content-length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) return void res.end();
  fs.createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
}

/** The online query index: the latest full package loaded into a cache file with a key that never leaves memory. */
async function openQueryIndex(repo: string, stateDir: string): Promise<LocalCreditCache | null> {
  const tsFile = path.join(repo, TIMESTAMP_FILE);
  if (!fs.existsSync(tsFile)) return null;
  const ts = parseEnvelope<Timestamp>(fs.readFileSync(tsFile), 'timestamp').signed;
  const snapshot = parseEnvelope<Snapshot>(fs.readFileSync(path.join(repo, snapshotFile(ts.snapshot.version))), 'snapshot').signed;
  const full = snapshot.packages.find((p) => p.kind === 'full');
  if (!full) return null;
  const key = crypto.randomBytes(32);
  const file = path.join(stateDir, 'platform-index.sqlite');
  await applyPackage({
    cacheFile: file,
    cacheKey: key,
    packagePath: path.join(repo, PACKAGES_DIR, full.name),
    entry: full,
    snapshot: { version: snapshot.version, dataAsOf: snapshot.dataAsOf },
    marks: EMPTY_MARKS,
  });
  return openCreditCache({ file, key, worker: 'none', integrity: 'header' });
}
