// Node side of the face harness: bundles the kiosk's face code (harness.entry.ts) with
// esbuild, serves it with the models and the sample faces on loopback under the kiosk's
// own security headers (so the CSP is exercised too), and drives it in Debian's Chromium.
// The browser side is test/e2e/face/harness.entry.ts. Used by bench/face.bench.ts, scripts/make-demo-photos.ts and the face e2e's video maker.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KIOSK_SECURITY_HEADERS } from '../../src-main/common/security/csp';
import { mimeTypeOf } from '../../src-main/node/http/staticFiles';

const ROOT = path.resolve(__dirname, '../..');
/** The labelled faces: @vladmandic/face-api's demo photographs (MIT), six group pictures. */
export const SAMPLE_DIR = path.join(ROOT, 'node_modules/@vladmandic/face-api/demo');
export const SAMPLE_IMAGES = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg'] as const;

export interface FaceHarness {
  page: Page;
  url: string;
  close(): Promise<void>;
}

export async function openFaceHarness(options: { chromiumArgs?: string[] } = {}): Promise<FaceHarness> {
  const bundled = await build({
    entryPoints: [path.join(ROOT, 'test/e2e/face/harness.entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const script = bundled.outputFiles[0]!.contents;
  const html = '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./harness.js"></script></head><body></body></html>';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: Uint8Array | string): void => {
      res.writeHead(200, { ...KIOSK_SECURITY_HEADERS, 'Content-Type': type });
      res.end(body);
    };
    const file = (dir: string, name: string): void => {
      const full = path.join(dir, path.basename(name));
      if (!fs.existsSync(full)) {
        res.writeHead(404).end();
        return;
      }
      send(mimeTypeOf(full), fs.readFileSync(full));
    };
    if (url.pathname === '/' || url.pathname === '/index.html') return send('text/html; charset=utf-8', html);
    if (url.pathname === '/harness.js') return send('text/javascript; charset=utf-8', script);
    if (url.pathname.startsWith('/models/human/')) return file(path.join(ROOT, 'node_modules/@vladmandic/human/models'), url.pathname);
    if (url.pathname.startsWith('/models/tfjs-wasm/')) return file(process.env.WASMDIR ?? path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'), url.pathname);
    if (url.pathname.startsWith('/faces/')) return file(SAMPLE_DIR, url.pathname);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--no-first-run', '--enable-unsafe-swiftshader', ...(options.chromiumArgs ?? [])],
  });
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => 'faceHarness' in globalThis, undefined, { timeout: 30_000 }).catch(() => {
    throw new Error(`face harness did not start: ${errors.join('; ')}`);
  });
  return {
    page,
    url,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
