// The online fallback: ask the platform when the cache misses or is stale. A timeout
// per attempt, retries with exponential backoff and jitter, a circuit breaker, and
// every answer carries {source: 'online', askedAt}. TLS with the configured CA in
// production; plain HTTP only to loopback (tests, demos).
import http from 'node:http';
import https from 'node:https';
import { z } from 'zod';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import { RecordLineSchema, SubjectLineSchema } from '../../common/sync/packageLines';
import { CircuitBreaker, type CircuitBreakerOptions } from './circuitBreaker';
import { checkTransport } from './httpSource';

export interface OnlineClientOptions {
  /** The platform's base URL (the /v1 API lives under it). */
  url: string;
  /** This kiosk's bearer token. */
  token: string;
  /** PEM of the platform's CA (required for https). */
  ca?: string | Buffer;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  breaker?: CircuitBreakerOptions;
  now?: () => Date;
}

export interface OnlineAnswer {
  subject: Subject;
  records: CreditRecord[];
  provenance: { source: 'online'; askedAt: string };
  askedAt: string;
}

/** The platform's registry entry of an issued report (GET /v1/reports/{number}). */
export interface RegisteredReport {
  reportNumber: string;
  edition?: string;
  subject?: { kind?: string; maskedCode: string };
  issuedAt?: string;
  kioskId?: string;
  pages?: number;
  contentHash?: string;
}

export interface OnlineClient {
  lookup(code: string): Promise<Result<OnlineAnswer>>;
  /** A report as the platform's registry has it; SUBJECT_NOT_FOUND when not registered. */
  report(reportNumber: string): Promise<Result<RegisteredReport>>;
  readonly breakerState: 'closed' | 'open' | 'half-open';
}

const RegisteredReportSchema = z.object({
  reportNumber: z.string().max(40),
  edition: z.string().max(40).optional(),
  subject: z.object({ kind: z.string().max(20).optional(), maskedCode: z.string().max(40) }).passthrough().optional(),
  issuedAt: z.string().max(40).optional(),
  kioskId: z.string().max(40).optional(),
  pages: z.number().int().optional(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
const AnswerSchema = z.object({ subject: SubjectLineSchema, records: z.array(RecordLineSchema).max(100_000), askedAt: z.string().max(40) }).strict();
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

class Retryable extends Error {}

export function createOnlineClient(options: OnlineClientOptions): OnlineClient {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  checkTransport(base, options.ca !== undefined);
  const breaker = new CircuitBreaker(options.breaker);
  const now = options.now ?? (() => new Date());
  const timeout = options.timeoutMs ?? 3000;
  const retries = options.retries ?? 2;
  const backoff = options.backoffMs ?? 200;
  const unavailable = (): Result<never> => fail('ONLINE_UNAVAILABLE', DEFAULT_ERROR_MESSAGES.ONLINE_UNAVAILABLE);

  // `signal` ends the attempt at the lookup's deadline however the bytes arrive; `timeout` alone is an idle timer.
  const once = (path: string, signal: AbortSignal): Promise<{ status: number; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const url = new URL(path, base);
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.get(url, { headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' }, timeout, signal, ...(options.ca ? { ca: options.ca } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        let n = 0;
        res.on('data', (c: Buffer) => {
          n += c.length;
          if (n > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
          else chunks.push(c);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', (e) => reject(new Retryable(e.message)));
        res.on('aborted', () => reject(new Retryable('deadline')));
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => reject(new Retryable(e.message)));
    });

  return {
    get breakerState() {
      return breaker.state;
    },
    async lookup(code) {
      if (!/^[0-9A-Za-z]{8,20}$/.test(code)) return fail('INVALID_CODE', DEFAULT_ERROR_MESSAGES.INVALID_CODE);
      const asked = await ask(`v1/subjects/${encodeURIComponent(code)}`, AnswerSchema);
      if (!asked.ok) return asked;
      // Our clock, not theirs: the time this kiosk asked is what the screen states.
      const askedAt = now().toISOString();
      const { legalRepresentativeIdNumber: _rep, ...subject } = asked.value.subject;
      return ok({ subject, records: asked.value.records, askedAt, provenance: { source: 'online', askedAt } });
    },
    async report(reportNumber) {
      if (!/^\d{14}[0-9A-Z]{8}$/.test(reportNumber)) return fail('INVALID_INPUT', DEFAULT_ERROR_MESSAGES.INVALID_INPUT);
      const asked = await ask(`v1/reports/${reportNumber}`, RegisteredReportSchema);
      if (!asked.ok) return asked;
      const { subject, ...rest } = asked.value;
      return ok({ ...rest, ...(subject && { subject: { maskedCode: subject.maskedCode, ...(subject.kind !== undefined && { kind: subject.kind }) } }) });
    },
  };

  /** One GET with the whole-call deadline, retries with back-off and the breaker; 404 is SUBJECT_NOT_FOUND. */
  async function ask<T>(path: string, schema: z.ZodType<T>): Promise<Result<T>> {
    if (breaker.state === 'open') return unavailable();
    // One deadline for the whole call, retries and back-off included: the person at the screen is answered within it.
    const deadline = AbortSignal.timeout(timeout);
    const started = Date.now();
    for (let attempt = 0; attempt <= retries && !deadline.aborted; attempt++) {
      if (attempt > 0) {
        const wait = backoff * 2 ** (attempt - 1) * (0.5 + Math.random());
        if (Date.now() - started + wait >= timeout) break;
        await sleep(wait);
      }
      let res: { status: number; body: Buffer };
      try {
        res = await once(path, deadline);
      } catch {
        continue;
      }
      if (res.status >= 500 || res.status === 429) continue;
      breaker.succeeded();
      if (res.status === 404) return fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND);
      if (res.status !== 200) return unavailable();
      let parsed;
      try {
        parsed = schema.safeParse(JSON.parse(res.body.toString('utf8')));
      } catch {
        return unavailable();
      }
      return parsed.success ? ok(parsed.data) : unavailable();
    }
    breaker.failed();
    return unavailable();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
