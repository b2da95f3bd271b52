// One mapping of what can go wrong talking to the platform, used by every path (the
// repository pull, the online lookup, the outbox delivery, the fleet configuration):
// a certificate the pinned CA did not sign (or an expired one) is named as such,
// Chinese first, and never retried into success or counted as an outage.
import { SYNC_ERROR_MESSAGES } from '../../common/sync/syncErrors';

export type PlatformErrorCode =
  /** The platform's certificate does not verify against the configured CA, or has expired. */
  | 'PLATFORM_UNTRUSTED'
  /** No connection (refused, reset, DNS, TLS other than the certificate). */
  | 'PLATFORM_UNREACHABLE'
  /** The whole request (headers and body, retries included) did not finish in time. */
  | 'PLATFORM_DEADLINE'
  /** The platform answered 5xx or 429 (worth retrying later). */
  | 'PLATFORM_BUSY'
  /** The answer was larger than the caller allows. */
  | 'PLATFORM_TOO_LARGE'
  /** Recent calls failed: the breaker keeps the kiosk from asking for a while. */
  | 'PLATFORM_BREAKER_OPEN';

const MESSAGES: Record<PlatformErrorCode, string> = {
  PLATFORM_UNTRUSTED: SYNC_ERROR_MESSAGES.SYNC_UNTRUSTED_PLATFORM,
  PLATFORM_UNREACHABLE: '无法连接平台 / The platform cannot be reached',
  PLATFORM_DEADLINE: '平台未在限定时间内完成应答 / The platform did not finish answering within the deadline',
  PLATFORM_BUSY: '平台暂时无法处理请求 / The platform is temporarily unable to answer',
  PLATFORM_TOO_LARGE: '平台的应答超过允许的大小 / The platform’s answer is larger than allowed',
  PLATFORM_BREAKER_OPEN: '平台近期连续失败，暂停连接 / Recent calls to the platform failed; pausing before asking again',
};

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    /** What the connection said (an OpenSSL code, an HTTP status): for logs and the admin screen. */
    readonly detail = '',
    readonly status?: number,
  ) {
    super(detail ? `${MESSAGES[code]}（${detail}）` : MESSAGES[code]);
    this.name = 'PlatformError';
  }
}

/** OpenSSL's and Node's codes for a certificate that does not verify against the pinned CA (or expired). */
const CERTIFICATE_ERROR = /^(CERT_|ERR_TLS_CERT_|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT)/;

/** The error a failed connection raised (undici wraps some in `cause`), as a PlatformError. */
export function platformErrorOf(err: unknown): PlatformError {
  if (err instanceof PlatformError) return err;
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && CERTIFICATE_ERROR.test(code)) return new PlatformError('PLATFORM_UNTRUSTED', code);
  }
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return new PlatformError('PLATFORM_UNREACHABLE', code ?? (err instanceof Error ? err.message : String(err)));
}

/** Failures that say the platform is down or overloaded: retried, and counted by the breaker. */
export function isOutage(err: unknown): boolean {
  return err instanceof PlatformError && (err.code === 'PLATFORM_UNREACHABLE' || err.code === 'PLATFORM_DEADLINE' || err.code === 'PLATFORM_BUSY');
}
