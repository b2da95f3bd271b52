// The page's one door to the platform: same-origin fetch of /v1/fleet (the session cookie
// goes along by itself; the page never sees it). Errors come back as {code, message}.
import type { KioskStatusView, UsageRowView } from '../src-main/common/platform/fleetViews';

export type Result<T> = { ok: true; value: T } | { ok: false; status: number; code: string; message: string };

export interface KiosksAnswer {
  kiosks: KioskStatusView[];
  today: string;
  asOf: string;
  publishedConfigVersion: number | null;
}

const BASE = '../v1/fleet';

async function call<T>(path: string, init: RequestInit = {}): Promise<Result<T>> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, { credentials: 'same-origin', ...init });
  } catch (err) {
    return { ok: false, status: 0, code: 'NETWORK', message: (err as Error).message };
  }
  const body = (await res.json().catch(() => ({}))) as T & { error?: { code: string; message: string } };
  if (!res.ok) return { ok: false, status: res.status, code: body.error?.code ?? `HTTP_${res.status}`, message: body.error?.message ?? res.statusText };
  return { ok: true, value: body };
}

export const fleetApi = {
  session: () => call<{ operator: string }>('/session'),
  signIn: (name: string, password: string) => call<{ operator: string }>('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) }),
  signOut: () => call<{ signedOut: true }>('/session', { method: 'DELETE' }),
  kiosks: () => call<KiosksAnswer>('/kiosks'),
  usage: (from: string, to: string) => call<{ from: string; to: string; rows: UsageRowView[] }>(`/usage?${new URLSearchParams({ from, to })}`),
  exportUrl: (kind: 'csv' | 'xlsx', from: string, to: string) => `${BASE}/usage.${kind}?${new URLSearchParams({ from, to })}`,
};
