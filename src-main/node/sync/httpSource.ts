// A repository over HTTP(S), through the one platform client: metadata with a byte cap,
// packages with resumable Range downloads capped at the signed length. Each request has
// a whole-request deadline (a package's grows with its length); TLS is pinned to the
// platform's CA; plain HTTP only to loopback. Transport failures map to sync codes here.
import fs from 'node:fs';
import { SyncRefusal } from '../../common/sync/trustRules';
import { createPlatformClient, type PlatformClient } from '../platformClient/platformClient';
import { PlatformError } from '../platformClient/platformError';
import { isRepositoryPath } from './repoLayout';
import type { RepoSource } from './repoSource';

export interface HttpSourceOptions {
  /** Base URL of the repository (…/repo/), when no client is given. */
  url?: string;
  /** The kiosk's platform client; the repository is then under `path` (default 'repo/'). */
  client?: PlatformClient;
  path?: string;
  /** PEM of the CA that signs the platform's certificate; required for https. */
  ca?: string | Buffer;
  /** A metadata file's whole-request deadline; a package gets this plus time for its length. */
  timeoutMs?: number;
  /** Plain HTTP to a non-loopback host: only for tests that say so. */
  allowInsecure?: boolean;
}

/** The slowest download a deadline allows for (32 KB/s): a package's deadline grows with its length. */
const MIN_DOWNLOAD_BYTES_PER_MS = 32;

/** A certificate the pinned CA did not sign will not pass by retrying: it gets its own code. */
function syncRefusalOf(rel: string, err: unknown): SyncRefusal {
  if (err instanceof SyncRefusal) return err;
  if (err instanceof PlatformError) {
    if (err.code === 'PLATFORM_UNTRUSTED') return new SyncRefusal('SYNC_UNTRUSTED_PLATFORM', err.detail);
    if (err.code === 'PLATFORM_TOO_LARGE') return new SyncRefusal('SYNC_TOO_LARGE', `${rel}: ${err.detail}`);
    return new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: ${err.message}`);
  }
  return new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: ${(err as Error).message}`);
}

export function httpSource(options: HttpSourceOptions): RepoSource {
  const client = options.client ?? createPlatformClient({ url: options.url ?? '', ...(options.ca !== undefined && { ca: options.ca }), ...(options.allowInsecure && { allowInsecure: true }) });
  const prefix = options.client ? (options.path ?? 'repo/') : '';
  const timeout = options.timeoutMs ?? 30_000;
  const pathOf = (rel: string): string => {
    if (!isRepositoryPath(rel)) throw new SyncRefusal('SYNC_BAD_METADATA', `not a repository path: ${rel}`);
    return `${prefix}${rel}`;
  };
  return {
    describe: () => `${client.base.protocol}//${client.base.host}`,
    async fetchMeta(rel, maxBytes) {
      let res;
      try {
        res = await client.call({ path: pathOf(rel), deadlineMs: timeout, maxBytes });
      } catch (err) {
        throw syncRefusalOf(rel, err);
      }
      if (res.status === 404) return null;
      if (res.status !== 200) throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: HTTP ${res.status}`);
      return res.body;
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
      let out: fs.WriteStream | undefined;
      let done = have;
      let res;
      try {
        res = await client.call({
          path: pathOf(rel),
          headers: have > 0 ? { Range: `bytes=${have}-` } : {},
          deadlineMs: timeout + Math.ceil((length - have) / MIN_DOWNLOAD_BYTES_PER_MS),
          maxBytes: length,
          sink: async (chunk, status) => {
            if (!out) {
              // A 200 to a Range request: the server sent the whole file, so start over.
              done = status === 206 ? have : 0;
              out = fs.createWriteStream(dest, done === 0 ? { flags: 'w' } : { flags: 'r+', start: done });
            }
            // Never a byte beyond the signed length (a resumed download would start past it).
            if (done + chunk.length > length) throw new SyncRefusal('SYNC_TOO_LARGE', `${rel} is longer than its signed length ${length}`);
            done += chunk.length;
            if (!out.write(chunk)) await new Promise<void>((r) => out!.once('drain', r));
            onBytes?.(done);
          },
        });
      } catch (err) {
        const refusal = syncRefusalOf(rel, err);
        throw refusal.code === 'SYNC_DOWNLOAD_FAILED' ? new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${refusal.message} at ${done} of ${length} bytes`) : refusal;
      } finally {
        if (out) await new Promise<void>((r) => out!.end(r));
      }
      if (res.status === 404) throw new SyncRefusal('SYNC_SOURCE_MISSING', rel);
      if (res.status !== 200 && res.status !== 206) throw new SyncRefusal('SYNC_DOWNLOAD_FAILED', `${rel}: HTTP ${res.status}`);
    },
  };
}
