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

export interface OnlineClient {
  lookup(code: string): Promise<Result<OnlineAnswer>>;
  readonly breakerState: BreakerState;
}

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
      let res;
      try {
        // One deadline for the whole lookup, retries and back-off included: the person at the screen is answered within it.
        res = await client.call({
          path: `v1/subjects/${encodeURIComponent(code)}`,
          headers: { accept: 'application/json' },
          deadlineMs: options.timeoutMs ?? 3000,
          retries: options.retries ?? 2,
          backoffMs: options.backoffMs ?? 200,
        });
      } catch (err) {
        return unavailable(platformErrorOf(err).message);
      }
      if (res.status === 404) return fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND);
      if (res.status !== 200) return unavailable(`HTTP ${res.status}`);
      let parsed;
      try {
        parsed = AnswerSchema.safeParse(JSON.parse(res.body.toString('utf8')));
      } catch {
        return unavailable();
      }
      if (!parsed.success) return unavailable();
      // Our clock, not theirs: the time this kiosk asked is what the screen states.
      const askedAt = now().toISOString();
      const { legalRepresentativeIdNumber: _rep, ...subject } = parsed.data.subject;
      return ok({ subject, records: parsed.data.records, askedAt, provenance: { source: 'online', askedAt } });
    },
  };
}
