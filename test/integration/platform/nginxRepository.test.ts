// A city serves the signed repository from its own web servers: Debian's nginx with the
// documented snippet (docs/nginx/credit-kiosk-repository.conf), private config, temp folder,
// free port. A kiosk pulls a release from it and resumes a cut download with a byte range.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSyncMarks } from '../../../src-main/node/sync/syncMarks';
import { httpSource } from '../../../src-main/node/sync/httpSource';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { freePort } from '../../support/freePort';
import { bundles, makeFixture, publish, T0, type Fixture } from '../sync/syncFixtures';

const SNIPPET = path.resolve(__dirname, '../../../docs/nginx/credit-kiosk-repository.conf');
let f: Fixture;
let nginx: ChildProcess;
let base: string;
let dir: string;

beforeAll(async () => {
  f = makeFixture();
  await publish(f, bundles(200, { records: 4 }));
  dir = path.join(f.dir, 'nginx');
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${path.join(dir, 'tmp', t)};`).join('\n  ');
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
master_process off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  ${temp}
  log_format ranges '$uri $status "$http_range"';
  access_log ${path.join(dir, 'access.log')} ranges;
  server {
    listen 127.0.0.1:${port};
    set $credit_kiosk_repo ${f.repo};
    include ${SNIPPET};
  }
}
`,
  );
  nginx = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  // Up when it answers (a busy machine may take a while to start it).
  for (let i = 0; i < 300 && (await fetch(`${base}/repo/timestamp.json`).catch(() => null))?.status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
});
afterAll(() => {
  nginx?.kill();
  f?.cleanup();
});

describe('the repository on nginx', () => {
  it('serves the files with the caching the kiosk expects, and nothing else', async () => {
    const ts = await fetch(`${base}/repo/timestamp.json`);
    expect(ts.headers.get('cache-control')).toBe('no-cache');
    const pkg = fs.readdirSync(path.join(f.repo, 'packages'))[0]!;
    const range = await fetch(`${base}/repo/packages/${pkg}`, { headers: { Range: 'bytes=10-19' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toMatch(/^bytes 10-19\/\d+$/);
    expect(range.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await range.arrayBuffer())).toEqual(fs.readFileSync(path.join(f.repo, 'packages', pkg)).subarray(10, 20));
    fs.writeFileSync(path.join(f.repo, 'notes.txt'), 'not for kiosks');
    expect((await fetch(`${base}/repo/notes.txt`)).status).toBe(404);
    expect((await fetch(`${base}/repo/`)).status).toBe(404);
  });

  it('a kiosk resumes a cut download with a range, verifies and applies the release', async () => {
    // What a download cut after 4,000 bytes leaves in the staging folder.
    const pkg = fs.readdirSync(path.join(f.repo, 'packages'))[0]!;
    fs.mkdirSync(f.staging, { recursive: true });
    fs.writeFileSync(path.join(f.staging, `${pkg}.part`), fs.readFileSync(path.join(f.repo, 'packages', pkg)).subarray(0, 4000));
    const result = await runSyncCycle({ source: httpSource({ url: `${base}/repo/` }), cacheFile: f.cacheFile, cacheKey: f.cacheKey, shippedRoot: f.shippedRoot(), stagingDir: f.staging, now: T0 });
    expect(result).toMatchObject({ outcome: 'applied', version: 1 });
    expect(readSyncMarks(f.cacheFile).dataVersion).toBe(1);
    await expect.poll(() => fs.readFileSync(path.join(dir, 'access.log'), 'utf8')).toContain(`/repo/packages/${pkg} 206 "bytes=4000-"`);
  });
});
