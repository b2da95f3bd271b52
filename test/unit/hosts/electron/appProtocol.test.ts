import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_CSP } from '../../../../src-main/common/security/csp';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../../src-main/hosts/electron/appProtocol';

let tmp: string;
let rendererDir: string;
let handler: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-protocol-'));
  rendererDir = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'main-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'style.css'), 'body{}');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'font.woff2'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(rendererDir, 'assets', '中文 名.svg'), '<svg/>');
  // A secret next to the renderer that no URL may reach.
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'do not serve');
  handler = createAppProtocolHandler(rendererDir);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('registers app as standard and secure, with no CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    expect(APP_SCHEME_PRIVILEGES.privileges?.bypassCSP).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.corsEnabled).toBeFalsy();
    expect(APP_SCHEME_PRIVILEGES.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('serves index.html for / with the strict CSP and HTML type', async () => {
    const res = await get('app://kiosk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>kiosk</title>');
  });

  it.each([
    ['app://kiosk/assets/main-abc.js', 'text/javascript; charset=utf-8'],
    ['app://kiosk/assets/style.css', 'text/css; charset=utf-8'],
    ['app://kiosk/assets/font.woff2', 'font/woff2'],
    ['app://kiosk/assets/%E4%B8%AD%E6%96%87%20%E5%90%8D.svg', 'image/svg+xml'],
  ])('serves %s as %s with the CSP', async (url, type) => {
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
  });

  it.each([
    'app://kiosk/..%2Fsecret.txt',
    'app://kiosk/assets/..%2F..%2Fsecret.txt',
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/..%5Csecret.txt',
    'app://kiosk/%2Fetc%2Fpasswd',
    'app://kiosk/index.html%00.js',
    'app://kiosk/%E0%A4%A',
  ])('refuses %s without leaking the file', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('answers 404 for missing files and directories, with the CSP', async () => {
    for (const url of ['app://kiosk/nope.js', 'app://kiosk/assets']) {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    }
  });

  it('serves only the kiosk host', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('refuses writes and answers HEAD without a body', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
