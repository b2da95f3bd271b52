// JSON over node:http for the platform's APIs: one way to answer and one bounded body reader.
import type http from 'node:http';

export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/**
 * The request body, or null once it passes max bytes — unread when its declared length says
 * so, else reading stops there. The caller answers 413 with `connection: close`.
 */
export async function readBody(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return null;
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
