// The platform side: turns source exports into a new signed release of the
// repository — the full package, a delta from the previous release, the snapshot
// naming both, and last the timestamp naming the snapshot (so a kiosk never finds
// a timestamp that points at files not yet written).
//
// Bounded memory at any size: the packages are built by releaseBuilder (external sorts
// and a streaming merge, on disk); this file validates the source and signs the release.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { RECORD_CATEGORIES } from '../../common/domain/creditRecord';
import {
  RootSchema,
  SPEC_VERSION,
  type Envelope,
  type PackageEntry,
  type Root,
  type Snapshot,
  type Timestamp,
} from '../../common/sync/metadataSchemas';
import { RecordLineSchema, SubjectLineSchema } from '../../common/sync/packageLines';
import { parseEnvelope, SyncRefusal } from '../../common/sync/trustRules';
import type { SubjectBundle } from '../cache/cacheWriter';
import { writeFileAtomic } from './atomicFile';
import { buildRelease, type Stage, type TextStage } from './releaseBuilder';
import { PACKAGES_DIR, ROOT_FILE, rootFile, snapshotFile, TIMESTAMP_FILE } from './repoLayout';
import { checkKeepReleases, pruneRepository, type PruneResult } from './repoPruner';
import { keyIdOf, publicKeyOf, signEnvelope, type PrivateKey } from './signing';
import { refusalOf, type StagedBatch } from './sourceBatch';
import { openStager, type SourceStager, type StagingOptions } from './stagingPool';

const DAY = 86_400_000;

export interface PublishOptions {
  repo: string;
  /** Signs timestamp and snapshot (and a new root). */
  key: PrivateKey;
  /** A root to start a new repository from (e.g. the shipped demo root); else one is made for `key`. */
  initialRoot?: Envelope<Root>;
  now?: Date;
  /** The data's cut-off time; default now. */
  dataAsOf?: Date;
  timestampDays?: number;
  snapshotDays?: number;
  rootDays?: number;
  /** Releases whose packages stay in the repository (default 2: this one and the previous); older ones are removed. */
  keepReleases?: number;
}

export interface PublishResult {
  version: number;
  full: PackageEntry;
  delta: PackageEntry | null;
  timestampVersion: number;
  /** What the release made obsolete and removed (see repoPruner). */
  pruned: PruneResult;
}

/** Source exports in a folder (docs/sync.md): subjects.ndjson and one NDJSON file per record category. */
export async function publishFromFolder(inputDir: string, options: PublishOptions & StagingOptions): Promise<PublishResult> {
  return publishStaged(options, stageFolder(inputDir, options));
}

/** Bundles from a generator (gen-demo, benches): same release logic. */
export async function publishFromBundles(bundles: Iterable<SubjectBundle>, options: PublishOptions): Promise<PublishResult> {
  return publishStaged(options, stageBundles(bundles));
}

/**
 * Validates a folder's source exports into a stage: the files are read here in batches of
 * lines, checked and staged by the staging pool (stagingPool.ts; in this thread with
 * `workers: 0`), and the answers staged in input order, so the first bad line is the one
 * refused. At most the pool's window of batches is in flight: the input is never all in memory.
 */
export function stageFolder(inputDir: string, staging: StagingOptions = {}): (stage: TextStage) => Promise<void> {
  return async (stage) => {
    const subjectsFile = path.join(inputDir, 'subjects.ndjson');
    if (!fs.existsSync(subjectsFile)) throw new SyncRefusal('SYNC_SOURCE_MISSING', `输入目录缺少 subjects.ndjson / the input folder has no subjects.ndjson`);
    const stager = openStager(staging);
    try {
      await stageFile(stager, subjectsFile, null, (lines) => stage.stagedSubjects(lines));
      for (const name of fs.readdirSync(inputDir).sort()) {
        if (!name.endsWith('.ndjson') || name === 'subjects.ndjson') continue;
        const category = name.slice(0, -'.ndjson'.length);
        if (!(RECORD_CATEGORIES as readonly string[]).includes(category)) throw new SyncRefusal('SYNC_BAD_PACKAGE', `未知的信息类别文件 / unknown category file: ${name}`);
        await stageFile(stager, path.join(inputDir, name), category, (lines) => stage.stagedRecords(lines));
      }
    } finally {
      await stager.close();
    }
  };
}

/** One source file through the stager; returns when all its batches are staged (or throws the first refusal). */
async function stageFile(stager: SourceStager, file: string, category: string | null, add: (lines: string[]) => void): Promise<void> {
  const name = path.basename(file);
  const inFlight: Array<Promise<StagedBatch>> = [];
  let nextLine = 1;
  const takeOldest = async (): Promise<void> => {
    const staged = await inFlight.shift()!;
    if ('error' in staged) throw refusalOf({ file: name }, nextLine, staged.error);
    nextLine += staged.lineCount;
    if (staged.stagedCount > 0) add(staged.staged.split('\n'));
  };
  const send = async (bytes: Uint8Array): Promise<void> => {
    const answer = stager.stage({ file: name, category, bytes });
    // Taken (and its failure thrown) in input order by takeOldest; a later batch's failure must not surface first.
    answer.catch(() => undefined);
    inFlight.push(answer);
    if (inFlight.length >= stager.window) await takeOldest();
  };
  try {
    let pending: Buffer = Buffer.alloc(0);
    for await (const chunk of fs.createReadStream(file, { highWaterMark: stager.batchBytes }) as AsyncIterable<Buffer>) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (let cut = lineEnd(pending, stager.batchBytes - 1); cut > 0; cut = lineEnd(pending, stager.batchBytes - 1)) {
        await send(pending.subarray(0, cut));
        pending = pending.subarray(cut);
      }
    }
    if (pending.length > 0) await send(pending);
    while (inFlight.length > 0) await takeOldest();
  } finally {
    // On a refusal: the rest are dropped (their failures already caught).
    inFlight.length = 0;
  }
}

const LF = 0x0a;
const CR = 0x0d;

/** Just past the first line break at or after `from` (\r\n, \n or a lone \r, as readline splits), or 0 if none is sure yet. */
function lineEnd(bytes: Buffer, from: number): number {
  if (from >= bytes.length) return 0;
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  if (cr >= 0 && (lf < 0 || cr < lf)) {
    if (cr + 1 === bytes.length) return 0; // a \r\n whose \n is still to come?
    return bytes[cr + 1] === LF ? cr + 2 : cr + 1;
  }
  return lf >= 0 ? lf + 1 : 0;
}

/** Validates generated bundles into a stage. */
export function stageBundles(bundles: Iterable<SubjectBundle>): (stage: Stage) => Promise<void> {
  return async (stage) => {
    for (const { subject, records } of bundles) {
      stage.subject(SubjectLineSchema.parse(subject));
      for (const r of records) stage.record(RecordLineSchema.parse({ ...r, dataVersion: 0 }));
    }
  };
}

export async function eachJsonLine(file: string, fn: (json: unknown, where: string) => void): Promise<void> {
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n += 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncRefusal('SYNC_BAD_PACKAGE', `${path.basename(file)}:${n}: not JSON`);
    }
    fn(json, `${path.basename(file)}:${n}`);
  }
}

async function publishStaged(options: PublishOptions, fill: (stage: TextStage) => Promise<void>): Promise<PublishResult> {
  if (options.keepReleases !== undefined) checkKeepReleases(options.keepReleases);
  const repo = path.resolve(options.repo);
  fs.mkdirSync(path.join(repo, PACKAGES_DIR), { recursive: true });
  const now = options.now ?? new Date();
  const root = ensureRoot(repo, options, now);
  const keyId = keyIdOf(publicKeyOf(options.key));
  for (const role of ['timestamp', 'snapshot'] as const) {
    if (!root.roles[role].keyids.includes(keyId)) throw new SyncRefusal('SYNC_UNKNOWN_KEY', `该密钥不是 ${role} 角色的密钥 / this key is not a ${role} key of the repository's root`);
  }
  const previous = readPrevious(repo);
  const version = (previous?.snapshot.version ?? 0) + 1;
  const dataAsOf = (options.dataAsOf ?? now).toISOString();
  const written = await buildRelease({
    repo,
    version,
    dataAsOf,
    previous: previous ? { version: previous.snapshot.version, full: previous.full, fullPath: previous.fullPath } : null,
    fill,
  });
  const snapshot: Snapshot = {
    _type: 'snapshot',
    spec: SPEC_VERSION,
    version,
    expires: new Date(now.getTime() + (options.snapshotDays ?? 30) * DAY).toISOString(),
    dataAsOf,
    packages: written.delta ? [written.full, written.delta] : [written.full],
  };
  const snapshotBytes = Buffer.from(`${JSON.stringify(signEnvelope(snapshot, [options.key]))}\n`, 'utf8');
  writeFileAtomic(path.join(repo, snapshotFile(version)), snapshotBytes);
  const timestampVersion = writeTimestamp(repo, options.key, version, snapshotBytes, now, options.timestampDays);
  // Only after the timestamp names the new release: until then kiosks may need the old files.
  const pruned = pruneRepository(repo, version, options.keepReleases);
  return { version, full: written.full, delta: written.delta, timestampVersion, pruned };
}

/** Re-signs the timestamp (version + 1, new expiry) for the same snapshot: run it on a schedule to keep kiosks fresh. */
export function refreshTimestamp(options: Pick<PublishOptions, 'repo' | 'key' | 'now' | 'timestampDays'>): number {
  const repo = path.resolve(options.repo);
  const previous = readPrevious(repo);
  if (!previous) throw new SyncRefusal('SYNC_SOURCE_MISSING', '仓库中还没有发布版本 / the repository has no release yet');
  const bytes = fs.readFileSync(path.join(repo, snapshotFile(previous.snapshot.version)));
  return writeTimestamp(repo, options.key, previous.snapshot.version, bytes, options.now ?? new Date(), options.timestampDays);
}

function writeTimestamp(repo: string, key: PrivateKey, snapshotVersion: number, snapshotBytes: Buffer, now: Date, days = 7): number {
  const prior = readTimestamp(repo);
  const timestamp: Timestamp = {
    _type: 'timestamp',
    spec: SPEC_VERSION,
    version: (prior?.version ?? 0) + 1,
    expires: new Date(now.getTime() + days * DAY).toISOString(),
    snapshot: { version: snapshotVersion, length: snapshotBytes.length, sha256: crypto.createHash('sha256').update(snapshotBytes).digest('hex') },
  };
  writeFileAtomic(path.join(repo, TIMESTAMP_FILE), `${JSON.stringify(signEnvelope(timestamp, [key]))}\n`);
  return timestamp.version;
}

/** A new root version signed by the current root keys and the new ones (TUF's rotation chain). */
export function rotateRoot(options: { repo: string; oldKeys: PrivateKey[]; newKey: PrivateKey; now?: Date; rootDays?: number }): number {
  const repo = path.resolve(options.repo);
  const current = readRootFile(path.join(repo, ROOT_FILE));
  const next = makeRoot(options.newKey, current.version + 1, options.now ?? new Date(), options.rootDays);
  const envelope = signEnvelope(next, [...options.oldKeys, options.newKey]);
  const text = `${JSON.stringify(envelope)}\n`;
  writeFileAtomic(path.join(repo, rootFile(next.version)), text);
  writeFileAtomic(path.join(repo, ROOT_FILE), text);
  return next.version;
}

export function makeRoot(key: PrivateKey, version: number, now: Date, days = 365): Root {
  const pub = publicKeyOf(key);
  const id = keyIdOf(pub);
  const role = { keyids: [id], threshold: 1 };
  return {
    _type: 'root',
    spec: SPEC_VERSION,
    version,
    expires: new Date(now.getTime() + days * DAY).toISOString(),
    keys: { [id]: pub },
    roles: { root: role, timestamp: role, snapshot: role },
  };
}

function readRootFile(file: string): Root {
  return RootSchema.parse((JSON.parse(fs.readFileSync(file, 'utf8')) as { signed: unknown }).signed);
}

function ensureRoot(repo: string, options: PublishOptions, now: Date): Root {
  const file = path.join(repo, ROOT_FILE);
  if (fs.existsSync(file)) return readRootFile(file);
  const envelope = options.initialRoot ?? signEnvelope(makeRoot(options.key, 1, now, options.rootDays), [options.key]);
  const text = `${JSON.stringify(envelope)}\n`;
  writeFileAtomic(path.join(repo, rootFile(envelope.signed.version)), text);
  writeFileAtomic(file, text);
  return envelope.signed;
}

function readTimestamp(repo: string): Timestamp | null {
  const file = path.join(repo, TIMESTAMP_FILE);
  if (!fs.existsSync(file)) return null;
  return parseEnvelope<Timestamp>(fs.readFileSync(file), 'timestamp').signed;
}

function readPrevious(repo: string): { snapshot: Snapshot; fullPath: string; full: PackageEntry } | null {
  const ts = readTimestamp(repo);
  if (!ts) return null;
  const snapshot = parseEnvelope<Snapshot>(fs.readFileSync(path.join(repo, snapshotFile(ts.snapshot.version))), 'snapshot').signed;
  const full = snapshot.packages.find((p) => p.kind === 'full');
  if (!full) return null;
  return { snapshot, full, fullPath: path.join(repo, PACKAGES_DIR, full.name) };
}
