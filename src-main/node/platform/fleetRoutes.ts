// The fleet view on the platform: the built page (src-fleet, under /fleet/) and its API
// under /v1/fleet/ — operator sign-in (session cookie: HttpOnly, SameSite=Strict, Secure
// on https), each kiosk's status, the city-wide usage table and its CSV/XLSX export, the
// newest counter checks with their decisions and the newest reports registered.
// The platform's store answers through FleetQueries; whichever store (SQLite, PostgreSQL)
// implements those three methods can back the view.
import type http from 'node:http';
import { z } from 'zod';
import { checkFeedback, issuedReports, type ActivityEvent } from '../../common/platform/fleetActivity';
import { kioskStatuses, type KioskEvent } from '../../common/platform/fleetStatus';
import type { UsageRowView } from '../../common/platform/fleetViews';
import type { EventPayload, EventType } from '../../common/platform/platformEvents';
import { DEFAULT_TIME_ZONE, formatDisplayTime } from '../../common/time/displayTime';
import { isIsoDate } from '../../common/time/isoDate';
import { readBody, send } from '../http/jsonHttp';
import { readStaticFile } from '../http/staticFiles';
import { OperatorError, type OperatorSessions } from './fleetOperators';
import { usageCsv, usageXlsx } from './usageExport';

type Awaitable<T> = T | Promise<T>;

/** What the fleet view asks of the platform's event store. */
export interface FleetQueries {
  /** Each kiosk's newest heartbeat (by its seq). */
  latestHeartbeats(): Awaitable<KioskEvent<EventPayload<'heartbeat'>>[]>;
  /** Usage between two days (YYYY-MM-DD, inclusive), the newest usage-daily per (kiosk, day). */
  usageRows(fromDay: string, toDay: string): Awaitable<UsageRowView[]>;
  /** Each kiosk's newest config acknowledgement. */
  configAcks(): Awaitable<KioskEvent<EventPayload<'config-ack'>>[]>;
  /** The newest events of these types across the fleet (the checks and reports lists). */
  recentEvents(types: readonly EventType[], limit: number): Awaitable<ActivityEvent[]>;
}

export interface FleetRouteOptions {
  queries: FleetQueries;
  sessions: OperatorSessions;
  /** The built fleet page (dist/fleet). */
  pageDir: string;
  /** Kiosks the platform has credentials for: listed before their first heartbeat. */
  kiosks: () => Awaitable<readonly string[]>;
  /** The newest fleet configuration version in the repository, or null. */
  publishedConfigVersion: () => number | null;
  /** The zone "today" is counted in (the platform's city). */
  timeZone?: string;
  /** https: the cookie is Secure. */
  secure: boolean;
  now?: () => Date;
}

export const FLEET_PAGE_PREFIX = '/fleet/';
const COOKIE = 'fleet_session';
/** At most a year of days in one usage answer or export. */
const MAX_RANGE_DAYS = 366;
/** The checks and reports lists: the newest N (default 200, at most 1000). */
const MAX_LIST = 1000;
const SignInSchema = z.object({ name: z.string().min(1).max(40), password: z.string().min(1).max(200) }).strict();

/** The page loads only its own scripts, styles and fonts, talks only to its origin, and is never framed. */
export const FLEET_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const ERRORS = {
  unauthorised: { code: 'FLEET_SIGN_IN_REQUIRED', message: '请先登录 / please sign in' },
  badInput: { code: 'INVALID_INPUT', message: '请求无效 / invalid request' },
  tooLarge: { code: 'PAYLOAD_TOO_LARGE', message: '请求过大 / request too large' },
  badLimit: { code: 'INVALID_INPUT', message: `条数无效（1–${MAX_LIST}）/ invalid limit (1–${MAX_LIST})` },
  badRange: { code: 'INVALID_INPUT', message: `日期范围无效（YYYY-MM-DD，最多 ${MAX_RANGE_DAYS} 天）/ invalid date range (YYYY-MM-DD, at most ${MAX_RANGE_DAYS} days)` },
  notFound: { code: 'NOT_FOUND', message: '没有这个地址 / no such path' },
} as const;

/** Returns a handler that answers the fleet's paths (true) and leaves every other path to the platform (false). */
export function createFleetRoutes(options: FleetRouteOptions): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> {
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const today = (): string => formatDisplayTime(now(), timeZone).slice(0, 10);

  const cookie = (value: string, maxAge: number): string =>
    `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${options.secure ? '; Secure' : ''}`;

  async function page(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, ERRORS.notFound);
    const file = await readStaticFile(options.pageDir, url.pathname.slice(FLEET_PAGE_PREFIX.length - 1));
    if (file.status !== 200) return send(res, file.status, ERRORS.notFound, FLEET_PAGE_HEADERS);
    // Built assets are named by their hash; the page itself is always asked again.
    const immutable = url.pathname.startsWith(`${FLEET_PAGE_PREFIX}assets/`);
    res.writeHead(200, { 'content-type': file.contentType, 'content-length': file.body.length, 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', ...FLEET_PAGE_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const route = url.pathname.slice('/v1/fleet'.length);
    const token = sessionToken(req);
    if (route === '/session') {
      if (req.method === 'POST') return signIn(req, res);
      if (req.method === 'DELETE') {
        options.sessions.signOut(token);
        return send(res, 200, { signedOut: true }, { 'set-cookie': cookie('', 0) });
      }
      if (req.method === 'GET') {
        const operator = options.sessions.check(token);
        return operator ? send(res, 200, { operator }) : send(res, 401, { error: ERRORS.unauthorised });
      }
      return send(res, 405, { error: ERRORS.notFound });
    }
    const operator = options.sessions.check(token);
    if (!operator) return send(res, 401, { error: ERRORS.unauthorised });
    if (req.method !== 'GET') return send(res, 405, { error: ERRORS.notFound });
    if (route === '/kiosks') {
      const day = today();
      const [heartbeats, acks, todayRows] = await Promise.all([options.queries.latestHeartbeats(), options.queries.configAcks(), options.queries.usageRows(day, day)]);
      const kiosks = kioskStatuses({ kiosks: await options.kiosks(), heartbeats, acks, today: todayRows, publishedConfigVersion: options.publishedConfigVersion() });
      return send(res, 200, { kiosks, today: day, asOf: now().toISOString(), publishedConfigVersion: options.publishedConfigVersion() });
    }
    if (route === '/checks' || route === '/reports') {
      const limit = Number(url.searchParams.get('limit') ?? 200);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST) return send(res, 400, { error: ERRORS.badLimit });
      // A check's record and its decision are two events: twice the rows, so both halves are in reach.
      if (route === '/checks') return send(res, 200, { checks: checkFeedback(await options.queries.recentEvents(['check-record', 'check-decision'], limit * 2)).slice(0, limit) });
      return send(res, 200, { reports: issuedReports(await options.queries.recentEvents(['report-issued'], limit)) });
    }
    const usage = /^\/usage(\.csv|\.xlsx)?$/.exec(route);
    if (usage) {
      const range = dayRange(url, today());
      if (!range) return send(res, 400, { error: ERRORS.badRange });
      const rows = await options.queries.usageRows(range.from, range.to);
      const name = `usage-${range.from}-${range.to}`;
      if (usage[1] === '.csv') return download(res, usageCsv(rows), 'text/csv; charset=utf-8', `${name}.csv`);
      if (usage[1] === '.xlsx') return download(res, await usageXlsx(rows, range), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${name}.xlsx`);
      return send(res, 200, { ...range, rows });
    }
    return send(res, 404, { error: ERRORS.notFound });
  }

  async function signIn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // JSON only: a cross-site form cannot send it without the browser asking first.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: ERRORS.badInput });
    const body = await readBody(req, 4096);
    if (body === null) return send(res, 413, { error: ERRORS.tooLarge }, { connection: 'close' });
    let parsed: z.ZodSafeParseResult<z.infer<typeof SignInSchema>>;
    try {
      parsed = SignInSchema.safeParse(JSON.parse(body.toString('utf8')));
    } catch {
      return send(res, 400, { error: ERRORS.badInput });
    }
    if (!parsed.success) return send(res, 400, { error: ERRORS.badInput });
    try {
      const token = await options.sessions.signIn(parsed.data.name, parsed.data.password);
      return send(res, 200, { operator: parsed.data.name }, { 'set-cookie': cookie(token, 12 * 3600) });
    } catch (err) {
      if (err instanceof OperatorError) return send(res, err.code === 'FLEET_LOCKED' ? 429 : 401, { error: { code: err.code, message: err.message } });
      throw err;
    }
  }

  return async (req, res, url) => {
    if (url.pathname === '/fleet') {
      res.writeHead(308, { location: FLEET_PAGE_PREFIX }).end();
      return true;
    }
    if (url.pathname.startsWith(FLEET_PAGE_PREFIX)) {
      await page(req, res, url);
      return true;
    }
    if (url.pathname === '/v1/fleet' || url.pathname.startsWith('/v1/fleet/')) {
      await api(req, res, url);
      return true;
    }
    return false;
  };
}

function sessionToken(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
  }
  return undefined;
}

/** from/to (default: the last 30 days to today), both real days, in order, at most a year apart. */
function dayRange(url: URL, today: string): { from: string; to: string } | null {
  const to = url.searchParams.get('to') ?? today;
  const from = url.searchParams.get('from') ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) return null;
  if ((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 >= MAX_RANGE_DAYS) return null;
  return { from, to };
}

function download(res: http.ServerResponse, body: string | Buffer, type: string, name: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(200, { 'content-type': type, 'content-length': bytes.length, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(bytes);
}
