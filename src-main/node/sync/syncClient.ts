// One sync cycle in TUF order (The Update Framework, "detailed client workflow"):
// fix the time; load the trusted root; walk the root chain (N+1 signed by N and by
// itself); timestamp (signature, rollback, freeze); snapshot (hash and length from
// the timestamp, signature, version, freeze); choose a package; fetch it capped at
// its signed length; hash; apply in one transaction with the new high-water marks.
// Nothing is persisted before every check has passed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { PackageEntry, Root, Snapshot, Timestamp } from '../../common/sync/metadataSchemas';
import { PackageLineSchema } from '../../common/sync/packageLines';
import {
  checkNextRoot,
  checkNotExpired,
  checkSignatures,
  checkSnapshot,
  checkTimestamp,
  choosePackage,
  parseEnvelope,
  SyncRefusal,
} from '../../common/sync/trustRules';
import { applyPackage, type ApplyOptions, type ApplyResult } from './packageApplier';
import { MAX_ROOT_BYTES, MAX_ROOT_ROTATIONS, MAX_TIMESTAMP_BYTES, packageFile, rootFile, snapshotFile, TIMESTAMP_FILE } from './repoLayout';
import type { RepoSource } from './repoSource';
import { verifySignature } from './signing';
import { readSyncMarks, writeSyncMarks, type SyncMarks } from './syncMarks';

export interface SyncCycleOptions {
  source: RepoSource;
  cacheFile: string;
  cacheKey: Uint8Array;
  /** The root shipped with the kiosk (resources/sync/root.json). */
  shippedRoot: Buffer;
  /** Where downloads wait (partial files are resumed from here). */
  stagingDir: string;
  now?: Date;
  onProgress?: (phase: SyncPhase, done: number, total: number) => void;
  /** Runs the apply (e.g. in a worker thread); default in this thread. */
  apply?: (options: ApplyOptions) => Promise<ApplyResult>;
}

export type SyncPhase = 'metadata' | 'download' | 'verify' | 'apply';

export type SyncCycleResult =
  | { outcome: 'applied'; version: number; dataAsOf: string; timestampExpires: string; apply: ApplyResult }
  | { outcome: 'up-to-date' | 'refreshed'; version: number; dataAsOf: string | null; timestampExpires: string };

export async function runSyncCycle(options: SyncCycleOptions): Promise<SyncCycleResult> {
  const now = options.now ?? new Date();
  const { source } = options;
  const progress = options.onProgress ?? (() => undefined);
  const marks = readSyncMarks(options.cacheFile);

  // 1. The trusted root: the newer of the shipped one and the last one a sync stored.
  const trusted = trustedRootOf(options.shippedRoot, marks);
  let root = trusted.root;
  let rootJson = trusted.rootJson;
  const startRoot = root;

  // 2. The root chain.
  progress('metadata', 0, 3);
  for (let i = 0; i < MAX_ROOT_ROTATIONS; i++) {
    const bytes = await source.fetchMeta(rootFile(root.version + 1), MAX_ROOT_BYTES);
    if (!bytes) break;
    const next = parseEnvelope<Root>(bytes, 'root');
    root = checkNextRoot(root, next, verifySignature);
    rootJson = bytes.toString('utf8').trim();
  }
  checkNotExpired('root', root.expires, now);
  // After a rotation of the timestamp or snapshot keys, forget their versions (fast-forward recovery).
  const sameKeys = (role: 'timestamp' | 'snapshot'): boolean => [...startRoot.roles[role].keyids].sort().join() === [...root.roles[role].keyids].sort().join();
  const prior = {
    timestampVersion: sameKeys('timestamp') ? marks.timestampVersion : 0,
    snapshotVersion: sameKeys('snapshot') ? marks.snapshotVersion : 0,
  };

  // 3. Timestamp.
  progress('metadata', 1, 3);
  const tsBytes = await source.fetchMeta(TIMESTAMP_FILE, MAX_TIMESTAMP_BYTES);
  if (!tsBytes) throw new SyncRefusal('SYNC_SOURCE_MISSING', TIMESTAMP_FILE);
  const timestamp = checkTimestamp(parseEnvelope<Timestamp>(tsBytes, 'timestamp'), root, prior, now, verifySignature);
  const newMarks: SyncMarks = {
    ...marks,
    rootJson: rootJson ?? marks.rootJson,
    rootVersion: Math.max(root.version, marks.rootVersion),
    timestampVersion: timestamp.version,
    timestampExpires: timestamp.expires,
    snapshotVersion: timestamp.snapshot.version,
  };
  const localVersion = marks.source === 'sync' ? marks.dataVersion : null;
  if (localVersion !== null && localVersion === timestamp.snapshot.version) {
    // Same data: only the marks move (a fresher timestamp keeps the kiosk out of "stale").
    if (timestamp.version === marks.timestampVersion && root.version === marks.rootVersion) {
      return { outcome: 'up-to-date', version: localVersion, dataAsOf: marks.dataAsOf, timestampExpires: timestamp.expires };
    }
    writeSyncMarks(options.cacheFile, newMarks);
    return { outcome: 'refreshed', version: localVersion, dataAsOf: marks.dataAsOf, timestampExpires: timestamp.expires };
  }

  // 4. Snapshot: exactly the bytes the timestamp names.
  progress('metadata', 2, 3);
  const snapBytes = await source.fetchMeta(snapshotFile(timestamp.snapshot.version), timestamp.snapshot.length);
  if (!snapBytes) throw new SyncRefusal('SYNC_SOURCE_MISSING', snapshotFile(timestamp.snapshot.version));
  if (snapBytes.length !== timestamp.snapshot.length || sha256(snapBytes) !== timestamp.snapshot.sha256) {
    throw mismatchOf(snapBytes, timestamp.snapshot.version);
  }
  const snapshot = checkSnapshot(parseEnvelope<Snapshot>(snapBytes, 'snapshot'), root, timestamp, now, verifySignature);
  progress('metadata', 3, 3);

  // 5. The package: a delta from exactly our version, else the full one.
  const entry = choosePackage(snapshot, localVersion);
  fs.mkdirSync(options.stagingDir, { recursive: true });
  const staged = path.join(options.stagingDir, `${entry.name}.part`);
  removeOtherPartials(options.stagingDir, path.basename(staged));
  try {
    await source.fetchFile(packageFile(entry.name), staged, entry.length, (done) => progress('download', done, entry.length));
    progress('verify', 0, entry.length);
    const size = fs.statSync(staged).size;
    if (size > entry.length) throw new SyncRefusal('SYNC_TOO_LARGE', `${entry.name}: ${size} > ${entry.length}`);
    if (size !== entry.length || (await sha256File(staged)) !== entry.sha256) throw await packageMismatch(staged, entry, snapshot.version);
    progress('verify', entry.length, entry.length);
  } catch (err) {
    // A download cut mid-way stays for the next run to resume; anything refused goes.
    if (!(err instanceof SyncRefusal && err.code === 'SYNC_DOWNLOAD_FAILED')) fs.rmSync(staged, { force: true });
    throw err;
  }

  // 6. Apply, with the marks, in one transaction.
  removeCrashedBuilds(options.cacheFile);
  try {
    const apply = options.apply ?? applyPackage;
    const result = await apply({
      cacheFile: options.cacheFile,
      cacheKey: options.cacheKey,
      packagePath: staged,
      entry,
      snapshot: { version: snapshot.version, dataAsOf: snapshot.dataAsOf },
      marks: newMarks,
      onProgress: (done, total) => progress('apply', done, total),
    });
    return { outcome: 'applied', version: snapshot.version, dataAsOf: snapshot.dataAsOf, timestampExpires: timestamp.expires, apply: result };
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

/** The newer of the shipped root and the last one a sync stored (rootJson: the stored one's text, else null). */
export function trustedRootOf(shippedRoot: Buffer, marks: SyncMarks): { root: Root; rootJson: string | null } {
  const shipped = parseEnvelope<Root>(shippedRoot, 'root');
  checkSignatures(shipped, shipped.signed, 'root', verifySignature);
  if (marks.rootJson && marks.rootVersion > shipped.signed.version) return { root: parseEnvelope<Root>(Buffer.from(marks.rootJson, 'utf8'), 'root').signed, rootJson: marks.rootJson };
  return { root: shipped.signed, rootJson: null };
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** Half-built files of an apply that was killed (the old cache beside them is intact). */
function removeCrashedBuilds(cacheFile: string): void {
  const dir = path.dirname(cacheFile);
  const prefix = `${path.basename(cacheFile)}.sync-`;
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.startsWith(prefix)) fs.rmSync(path.join(dir, name), { force: true });
}

function removeOtherPartials(dir: string, keep: string): void {
  for (const name of fs.readdirSync(dir)) if (name.endsWith('.part') && name !== keep) fs.rmSync(path.join(dir, name), { force: true });
}

/** A snapshot with the wrong hash: another release's snapshot (mix-and-match) or damaged bytes. */
function mismatchOf(bytes: Buffer, expectedVersion: number): SyncRefusal {
  try {
    const other = parseEnvelope<Snapshot>(bytes, 'snapshot');
    if (other.signed.version !== expectedVersion) {
      return new SyncRefusal('SYNC_MIXED_SNAPSHOT', `snapshot v${other.signed.version} served where the timestamp names v${expectedVersion}`);
    }
  } catch {
    // not a snapshot at all: a plain mismatch
  }
  return new SyncRefusal('SYNC_HASH_MISMATCH', `snapshot v${expectedVersion}`);
}

/** A package with the wrong hash: if its header names another release, it is a mix; else damage. */
async function packageMismatch(file: string, entry: PackageEntry, version: number): Promise<SyncRefusal> {
  const header = await peekHeader(file);
  if (header && (header.version !== version || header.kind !== entry.kind)) {
    return new SyncRefusal('SYNC_MIXED_SNAPSHOT', `package of ${header.kind} v${header.version} served for ${entry.kind} v${version}`);
  }
  return new SyncRefusal('SYNC_HASH_MISMATCH', entry.name);
}

async function peekHeader(file: string): Promise<{ version: number; kind: string } | null> {
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file, { start: 0, end: 64 * 1024 });
  input.pipe(gunzip);
  let text = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      if (text.includes('\n') || text.length > 4096) break;
    }
  } catch {
    // truncated or not gzip: whatever was read is tried below
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  try {
    const line = PackageLineSchema.safeParse(JSON.parse(text.split('\n')[0] ?? ''));
    return line.success && line.data.t === 'header' ? { version: line.data.version, kind: line.data.kind } : null;
  } catch {
    return null;
  }
}

