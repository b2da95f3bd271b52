// Builds a release's packages — the full package and the delta from the previous
// release — from validated source lines, as a streaming sorted merge. Subjects and
// records are staged as text lines in external sorts (memory bounded, run files on
// disk); then subjects, their records and the previous release's per-subject hashes
// are walked together in id order: each subject's line is put together once, hashed,
// written to the full package, and to the delta if its hash changed; previous subjects
// the walk passes by are tombstones. No line is parsed back. (DuckDB was measured for
// the same work and spent more CPU per row on it: see README, Benchmarks, Publishing.)
//
// What a release remembers for the next one (publisher state, beside the packages in
// `.publisher/`, which the server never hands out): each subject's content hash and the
// release its line last changed in (the records' dataVersion), named by the full
// package's sha256. Without it (the first release after an upgrade, a lost folder) the
// previous full package is read back instead, every line validated — slower, same result.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackageEntry } from '../../common/sync/metadataSchemas';
import { PACKAGE_FORMAT, type SubjectLine } from '../../common/sync/packageLines';
import { SyncRefusal } from '../../common/sync/trustRules';
import { ExternalSorter, LineCursor, lineBatches } from './externalSort';
import { readPackage } from './packageReader';
import { PackageWriter, type WrittenPackage } from './packageWriter';
import { PACKAGES_DIR } from './repoLayout';
import { DV_MARK, recordText, stagedRecord, stagedRecordId, stagedSubject } from './stagedLines';

type SubjectFields = SubjectLine['subject'];
type RecordFields = SubjectLine['records'][number];

/** Where validated source lines go (each already parsed by its package-line schema). */
export interface Stage {
  subject(s: SubjectFields): void;
  record(r: RecordFields): void;
}

/** A stage that also takes lines already staged (stagedLines.ts), as the staging workers send them. */
export interface TextStage extends Stage {
  stagedSubjects(lines: readonly string[]): void;
  stagedRecords(lines: readonly string[]): void;
}

export interface PreviousRelease {
  version: number;
  full: PackageEntry;
  fullPath: string;
}

export interface BuildReleaseOptions {
  repo: string;
  version: number;
  dataAsOf: string;
  previous: PreviousRelease | null;
  fill: (stage: TextStage) => Promise<void>;
  /** Characters of staged records held in memory before a sorted run goes to disk (default 128 Mi). */
  sortBudget?: number;
}

export interface BuiltRelease {
  full: PackageEntry;
  delta: PackageEntry | null;
  /** Whether the previous release's hashes came from publisher state (false: its full package was read back). */
  fromState: boolean;
}

export const STATE_DIR = '.publisher';

/** What a subject's line is compared by (a change test, not a signature: the packages are signed by sha256). */
function contentHash(subjectJson: string, body: string): string {
  return crypto.createHash('md5').update(subjectJson).update('\n').update(body).digest('hex');
}

export async function buildRelease(options: BuildReleaseOptions): Promise<BuiltRelease> {
  const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-kiosk-publish-'));
  try {
    const subjects = new ExternalSorter(stageDir, 'subjects', 32 * 1024 * 1024);
    const records = new ExternalSorter(stageDir, 'records', options.sortBudget);
    const recordIds = new ExternalSorter(stageDir, 'record-ids', 32 * 1024 * 1024);
    let subjectCount = 0;
    const stage: TextStage = {
      subject: (s) => stage.stagedSubjects([stagedSubject(s)]),
      record: (r) => stage.stagedRecords([stagedRecord(r)]),
      stagedSubjects: (lines) => {
        for (const line of lines) subjects.add(line);
        subjectCount += lines.length;
      },
      stagedRecords: (lines) => {
        for (const line of lines) {
          records.add(line);
          recordIds.add(stagedRecordId(line));
        }
      },
    };
    await options.fill(stage);
    if (subjectCount === 0) throw new SyncRefusal('SYNC_BAD_PACKAGE', '没有可发布的主体 / no subjects to publish');
    await checkUniqueRecordIds(recordIds);
    const previous = options.previous ? previousHashes(options.repo, options.previous, stageDir) : null;
    const built = await writeRelease(options, subjects, records, previous);
    return { full: built.full, delta: built.delta, fromState: previous?.fromState ?? false };
  } finally {
    fs.rmSync(stageDir, { recursive: true, force: true });
  }
}

async function checkUniqueRecordIds(ids: ExternalSorter): Promise<void> {
  let last: string | null = null;
  for await (const batch of ids.sorted()) {
    for (const id of batch) {
      if (id === last) throw new SyncRefusal('SYNC_BAD_PACKAGE', `记录编号重复 / duplicate record id ${id}`);
      last = id;
    }
  }
}

const stateFile = (repo: string, fullSha256: string): string => path.join(repo, STATE_DIR, `${fullSha256}.tsv`);

/** The previous release's `id \t hash \t dataVersion` lines in id order: from its state file, else from its full package. */
function previousHashes(repo: string, previous: PreviousRelease, stageDir: string): { lines: AsyncGenerator<string[]>; fromState: boolean } {
  const file = stateFile(repo, previous.full.sha256);
  if (fs.existsSync(file)) return { lines: lineBatches(file), fromState: true };
  return {
    fromState: false,
    lines: (async function* () {
      const sorter = new ExternalSorter(stageDir, 'previous', 32 * 1024 * 1024);
      for await (const line of readPackage(previous.fullPath, { maxUncompressed: previous.full.uncompressedLength })) {
        if (line.t !== 'subject') continue;
        const hash = contentHash(JSON.stringify(line.subject), line.records.map(recordText).join(','));
        sorter.add(`${line.subject.id}\t${hash}\t${line.records[0]?.dataVersion ?? previous.version}`);
      }
      yield* sorter.sorted();
    })(),
  };
}

interface Counts {
  subjects: number;
  records: number;
  tombstones: number;
}

/** Lines of `id \t hash \t dataVersion`, written as they come (in id order). */
class StateWriter {
  private lines: string[] = [];
  private readonly fd: number;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  add(id: string, hash: string, dataVersion: number): void {
    this.lines.push(`${id}\t${hash}\t${dataVersion}\n`);
    if (this.lines.length >= 4096) this.flush();
  }

  private flush(): void {
    fs.writeSync(this.fd, this.lines.join(''));
    this.lines = [];
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }
}

const advance = async (cursor: LineCursor): Promise<void> => {
  const wait = cursor.next();
  if (wait) await wait;
};

async function writeRelease(
  options: BuildReleaseOptions,
  subjects: ExternalSorter,
  records: ExternalSorter,
  previous: { lines: AsyncGenerator<string[]> } | null,
): Promise<{ full: PackageEntry; delta: PackageEntry | null }> {
  const { version, dataAsOf, repo } = options;
  const dir = path.join(repo, PACKAGES_DIR);
  const tmp = (kind: string): string => path.join(dir, `.${kind}-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  const full = new PackageWriter(tmp('full'));
  const delta = options.previous ? new PackageWriter(tmp('delta')) : null;
  const state = new StateWriter(path.join(repo, STATE_DIR, `.state-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`));
  const subjectLines = new LineCursor(subjects.sorted());
  const recordLines = new LineCursor(records.sorted());
  const previousLines = previous ? new LineCursor(previous.lines) : null;
  const baseVersion = options.previous?.version ?? null;
  const fc: Counts = { subjects: 0, records: 0, tombstones: 0 };
  const dc: Counts = { subjects: 0, records: 0, tombstones: 0 };
  try {
    await full.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'full', version, baseVersion: null, dataAsOf });
    if (delta) await delta.write({ t: 'header', format: PACKAGE_FORMAT, kind: 'delta', version, baseVersion, dataAsOf });
    const tombstone = async (id: string): Promise<void> => {
      if (!delta) return;
      await delta.write({ t: 'delete-subject', id });
      dc.tombstones += 1;
    };
    await advance(subjectLines);
    await advance(recordLines);
    if (previousLines) await advance(previousLines);
    let lastId: string | null = null;
    for (; subjectLines.line !== null; await advance(subjectLines)) {
      const tab = subjectLines.line.indexOf('\t');
      const id = subjectLines.line.slice(0, tab);
      const subjectJson = subjectLines.line.slice(tab + 1);
      if (id === lastId) throw new SyncRefusal('SYNC_BAD_PACKAGE', `主体重复 / duplicate subject id ${id}`);
      lastId = id;
      // Its records (sorted by subject id, then record id); any before it belong to no subject.
      const parts: string[] = [];
      for (; recordLines.line !== null; await advance(recordLines)) {
        const t1 = recordLines.line.indexOf('\t');
        const subjectId = recordLines.line.slice(0, t1);
        if (subjectId > id) break;
        if (subjectId !== id) throw orphan(subjectId);
        parts.push(recordLines.line.slice(recordLines.line.indexOf('\t', t1 + 1) + 1));
      }
      const body = parts.join(',');
      const hash = contentHash(subjectJson, body);
      // The previous release's subjects up to this one: those before it are gone.
      let previousHash: string | null = null;
      let previousVersion = 0;
      for (; previousLines?.line != null; await advance(previousLines)) {
        const [pid, ph, pdv] = previousLines.line.split('\t') as [string, string, string];
        if (pid > id) break;
        if (pid === id) {
          previousHash = ph;
          previousVersion = Number(pdv);
        } else await tombstone(pid);
      }
      const unchanged = previousHash === hash;
      const dataVersion = unchanged ? previousVersion : version;
      const text = `{"t":"subject","subject":${subjectJson},"records":[${body.replaceAll(DV_MARK, `"dataVersion":${dataVersion},`)}]}`;
      await full.writeText(text);
      fc.subjects += 1;
      fc.records += parts.length;
      if (delta && !unchanged) {
        await delta.writeText(text);
        dc.subjects += 1;
        dc.records += parts.length;
      }
      state.add(id, hash, dataVersion);
    }
    if (recordLines.line !== null) throw orphan(recordLines.line.slice(0, recordLines.line.indexOf('\t')));
    for (; previousLines?.line != null; await advance(previousLines)) await tombstone(previousLines.line.slice(0, previousLines.line.indexOf('\t')));
    state.close();
    await full.write({ t: 'end', ...fc });
    const fullEntry = finish(dir, await full.close(), `full-v${version}`, 'full', null, fc);
    let deltaEntry: PackageEntry | null = null;
    if (delta) {
      await delta.write({ t: 'end', ...dc });
      deltaEntry = finish(dir, await delta.close(), `delta-v${baseVersion}-v${version}`, 'delta', baseVersion, dc);
    }
    keepState(repo, state.file, fullEntry.sha256);
    return { full: fullEntry, delta: deltaEntry };
  } catch (err) {
    await Promise.allSettled([full.abort(), delta?.abort(), subjectLines.close(), recordLines.close(), previousLines?.close()]);
    fs.rmSync(state.file, { force: true });
    throw err;
  }
}

function orphan(subjectId: string): SyncRefusal {
  return new SyncRefusal('SYNC_BAD_PACKAGE', `记录所属主体不存在 / records name a subject not in subjects.ndjson: ${subjectId}`);
}

/** This release's hashes, named by its full package; older state files go (their packages are being pruned). */
function keepState(repo: string, temp: string, fullSha256: string): void {
  const file = stateFile(repo, fullSha256);
  fs.renameSync(temp, file);
  for (const name of fs.readdirSync(path.dirname(file))) {
    if (name !== path.basename(file)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function finish(
  dir: string,
  written: WrittenPackage,
  label: string,
  kind: 'full' | 'delta',
  baseVersion: number | null,
  counts: Counts,
): PackageEntry {
  const name = `${written.sha256}.${label}.ndjson.gz`;
  fs.renameSync(written.file, path.join(dir, name));
  return { name, kind, baseVersion, length: written.length, uncompressedLength: written.uncompressedLength, sha256: written.sha256, ...counts };
}
