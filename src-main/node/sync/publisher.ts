// The platform side: turns source exports into a new signed release of the
// repository — the full package, a delta from the previous release, the snapshot
// naming both, and last the timestamp naming the snapshot (so a kiosk never finds
// a timestamp that points at files not yet written).
//
// Bounded memory at any size: the input is staged in a temporary SQLite file and
// read back ordered by subject id, then merged line by line with the previous
// full package (itself ordered by id) to find what changed.
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
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
import { PACKAGE_FORMAT, RecordLineSchema, SubjectLineSchema, type SubjectLine } from '../../common/sync/packageLines';
import { parseEnvelope, SyncRefusal } from '../../common/sync/trustRules';
import type { SubjectBundle } from '../cache/cacheWriter';
import { writeFileAtomic } from './atomicFile';
import { readPackage } from './packageReader';
import { PackageWriter, type WrittenPackage } from './packageWriter';
import { PACKAGES_DIR, ROOT_FILE, rootFile, snapshotFile, TIMESTAMP_FILE } from './repoLayout';
import { checkKeepReleases, pruneRepository, type PruneResult } from './repoPruner';
import { keyIdOf, publicKeyOf, signEnvelope, type PrivateKey } from './signing';

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
export async function publishFromFolder(inputDir: string, options: PublishOptions): Promise<PublishResult> {
  return publishStaged(options, async (stage) => {
    const subjectsFile = path.join(inputDir, 'subjects.ndjson');
    if (!fs.existsSync(subjectsFile)) throw new SyncRefusal('SYNC_SOURCE_MISSING', `输入目录缺少 subjects.ndjson / the input folder has no subjects.ndjson`);
    await eachJsonLine(subjectsFile, (json, where) => {
      const parsed = SubjectLineSchema.safeParse(json);
      if (!parsed.success) throw inputError(where, parsed.error.issues);
      stage.subject(parsed.data);
    });
    for (const name of fs.readdirSync(inputDir).sort()) {
      if (!name.endsWith('.ndjson') || name === 'subjects.ndjson') continue;
      const category = name.slice(0, -'.ndjson'.length);
      if (!(RECORD_CATEGORIES as readonly string[]).includes(category)) throw new SyncRefusal('SYNC_BAD_PACKAGE', `未知的信息类别文件 / unknown category file: ${name}`);
      await eachJsonLine(path.join(inputDir, name), (json, where) => {
        const withDefaults = { category, fields: {}, ...(json as object), dataVersion: 0 };
        const parsed = RecordLineSchema.safeParse(withDefaults);
        if (!parsed.success) throw inputError(where, parsed.error.issues);
        if (parsed.data.category !== category) throw new SyncRefusal('SYNC_BAD_PACKAGE', `${where}: category ${parsed.data.category} in ${name}`);
        stage.record(parsed.data);
      });
    }
  });
}

/** Bundles from a generator (gen-demo, benches): same release logic. */
export async function publishFromBundles(bundles: Iterable<SubjectBundle>, options: PublishOptions): Promise<PublishResult> {
  return publishStaged(options, async (stage) => {
    for (const { subject, records } of bundles) {
      stage.subject(SubjectLineSchema.parse(subject));
      for (const r of records) stage.record(RecordLineSchema.parse({ ...r, dataVersion: 0 }));
    }
  });
}

function inputError(where: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): SyncRefusal {
  const i = issues[0];
  return new SyncRefusal('SYNC_BAD_PACKAGE', `${where}: ${i ? `${i.path.map(String).join('.') || '(line)'} ${i.message}` : 'invalid'}`);
}

async function eachJsonLine(file: string, fn: (json: unknown, where: string) => void): Promise<void> {
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

interface Stage {
  subject(s: SubjectLine['subject']): void;
  record(r: SubjectLine['records'][number]): void;
}

async function publishStaged(options: PublishOptions, fill: (stage: Stage) => Promise<void>): Promise<PublishResult> {
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

  const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-publish-'));
  const db = new Database(path.join(stageDir, 'stage.sqlite'));
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`CREATE TABLE subjects (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
             CREATE TABLE records (subject_id TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL);`);
    const addSubject = db.prepare('INSERT INTO subjects (id, json) VALUES (?, ?)');
    const addRecord = db.prepare('INSERT INTO records (subject_id, id, json) VALUES (?, ?, ?)');
    db.exec('BEGIN');
    await fill({
      subject: (s) => {
        try {
          addSubject.run(s.id, JSON.stringify(s));
        } catch {
          throw new SyncRefusal('SYNC_BAD_PACKAGE', `主体重复 / duplicate subject id ${s.id}`);
        }
      },
      record: (r) => addRecord.run(r.subjectId, r.id, JSON.stringify(r)),
    });
    db.exec('COMMIT');
    db.exec('CREATE INDEX records_subject ON records(subject_id, id)');
    const orphan = db.prepare('SELECT r.subject_id AS id FROM records r LEFT JOIN subjects s ON s.id = r.subject_id WHERE s.id IS NULL LIMIT 1').get() as { id: string } | undefined;
    if (orphan) throw new SyncRefusal('SYNC_BAD_PACKAGE', `记录所属主体不存在 / records name a subject not in subjects.ndjson: ${orphan.id}`);
    const dup = db.prepare('SELECT id FROM records GROUP BY id HAVING count(*) > 1 LIMIT 1').get() as { id: string } | undefined;
    if (dup) throw new SyncRefusal('SYNC_BAD_PACKAGE', `记录编号重复 / duplicate record id ${dup.id}`);

    const dataAsOf = (options.dataAsOf ?? now).toISOString();
    const written = await writeRelease(repo, db, version, dataAsOf, previous);
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
  } finally {
    db.close();
    fs.rmSync(stageDir, { recursive: true, force: true });
  }
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

/** Subject lines compare without their records' dataVersion: that is set here, not by the source. */
function contentKey(line: SubjectLine): string {
  return JSON.stringify({ subject: line.subject, records: line.records.map((r) => ({ ...r, dataVersion: 0 })) }, sortedKeys);
}

/** A JSON.stringify replacer that orders object keys (floats allowed: this is a comparison, not a signature). */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function writeRelease(
  repo: string,
  db: Database.Database,
  version: number,
  dataAsOf: string,
  previous: { snapshot: Snapshot; fullPath: string } | null,
): Promise<{ full: PackageEntry; delta: PackageEntry | null }> {
  const dir = path.join(repo, PACKAGES_DIR);
  const tmp = (kind: string): string => path.join(dir, `.${kind}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  const fullTmp = tmp('full');
  const deltaTmp = previous ? tmp('delta') : null;
  const full = new PackageWriter(fullTmp);
  const delta = deltaTmp ? new PackageWriter(deltaTmp) : null;
  const baseVersion = previous?.snapshot.version ?? null;
  await full.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'full', version, baseVersion: null, dataAsOf });
  if (delta) await delta.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'delta', version, baseVersion, dataAsOf });
  const fc = { subjects: 0, records: 0, tombstones: 0 };
  const dc = { subjects: 0, records: 0, tombstones: 0 };

  const prev = previous ? readPackage(previous.fullPath, { maxUncompressed: Number.MAX_SAFE_INTEGER }) : null;
  let prevLine: SubjectLine | null = null;
  const nextPrev = async (): Promise<void> => {
    prevLine = null;
    if (!prev) return;
    const r = await prev.next();
    if (!r.done && r.value.t === 'subject') prevLine = r.value;
  };
  await nextPrev();
  const recordsOf = db.prepare('SELECT json FROM records WHERE subject_id = ? ORDER BY id').pluck();
  const emitFull = async (line: SubjectLine): Promise<void> => {
    await full.write(line);
    fc.subjects += 1;
    fc.records += line.records.length;
  };
  const emitDelta = async (line: SubjectLine | { t: 'delete-subject'; id: string }): Promise<void> => {
    if (!delta) return;
    await delta.write(line);
    if (line.t === 'subject') {
      dc.subjects += 1;
      dc.records += line.records.length;
    } else dc.tombstones += 1;
  };
  for (const row of db.prepare('SELECT id, json FROM subjects ORDER BY id').iterate() as Iterable<{ id: string; json: string }>) {
    const records = (recordsOf.all(row.id) as string[]).map((j) => ({ ...(JSON.parse(j) as SubjectLine['records'][number]), dataVersion: version }));
    const line: SubjectLine = { t: 'subject', subject: JSON.parse(row.json) as SubjectLine['subject'], records };
    // Previous subjects that sort before this one are gone from the source: tombstones.
    while (prevLine !== null && (prevLine as SubjectLine).subject.id < row.id) {
      await emitDelta({ t: 'delete-subject', id: (prevLine as SubjectLine).subject.id });
      await nextPrev();
    }
    const current = prevLine as SubjectLine | null;
    if (current !== null && current.subject.id === row.id) {
      if (contentKey(current) === contentKey(line)) await emitFull(current);
      else {
        await emitFull(line);
        await emitDelta(line);
      }
      await nextPrev();
    } else {
      await emitFull(line);
      await emitDelta(line);
    }
  }
  while (prevLine !== null) {
    await emitDelta({ t: 'delete-subject', id: (prevLine as SubjectLine).subject.id });
    await nextPrev();
  }
  if (prev) await prev.return(undefined);
  if (fc.subjects === 0) throw new SyncRefusal('SYNC_BAD_PACKAGE', '没有可发布的主体 / no subjects to publish');
  await full.write({ t: 'end', ...fc });
  const fullWritten = await full.close();
  const fullEntry = finish(dir, fullTmp, fullWritten, `full-v${version}`, 'full', null, fc);
  let deltaEntry: PackageEntry | null = null;
  if (delta && deltaTmp) {
    await delta.write({ t: 'end', ...dc });
    deltaEntry = finish(dir, deltaTmp, await delta.close(), `delta-v${baseVersion}-v${version}`, 'delta', baseVersion, dc);
  }
  return { full: fullEntry, delta: deltaEntry };
}

function finish(
  dir: string,
  temp: string,
  written: WrittenPackage,
  label: string,
  kind: 'full' | 'delta',
  baseVersion: number | null,
  counts: { subjects: number; records: number; tombstones: number },
): PackageEntry {
  const name = `${written.sha256}.${label}.ndjson.gz`;
  fs.renameSync(temp, path.join(dir, name));
  return { name, kind, baseVersion, length: written.length, uncompressedLength: written.uncompressedLength, sha256: written.sha256, ...counts };
}
