// One mapping of connection failures: every certificate refusal (another CA, expired,
// self-signed), however undici wraps it, is PLATFORM_UNTRUSTED and not an outage.
import { describe, expect, it } from 'vitest';
import { isOutage, platformErrorOf } from '../../../../src-main/node/platformClient/platformError';

const withCode = (code: string, message = code): NodeJS.ErrnoException => Object.assign(new Error(message), { code });

describe('platformErrorOf', () => {
  it.each(['CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID'])('names %s as an untrusted certificate, Chinese first', (code) => {
    const e = platformErrorOf(withCode(code));
    expect(e).toMatchObject({ code: 'PLATFORM_UNTRUSTED', detail: code });
    expect(e.message).toMatch(/^平台的证书不受信任（不是所配置的 CA 签发或已过期）.*\/ The platform’s certificate is not trusted/);
    expect(isOutage(e)).toBe(false);
  });

  it('finds the certificate code in a wrapped cause', () => {
    expect(platformErrorOf(new TypeError('fetch failed', { cause: withCode('CERT_HAS_EXPIRED') })).code).toBe('PLATFORM_UNTRUSTED');
  });

  it('calls other failures unreachable, an outage to retry', () => {
    const e = platformErrorOf(withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'));
    expect(e).toMatchObject({ code: 'PLATFORM_UNREACHABLE', detail: 'ECONNREFUSED' });
    expect(isOutage(e)).toBe(true);
  });
});
