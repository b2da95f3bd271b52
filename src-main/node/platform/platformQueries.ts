// The questions a verifier asks the platform from the command line: is report number X in
// the registry, and what is this kiosk's latest audit anchor. One GET with a whole-request
// deadline (and the platform's CA pinned for https); the answer is found, not found, or
// unreachable — never an exception, so the caller can say which checks it made.
import { Agent, request } from 'undici';
import type { AuditAnchorRecord } from './platformStore';

export interface PlatformTarget {
  url: string;
  /** PEM of the CA that signed the platform's certificate (https). */
  ca?: string;
  token?: string;
  timeoutMs?: number;
}

export type PlatformAnswer<T> = { status: 'found'; value: T } | { status: 'not-found'; message: string } | { status: 'unreachable'; message: string };

export interface RegistryEntry {
  genuine: true;
  reportNumber: string;
  edition: string;
  subject: { kind: 'person' | 'enterprise'; maskedCode: string };
  issuedAt: string;
  kioskId: string;
  digest: string;
}

export type LatestAnchor = AuditAnchorRecord & { regressions: number };

async function getJson<T>(target: PlatformTarget, pathname: string): Promise<PlatformAnswer<T>> {
  const base = target.url.endsWith('/') ? target.url : `${target.url}/`;
  const dispatcher = target.ca ? new Agent({ connect: { ca: target.ca } }) : undefined;
  try {
    const res = await request(new URL(pathname, base), {
      method: 'GET',
      headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
      signal: AbortSignal.timeout(target.timeoutMs ?? 10_000),
      ...(dispatcher && { dispatcher }),
    });
    const body = (await res.body.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (res.statusCode === 200 && body) return { status: 'found', value: body as T };
    const message = body?.error?.message ?? `HTTP ${res.statusCode}`;
    return res.statusCode === 404 ? { status: 'not-found', message } : { status: 'unreachable', message: `平台拒绝了请求 / the platform refused: ${message}` };
  } catch (err) {
    return { status: 'unreachable', message: `无法连接平台 / cannot reach the platform: ${(err as Error).message}` };
  } finally {
    await dispatcher?.close();
  }
}

export function lookUpReport(target: PlatformTarget, reportNumber: string): Promise<PlatformAnswer<RegistryEntry>> {
  return getJson(target, `v1/reports/${encodeURIComponent(reportNumber)}`);
}

export function latestAuditAnchor(target: PlatformTarget, kioskId: string): Promise<PlatformAnswer<LatestAnchor>> {
  return getJson(target, `v1/kiosks/${encodeURIComponent(kioskId)}/audit-anchors/latest`);
}
