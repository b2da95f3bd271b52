// The signed repository as static files with a single byte range (what resumable
// downloads use): the reference platform's /repo/. A city may serve the same folder
// from nginx or object storage instead (docs/platform.md).
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { FLEET_CONFIG_FILE, isRepositoryPath, TIMESTAMP_FILE } from '../sync/repoLayout';
import { PlatformRefusal } from './platformRefusal';

export function serveRepositoryFile(req: http.IncomingMessage, res: http.ServerResponse, repo: string, rel: string): void {
  const missing = new PlatformRefusal('NOT_FOUND', '没有这个文件 / no such file');
  if (!isRepositoryPath(rel)) throw missing;
  const file = path.join(repo, rel);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw missing;
  }
  const mutable = rel === TIMESTAMP_FILE || rel === 'root.json' || rel === FLEET_CONFIG_FILE;
  const headers: Record<string, string | number> = {
    'accept-ranges': 'bytes',
    'content-type': rel.endsWith('.gz') ? 'application/gzip' : 'application/json',
    // Everything but timestamp.json and root.json is named by version or hash: it never changes.
    'cache-control': mutable ? 'no-cache' : 'public, max-age=31536000, immutable',
  };
  const range = req.headers.range;
  let start = 0;
  let end = size - 1;
  let status = 200;
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range);
    const a = m?.[1] ?? '';
    const b = m?.[2] ?? '';
    if (!m || (a === '' && b === '')) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    if (a === '') {
      start = Math.max(0, size - Number(b));
    } else {
      start = Number(a);
      if (b !== '') end = Math.min(end, Number(b));
    }
    if (start >= size || start > end) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    status = 206;
    headers['content-range'] = `bytes ${start}-${end}/${size}`;
  }
  headers['content-length'] = size === 0 ? 0 : end - start + 1;
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) return void res.end();
  fs.createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
}
