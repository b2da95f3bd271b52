// A repository over HTTP(S): metadata with a byte cap, packages with resumable
// Range downloads capped at the signed length. TLS uses the configured CA (the
// platform's own, pinned); plain HTTP only to loopback.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { SyncRefusal } from '../../common/sync/trustRules';
import { isRepositoryPath } from './repoLayout';
import type { RepoSource } from './repoSource';

export interface HttpSourceOptions {
  /** Base URL of the repository (…/repo/). */
  url: string;
  /** PEM of the CA that signs the platform's certificate; required for https. */
  ca?: string | Buffer;
  timeoutMs?: number;
  /** Plain HTTP to a non-loopback host: only for tests that say so. */
  allowInsecure?: boolean;
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function checkTransport(url: URL, hasCa: boolean, allowInsecure = false): void {
  if (url.protocol === 'https:') {
    if (!hasCa && !allowInsecure) throw new SyncRefusal('SYNC_NOT_CONFIGURED', 'https 需要配置平台 CA 证书 / https needs the platform CA file (sync.caFile)');
    return;
  }
  if (url.protocol === 'http:' && (isLoopbackHost(url.hostname) || allowInsecure)) return;
  throw new SyncRefusal('SYNC_NOT_CONFIGURED', `仅允许 https，或本机回环地址的 http / only https, or http to loopback, is allowed: ${url.protocol}//${url.hostname}`);
}

/** OpenSSL's and Node's codes for a certificate that does not verify against the pinned CA. */
const CERTIFICATE_ERROR = /^(CERT_|ERR_TLS_CERT_|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE)|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT)/;

/** A certificate the pinned CA did not sign will not pass by retrying: it gets its own code. */
function transportError(rel: string, err: NodeJS.ErrnoException): SyncRefusal {
  const code = err.code ?? err.message;
  return CERTIFICATE_ERROR.test(code) ? new SyncRefusal('SYNC_UNTRUSTED_PLATFORM', code) : new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: ${code}`);
}

/** The slowest download a deadline allows for (32 KB/s): a package's deadline grows with its length. */
const MIN_DOWNLOAD_BYTES_PER_MS = 32;

export function httpSource(options: HttpSourceOptions): RepoSource {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  checkTransport(base, options.ca !== undefined, options.allowInsecure);
  const timeout = options.timeoutMs ?? 30_000;
  /**
   * `timeout` is an idle timer; `deadlineMs` ends the whole request (headers and body)
   * however slowly the bytes come. A package gets time for its length at a floor rate.
   */
  const get = (rel: string, headers: Record<string, string>, deadlineMs = timeout): Promise<http.IncomingMessage> => {
    if (!isRepositoryPath(rel)) return Promise.reject(new SyncRefusal('SYNC_BAD_METADATA', `not a repository path: ${rel}`));
    const url = new URL(rel, base);
    return new Promise((resolve, reject) => {
      const lib = url.protocol === 'https:' ? https : http;
      const signal = AbortSignal.timeout(deadlineMs);
      const req = lib.get(url, { headers, timeout, signal, ...(url.protocol === 'https:' && options.ca ? { ca: options.ca } : {}) }, resolve);
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err) => reject(transportError(rel, err)));
    });
  };
  return {
    describe: () => `${base.protocol}//${base.host}`,
    async fetchMeta(rel, maxBytes) {
      const res = await get(rel, {});
      if (res.statusCode === 404) {
        res.resume();
        return null;
      }
      if (res.statusCode !== 200) {
        res.resume();
        throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: HTTP ${res.statusCode ?? '?'}`);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw new SyncRefusal('SYNC_TOO_LARGE', `${rel}: ${declared} > ${maxBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      let n = 0;
      try {
        for await (const chunk of res as AsyncIterable<Buffer>) {
          n += chunk.length;
          if (n > maxBytes) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel} > ${maxBytes} bytes`);
          chunks.push(chunk);
        }
      } catch (err) {
        res.destroy();
        if (err instanceof SyncRefusal) throw err;
        throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: ${(err as Error).message}`);
      }
      return Buffer.concat(chunks);
    },
    async fetchFile(rel, dest, length, onBytes) {
      let have = 0;
      try {
        have = fs.statSync(dest).size;
      } catch {
        have = 0;
      }
      if (have > length) {
        fs.rmSync(dest, { force: true });
        have = 0;
      }
      if (have === length) return; // complete already; the caller hashes it
      const res = await get(rel, have > 0 ? { Range: `bytes=${have}-` } : {}, timeout + Math.ceil((length - have) / MIN_DOWNLOAD_BYTES_PER_MS));
      if (res.statusCode === 404) {
        res.resume();
        throw new SyncRefusal('SYNC_SOURCE_MISSING', rel);
      }
      let start = have;
      if (res.statusCode === 200) start = 0; // the server ignored the Range: start over
      else if (res.statusCode !== 206) {
        res.resume();
        throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: HTTP ${res.statusCode ?? '?'}`);
      }
      const out = fs.createWriteStream(dest, start === 0 ? { flags: 'w' } : { flags: 'r+', start });
      let done = start;
      try {
        for await (const chunk of res as AsyncIterable<Buffer>) {
          done += chunk.length;
          if (done > length) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel} is longer than its signed length ${length}`);
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', r));
          onBytes?.(done);
        }
        if (!res.complete) throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: the connection ended at ${done} of ${length} bytes`);
      } catch (err) {
        res.destroy();
        if (err instanceof SyncRefusal) throw err;
        throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message} at ${done} of ${length} bytes`);
      } finally {
        await new Promise<void>((r) => out.end(r));
      }
      if (done > length) {
        // Never keep bytes beyond the signed length (a resumed download would start past them).
        fs.truncateSync(dest, length);
      }
    },
  };
}
