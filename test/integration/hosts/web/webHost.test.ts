// The web host over real HTTP on loopback: the token, the origin checks, the
// schema validation and the event stream, as a browser (or an attacker) meets them.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent, KioskEventListener } from '../../../../src-main/common/contract/events';
import { KIOSK_METHODS, type KioskApi } from '../../../../src-main/common/contract/kioskApi';
import { ok } from '../../../../src-main/common/contract/result';
import { MAX_EVENT_STREAMS, startWebHost, type WebHost } from '../../../../src-main/hosts/web/webHost';

const listeners = new Set<KioskEventListener>();
const calls: Array<[string, unknown]> = [];
const api = {
  ...Object.fromEntries(KIOSK_METHODS.map((m) => [m, async (input: unknown) => (calls.push([m, input]), ok({ method: m }))])),
  subscribe: (l: KioskEventListener) => (listeners.add(l), () => listeners.delete(l)),
} as unknown as KioskApi;

let host: WebHost;
const SECRET = 'outside-the-renderer-7f3a';
let rendererDir: string;

beforeAll(async () => {
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), SECRET);
  host = await startWebHost({ api, rendererDir, requestDeadlineMs: 1500 });
});

afterAll(async () => {
  await host.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw request, so tests can set any Host/Origin header a browser would refuse to. */
function request(pathname: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(host.origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

describe('web host', () => {
  it('listens on loopback only and puts the token in the fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
  });

  it('hands the token to a browser through a single-use launch URL that does not carry it', async () => {
    expect(host.launchUrl).not.toContain(host.token);
    const launch = new URL(host.launchUrl).pathname;
    const first = await request(launch);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe(`/#token=${host.token}`);
    // Whoever reads the command line afterwards gets nothing.
    const again = await request(launch);
    expect(again.status).toBe(404);
    expect(again.headers.location).toBeUndefined();
    expect((await request('/launch/guess')).status).toBe(404);
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>kiosk</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    // WebAssembly for the face models only ('wasm-unsafe-eval'); never inline script or eval.
    expect(res.headers['content-security-policy']).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
  });

  // Sent raw: "/../x" would be folded by any URL parser before the guard saw it;
  // an encoded separator only becomes one after decoding, where the guard must catch it.
  it.each(['/..%2Foutside-secret.txt', '/..%5Coutside-secret.txt', '/%2e%2e%2Foutside-secret.txt', '/x/..%2F..%2Foutside-secret.txt'])(
    'refuses %s, a path outside the renderer folder',
    async (raw) => {
      const res = await request(raw);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
    },
  );

  it('answers a valid call with the service’s result', async () => {
    const res = await request('/api/call/getInfo', { method: 'POST', headers: auth(), body: '{}' });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { method: 'getInfo' } });
  });

  it('refuses calls without the token, or with a wrong one', async () => {
    const none = await request('/api/call/getInfo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await request('/api/call/getInfo', { method: 'POST', headers: { ...auth(), Authorization: 'Bearer nope' }, body: '{}' });
    expect(wrong.status).toBe(401);
  });

  it('refuses other origins and rebinding hosts even with the token', async () => {
    const origin = await request('/api/call/getInfo', { method: 'POST', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' });
    expect(origin.status).toBe(403);
    const site = await request('/api/call/getInfo', { method: 'POST', headers: { ...auth(), 'Sec-Fetch-Site': 'cross-site' }, body: '{}' });
    expect(site.status).toBe(403);
    const rebinding = await request('/api/call/getInfo', { method: 'POST', headers: { ...auth(), Host: 'evil.example:80' }, body: '{}' });
    expect(rebinding.status).toBe(403);
  });

  it('validates inputs with the contract’s schemas', async () => {
    calls.length = 0;
    const bad = await request('/api/call/lookupSelf', { method: 'POST', headers: auth(), body: JSON.stringify({ sessionId: 7 }) });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const junk = await request('/api/call/lookupSelf', { method: 'POST', headers: auth(), body: '{not json' });
    expect(JSON.parse(junk.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await request('/api/call/dropTables', { method: 'POST', headers: auth(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const form = await request('/api/call/getInfo', { method: 'POST', headers: { ...auth(), 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    // A dropped connection rejects here and fails the test: only the host's 413 passes.
    const huge = await request('/api/call/getInfo', { method: 'POST', headers: auth(), body: JSON.stringify({ x: 'x'.repeat(200_000) }) });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('takes the photographed pages of a repair application, at the kiosk and at the counter, past the small body limit', async () => {
    const photos = [{ material: 'identity-document', jpeg: 'A'.repeat(200_000) }];
    const kiosk = { sessionId: 'session-0123456789abcdef', recordId: 'r-1', fields: {}, strokes: [[[100, 300], [200, 100], [300, 300]], [[400, 100], [420, 320]]], phone: '13812345678', photos };
    const counter = { token: 'staff-token-0123456789abcdef', recordId: 'r-1', fields: {}, signature: { kind: 'staff-confirmed' }, phone: '13812345678', photos };
    for (const [method, input] of [['repairSubmit', kiosk], ['repairCounterSubmit', counter]] as const) {
      const res = await request(`/api/call/${method}`, { method: 'POST', headers: auth(), body: JSON.stringify(input) });
      expect(res.status, method).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ ok: true, value: { method } });
    }
  });

  it('cuts a client that trickles its request past the whole-request deadline', async () => {
    const url = new URL(host.origin);
    const socket = net.connect(Number(url.port), url.hostname);
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    const request = `POST /api/call/getInfo HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    let sent = 0;
    // One byte every 50 ms: each byte resets an idle timer, never the deadline.
    const trickle = setInterval(() => {
      if (!closed) socket.write(request[sent % request.length]!);
      sent += 1;
    }, 50);
    try {
      await expect.poll(() => closed, { timeout: 20_000, interval: 100 }).toBe(true);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
    expect(calls.filter(([m]) => m === 'getInfo').length).toBeLessThanOrEqual(1);
  });

  it('streams service events to an authorised subscriber', async () => {
    const url = new URL(host.origin);
    const received = await new Promise<KioskEvent>((resolve, reject) => {
      const req = http.get({ host: url.hostname, port: url.port, path: '/api/events', headers: { Authorization: `Bearer ${host.token}` } }, (res) => {
        let buffer = '';
        res.on('data', (c: Buffer) => {
          buffer += c.toString();
          const data = /data: (.*)\n\n/.exec(buffer);
          if (data) {
            req.destroy();
            resolve(JSON.parse(data[1]!) as KioskEvent);
          }
        });
        // The host subscribed before answering, so an event now reaches this stream.
        listeners.forEach((l) => l({ type: 'card-removed' }));
      });
      req.on('error', reject);
    });
    expect(received).toEqual({ type: 'card-removed' });
  });

  // Last: the streams it opens are released by the host only after their sockets close.
  it('caps the open event streams', async () => {
    const url = new URL(host.origin);
    const open: http.ClientRequest[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < MAX_EVENT_STREAMS + 1; i++) {
      const req = http.get({ host: url.hostname, port: url.port, path: '/api/events', headers: { Authorization: `Bearer ${host.token}` } }, (res) => {
        statuses.push(res.statusCode ?? 0);
        res.resume();
      });
      req.on('error', () => undefined);
      open.push(req);
      await expect.poll(() => statuses.length).toBe(i + 1);
    }
    expect(statuses.slice(0, MAX_EVENT_STREAMS).every((s) => s === 200)).toBe(true);
    expect(statuses[MAX_EVENT_STREAMS]).toBe(429);
    open.forEach((r) => r.destroy());
  });
});
