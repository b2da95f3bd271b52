// The one HTTP client for everything the kiosk asks of its platform: the repository
// pull, the online lookup, the outbox delivery, the fleet configuration. undici for the
// transport (TLS pinned to the platform's own CA: the system's store is not trusted for
// this), cockatiel for the policies: a whole-request deadline (headers AND body, retries
// and back-off included — not an idle timer a trickling server can hold open), retries
// with exponential back-off for outages only, and one circuit breaker per platform, so
// a person at the screen does not wait on failures the kiosk already knows will come.
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import { Agent, request } from 'undici';
import { SyncRefusal } from '../../common/sync/trustRules';
import { PlatformError, isOutage, platformErrorOf } from './platformError';

export interface PlatformClientOptions {
  /** The platform's base URL (the repository under repo/, the API under v1/). */
  url: string;
  /** This kiosk's bearer token (the /v1 API); the repository needs none. */
  token?: string;
  /** PEM of the CA that signs the platform's certificate: required for https (pinning). */
  ca?: string | Buffer;
  /** Plain HTTP to a non-loopback host, or https without a CA: only for tests that say so. */
  allowInsecure?: boolean;
  /** Consecutive outages that open the breaker (default 3), and how long it stays open (default 30 s). */
  breaker?: { failures?: number; coolOffMs?: number };
}

export interface PlatformCall {
  method?: 'GET' | 'POST';
  /** Relative to the base URL: 'repo/timestamp.json', 'v1/events'. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole call — connection, headers, body, retries, back-off — ends by then. */
  deadlineMs: number;
  /** Retries after an outage (default 0); the deadline still bounds them all. */
  retries?: number;
  /** First back-off (default 200 ms), growing exponentially with jitter. */
  backoffMs?: number;
  /** Refuse an answer longer than this (default 16 MiB). */
  maxBytes?: number;
  /** Streams the body of a 200/206 answer here instead of collecting it (package downloads). */
  sink?: (chunk: Buffer, status: number) => void | Promise<void>;
}

export interface PlatformResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Empty when a sink took the body. */
  body: Buffer;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface PlatformClient {
  readonly base: URL;
  /** Throws PlatformError (or SyncRefusal for a transport the configuration forbids). */
  call(call: PlatformCall): Promise<PlatformResponse>;
  readonly breakerState: BreakerState;
  close(): Promise<void>;
}

const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** https only with the platform's CA (pinning); plain http only to loopback. */
export function checkTransport(url: URL, hasCa: boolean, allowInsecure = false): void {
  if (url.protocol === 'https:') {
    if (!hasCa && !allowInsecure) throw new SyncRefusal('SYNC_NOT_CONFIGURED', 'https 需要配置平台 CA 证书 / https needs the platform CA file (sync.caFile)');
    return;
  }
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || allowInsecure)) return;
  throw new SyncRefusal('SYNC_NOT_CONFIGURED', `仅允许 https，或本机回环地址的 http / only https, or http to loopback, is allowed: ${url.protocol}//${url.hostname}`);
}

export function createPlatformClient(options: PlatformClientOptions): PlatformClient {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  checkTransport(base, options.ca !== undefined, options.allowInsecure);
  // `ca` replaces the system's store for this connection: only the platform's CA is trusted.
  const dispatcher = new Agent({ connect: { rejectUnauthorized: true, ...(options.ca !== undefined && { ca: options.ca }) } });
  const breaker = circuitBreaker(handleWhen(isOutage), {
    halfOpenAfter: options.breaker?.coolOffMs ?? 30_000,
    breaker: new ConsecutiveBreaker(options.breaker?.failures ?? 3),
  });

  async function attempt(c: PlatformCall, signal: AbortSignal): Promise<PlatformResponse> {
    const headers: Record<string, string> = { ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }), ...c.headers };
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(new URL(c.path, base), { method: c.method ?? 'GET', headers, ...(c.body !== undefined && { body: c.body }), dispatcher, signal });
    } catch (err) {
      throw signal.aborted ? new PlatformError('PLATFORM_DEADLINE', `${c.deadlineMs} ms`) : platformErrorOf(err);
    }
    try {
      if (res.statusCode >= 500 || res.statusCode === 429) throw new PlatformError('PLATFORM_BUSY', `HTTP ${res.statusCode}`, res.statusCode);
      const maxBytes = c.maxBytes ?? DEFAULT_MAX_BYTES;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) throw new PlatformError('PLATFORM_TOO_LARGE', `${declared} > ${maxBytes} bytes`, res.statusCode);
      const streamed = c.sink !== undefined && (res.statusCode === 200 || res.statusCode === 206);
      const chunks: Buffer[] = [];
      let n = 0;
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        n += chunk.length;
        if (n > maxBytes) throw new PlatformError('PLATFORM_TOO_LARGE', `> ${maxBytes} bytes`, res.statusCode);
        if (streamed) await c.sink!(chunk, res.statusCode);
        else chunks.push(chunk);
      }
      return { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
    } catch (err) {
      res.body.destroy();
      if (err instanceof PlatformError || err instanceof SyncRefusal) throw err;
      throw signal.aborted ? new PlatformError('PLATFORM_DEADLINE', `${c.deadlineMs} ms`) : platformErrorOf(err);
    }
  }

  return {
    base,
    async call(c) {
      const policy = wrap(
        timeout(c.deadlineMs, TimeoutStrategy.Aggressive),
        retry(handleWhen(isOutage), { maxAttempts: c.retries ?? 0, backoff: new ExponentialBackoff({ initialDelay: c.backoffMs ?? 200, maxDelay: 30_000 }) }).dangerouslyUnref(),
        breaker,
      );
      try {
        return await policy.execute(({ signal }) => attempt(c, signal));
      } catch (err) {
        if (err instanceof TaskCancelledError) throw new PlatformError('PLATFORM_DEADLINE', `${c.deadlineMs} ms`);
        if (err instanceof BrokenCircuitError) {
          const last = breaker.lastFailure;
          throw new PlatformError('PLATFORM_BREAKER_OPEN', last && 'error' in last ? (last.error as Error).message : '');
        }
        if (err instanceof SyncRefusal) throw err;
        throw platformErrorOf(err);
      }
    },
    get breakerState(): BreakerState {
      return breaker.state === CircuitState.Closed ? 'closed' : breaker.state === CircuitState.HalfOpen ? 'half-open' : 'open';
    },
    close: () => dispatcher.close(),
  };
}
