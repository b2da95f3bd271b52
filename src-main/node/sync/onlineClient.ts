// The online fallback: ask the platform when the cache misses or is stale, through the
// one platform client (one deadline for the whole lookup, retries with back-off and the
// breaker included; TLS pinned to the platform's CA). Every answer carries
// {source: 'online', askedAt}; a refusal names its cause (an untrusted certificate as such).
import { z } from 'zod';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import { RecordLineSchema, SubjectLineSchema } from '../../common/sync/packageLines';
import { createPlatformClient, type BreakerState, type PlatformClient, type PlatformClientOptions } from '../platformClient/platformClient';
import { platformErrorOf } from '../platformClient/platformError';

export interface OnlineClientOptions {
  /** The kiosk's platform client; or url/token/ca to make one. */
  client?: PlatformClient;
  /** The platform's base URL (the /v1 API lives under it). */
  url?: string;
  /** This kiosk's bearer token. */
  token?: string;
  /** PEM of the platform's CA (required for https). */
  ca?: string | Buffer;
  /** The whole lookup's deadline, retries included (default 3 s). */
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  breaker?: PlatformClientOptions['breaker'];
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
  readonly breakerState: BreakerState;
}

const RegisteredReportSchema = z.object({
  reportNumber: z.string().max(40),
  edition: z.string().max(40).optional(),
  subject: z.object({ kind: z.string().max(20).optional(), maskedCode: z.string().max(40) }).passthrough().optional(),
  issuedAt: z.string().max(40).optional(),
  kioskId: z.string().max(40).optional(),
  pages: z.number().int().optional(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The platform's name for the content hash (GET /v1/reports/{number}). */
  digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});

const AnswerSchema = z.object({ subject: SubjectLineSchema, records: z.array(RecordLineSchema).max(100_000), askedAt: z.string().max(40) }).strict();

export function createOnlineClient(options: OnlineClientOptions): OnlineClient {
  const client =
    options.client ??
    createPlatformClient({ url: options.url ?? '', ...(options.token !== undefined && { token: options.token }), ...(options.ca !== undefined && { ca: options.ca }), ...(options.breaker && { breaker: options.breaker }) });
  const now = options.now ?? (() => new Date());
  const unavailable = (cause?: string): Result<never> => fail('ONLINE_UNAVAILABLE', cause ? `${DEFAULT_ERROR_MESSAGES.ONLINE_UNAVAILABLE}：${cause}` : DEFAULT_ERROR_MESSAGES.ONLINE_UNAVAILABLE);

  return {
    get breakerState() {
      return client.breakerState;
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
      const { subject, digest, ...rest } = asked.value;
      const contentHash = rest.contentHash ?? digest;
      return ok({ ...rest, ...(contentHash && { contentHash }), ...(subject && { subject: { maskedCode: subject.maskedCode, ...(subject.kind !== undefined && { kind: subject.kind }) } }) });
    },
  };

  /** One GET through the platform client with the whole-call deadline (retries and back-off included); 404 is SUBJECT_NOT_FOUND. */
  async function ask<T>(path: string, schema: z.ZodType<T>): Promise<Result<T>> {
    let res;
    try {
      // One deadline for the whole call: the person at the screen is answered within it.
      res = await client.call({ path, headers: { accept: 'application/json' }, deadlineMs: options.timeoutMs ?? 3000, retries: options.retries ?? 2, backoffMs: options.backoffMs ?? 200 });
    } catch (err) {
      return unavailable(platformErrorOf(err).message);
    }
    if (res.status === 404) return fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND);
    if (res.status !== 200) return unavailable(`HTTP ${res.status}`);
    let parsed;
    try {
      parsed = schema.safeParse(JSON.parse(res.body.toString('utf8')));
    } catch {
      return unavailable();
    }
    return parsed.success ? ok(parsed.data) : unavailable();
  }
}
