// Opening the cache for the kiosk: check the file (header, quick_check), bring its
// schema forward, then answer queries on read-only connections — in a worker thread
// when a worker script is available, else in the caller's thread.
//
// Where queries run (the choice, and why): `worker: 'auto'` (the default) uses
// dist/main/cache-worker.cjs next to the bundle when running bundled, so the
// Electron main process never blocks on SQLite; under vitest or tsx (TS sources,
// no bundle) it answers in-thread, which keeps tests simple and the same code path.
// A caller may pass { script, execArgv } to force a worker (the tests do, with tsx).
// With a worker, single-code lookups still run in the caller's thread on a connection
// of their own, under a time budget (lookupRoute.ts says why); `nearLookups: false` sends them to the worker too.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Subject } from '../../common/domain/subject';
import { CacheError, toCacheError } from './cacheError';
import { checkHeader, quickCheck } from './cacheIntegrity';
import { CacheReader } from './cacheReader';
import { decodeBundle, decodeHits, type BundleWire, type HitsWire } from './cacheRows';
import { runQuery, type QueryMethod, type QueryResponse, type WorkerInit } from './cacheWorkerProtocol';
import type { CacheCheck, CacheDataInfo, LocalCreditCache, SearchOptions, SearchPage, SubjectHits, SubjectWithRecords } from './creditCache';
import { LookupRoute } from './lookupRoute';
import { migrate, schemaVersionOf, SCHEMA_VERSION } from './migrations';

export interface OpenCacheOptions {
  file: string;
  /** The 32-byte master key (see ensureCacheKey). */
  key: Uint8Array;
  worker?: 'auto' | 'none' | { script: string; execArgv?: string[] };
  /** 'quick' (default): PRAGMA quick_check at open. 'header': header only, for a fast start on very large files. */
  integrity?: 'quick' | 'header';
  /** With a worker: single-code lookups in this thread under a time budget (default; or under the route given), or false for all in the worker. */
  nearLookups?: boolean | LookupRoute;
}

/** The near connection's page cache: the indexes' interior pages; the worker's connection keeps the larger one. */
const NEAR_CACHE_KIB = 16_384;

export async function openCreditCache(options: OpenCacheOptions): Promise<LocalCreditCache> {
  const file = path.resolve(options.file);
  prepareFile(file, options.integrity ?? 'quick');
  const script = options.worker === 'none' ? undefined : options.worker === undefined || options.worker === 'auto' ? bundledWorkerScript() : options.worker.script;
  const execArgv = typeof options.worker === 'object' ? options.worker.execArgv : undefined;
  const call = script ? await workerCaller(script, execArgv, { file, key: options.key }) : inThreadCaller(file, options.key);
  const near = script && options.nearLookups !== false ? await nearLookups(call, file, options.key, typeof options.nearLookups === 'object' ? options.nearLookups : new LookupRoute()) : undefined;
  return {
    findByCode: async (code: string): Promise<SubjectWithRecords | null> => {
      const wire = near?.route.choose(call.busy()) === 'near' ? near.find(code) : ((await call.run('findByCode', [code])) as BundleWire | null);
      return wire && decodeBundle(wire);
    },
    findManyByCode: async (codes: readonly string[]): Promise<Array<SubjectWithRecords | null>> => {
      const wires = (await call.run('findManyByCode', [codes])) as Array<BundleWire | null>;
      return wires.map((wire) => wire && decodeBundle(wire));
    },
    findHitsByCode: async (codes: readonly string[]): Promise<Array<SubjectHits | null>> => {
      const wires = (await call.run('findHitsByCode', [codes])) as Array<HitsWire | null>;
      return wires.map((wire) => wire && decodeHits(wire));
    },
    findRepresentedBy: (person: { idNumber: string; name: string }) => call.run('findRepresentedBy', [person]) as Promise<Subject[]>,
    search: (text: string, opts: SearchOptions = {}) => call.run('search', [text, opts]) as Promise<SearchPage>,
    dataInfo: () => call.run('dataInfo', []) as Promise<CacheDataInfo>,
    check: () => call.run('check', []) as Promise<CacheCheck>,
    close: async () => {
      near?.reader.close();
      await call.close();
    },
  };
}

/** The caller's own read-only connection for single-code lookups, with its route. */
async function nearLookups(call: Caller, file: string, key: Uint8Array, route: LookupRoute) {
  let reader: CacheReader;
  try {
    reader = new CacheReader(file, key, NEAR_CACHE_KIB);
  } catch (err) {
    await call.close();
    throw err;
  }
  const find = (code: string): BundleWire | null => {
    if (!reader.connection.open) throw new CacheError('CACHE_UNAVAILABLE', 'the cache is closed');
    return route.timed(() => reader.findByCode(code));
  };
  return { reader, route, find };
}

/** Header check, quick_check and migration on a short-lived writable connection. */
function prepareFile(file: string, integrity: 'quick' | 'header'): void {
  checkHeader(file);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    if (integrity === 'quick') quickCheck(db);
    const version = schemaVersionOf(db);
    if (version === 0) throw new CacheError('CACHE_UNAVAILABLE', '该文件不是信用数据缓存 / the file is not a credit cache');
    if (version < SCHEMA_VERSION) migrate(db);
    else if (version > SCHEMA_VERSION) migrate(db); // throws the "newer version" error
  } catch (err) {
    throw toCacheError(err, file);
  } finally {
    db?.close();
  }
}

/** dist/main/cache-worker.cjs beside the running bundle, if this is the bundle and it is there. */
export function bundledWorkerScript(): string | undefined {
  if (process.env.CREDIT_KIOSK_BUNDLED !== '1' || typeof __dirname !== 'string') return undefined;
  const script = path.join(__dirname, 'cache-worker.cjs');
  return fs.existsSync(script) ? script : undefined;
}

interface Caller {
  run(method: QueryMethod, args: unknown[]): Promise<unknown>;
  /** Whether a query is in progress (a worker answers one at a time). */
  busy(): boolean;
  close(): Promise<void>;
}

function inThreadCaller(file: string, key: Uint8Array): Caller {
  const reader = new CacheReader(file, key);
  return {
    run: async (method, args) => {
      if (!reader.connection.open) throw new CacheError('CACHE_UNAVAILABLE', 'the cache is closed');
      return runQuery(reader, method, args);
    },
    busy: () => false,
    close: async () => reader.close(),
  };
}

async function workerCaller(script: string, execArgv: string[] | undefined, init: WorkerInit): Promise<Caller> {
  const worker = new Worker(script, { workerData: init, ...(execArgv && { execArgv }) });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let ended: Error | undefined;
  const failAll = (err: Error): void => {
    ended = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (res: QueryResponse) => {
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    if (res.ok) p.resolve(res.value);
    else p.reject(res.error.code ? new CacheError(res.error.code as CacheError['code'], res.error.message) : new Error(res.error.message));
  });
  worker.on('error', (err) => failAll(new CacheError('CACHE_UNAVAILABLE', `cache worker failed: ${err.message}`, { cause: err })));
  worker.on('exit', () => failAll(new CacheError('CACHE_UNAVAILABLE', 'the cache is closed')));
  const send = (method: QueryMethod | 'close', args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (ended) return reject(ended);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, method, args });
    });
  const caller: Caller = {
    run: (method, args) => send(method, args),
    busy: () => pending.size > 0,
    close: async () => {
      if (ended) return;
      await send('close', []).catch(() => undefined);
      await worker.terminate();
    },
  };
  try {
    await caller.run('dataInfo', []); // surfaces a wrong key or a broken file at open, not at the first lookup
  } catch (err) {
    await worker.terminate();
    throw err;
  }
  return caller;
}
