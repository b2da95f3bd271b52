// The built renderer as both hosts serve it (Electron's app:// protocol and the web
// host): one MIME table, one traversal guard, one reader. Read-only; a path that would
// leave the root is refused before any file is touched.
import { promises as fs } from 'node:fs';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file under root, or null when it would leave root.
 * URL parsing already folds "..", but percent-encoded separators ("%2F", "%5C")
 * only appear after decoding, so containment is checked on the final path.
 */
export function resolveUnderRoot(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^[/\\]+/, '');
  const resolvedRoot = path.resolve(root);
  const target = path.resolve(resolvedRoot, relative);
  const rel = path.relative(resolvedRoot, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return target;
}

export type StaticFile = { status: 200; body: Buffer; contentType: string } | { status: 403 | 404 };

/** The file a request path names under root: 403 when the path would leave root, 404 when there is no such file. */
export async function readStaticFile(root: string, pathname: string): Promise<StaticFile> {
  const file = resolveUnderRoot(root, pathname);
  if (file === null) return { status: 403 };
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { status: 404 };
    return { status: 200, body: await fs.readFile(file), contentType: mimeTypeOf(file) };
  } catch {
    return { status: 404 };
  }
}
