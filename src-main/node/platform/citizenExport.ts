// The platform's side of the citizen loop (issue 18): what kiosks sent as commitments and
// objections goes back to every kiosk through the next release. The city's regular feed
// (the publisher's input folder, docs/sync.md) is copied to a new input folder with the
// platform's rows merged in: each received commitment as its subject's 信用承诺 record
// (commitmentRecordOf, the record the kiosk's report already prints), and each objection's
// record marked objection-pending (异议处理中) — unless the feed has settled that record
// already (repaired, revoked): the authority's later word stands, and the objection is
// named as settled. `publish --input` then reads that folder as
// it reads any other; the publisher still validates every line.
//
// Commitment events name their subject only by the registry's keyed hash (never the code),
// so the platform finds the feed's subject by keying each feed subject's code with the
// fleet's subject key — what the platform may legitimately hold. Objection events carry
// the platform's own subject and record ids. Events whose subject or record is not in the
// feed are counted as unmatched and left out (the release cannot carry a record without its subject).
import fs from 'node:fs';
import path from 'node:path';
import { commitmentRecordOf } from '../../common/commitment/commitmentRecord';
import { PAYLOADS, type EventPayload } from '../../common/platform/platformEvents';
import { SyncRefusal } from '../../common/sync/trustRules';
import type { SubjectKeyer } from '../keys/subjectKeyer';
import { eachJsonLine } from '../sync/publisher';
import type { PlatformStore } from './platformStore';

export interface CitizenExportOptions {
  store: PlatformStore;
  /** The city's regular publisher input: subjects.ndjson and one file per record category. */
  feedDir: string;
  /** Where the merged input is written (created; must not be the feed). */
  outDir: string;
  keyer: Pick<SubjectKeyer, 'reportSubject'>;
}

export interface CitizenExportResult {
  /** Commitments whose subject the feed has (written now, or already carried by the feed). */
  commitments: number;
  objections: number;
  /** Application / commitment numbers whose subject or record the feed does not have. */
  unmatched: string[];
  /** Objections whose record the feed already shows repaired or revoked: left as the feed says. */
  settled: string[];
}

/** A record the authority has settled: an objection on it no longer changes what the release shows. */
const SETTLED_STATUSES: ReadonlySet<unknown> = new Set(['repaired', 'revoked']);

const COMMITMENT_FILE = 'commitment.ndjson';

export async function exportCitizenRows(options: CitizenExportOptions): Promise<CitizenExportResult> {
  const feedDir = path.resolve(options.feedDir);
  const outDir = path.resolve(options.outDir);
  if (feedDir === outDir) throw new SyncRefusal('SYNC_BAD_PACKAGE', '输出目录不能是数据源目录 / the output folder must not be the feed folder');
  if (!fs.existsSync(path.join(feedDir, 'subjects.ndjson'))) throw new SyncRefusal('SYNC_SOURCE_MISSING', '数据源目录缺少 subjects.ndjson / the feed folder has no subjects.ndjson');
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new SyncRefusal('SYNC_BAD_PACKAGE', `输出目录不为空 / the output folder is not empty: ${outDir}`);
  fs.mkdirSync(outDir, { recursive: true });

  const events = await options.store.eventsOfTypes(['commitment', 'objection']);
  const commitments = new Map<string, EventPayload<'commitment'>>();
  const objections = new Map<string, EventPayload<'objection'>>();
  for (const e of events) {
    if (e.type === 'commitment') {
      const p = PAYLOADS.commitment.parse(e.payload);
      commitments.set(p.commitmentNumber, p);
    } else {
      // The latest objection on a record stands for it (one is pending per record).
      const p = PAYLOADS.objection.parse(e.payload);
      objections.set(p.recordId, p);
    }
  }

  // Subjects: copied, and the keyed hash of each code matched against the commitments' subjects.
  const wantedKeys = new Set([...commitments.values()].map((c) => c.subject.key));
  const subjectOfKey = new Map<string, string>();
  await copyLines(path.join(feedDir, 'subjects.ndjson'), path.join(outDir, 'subjects.ndjson'), (row) => {
    if (typeof row.code === 'string' && typeof row.id === 'string') {
      const key = options.keyer.reportSubject(row.code);
      if (wantedKeys.has(key)) subjectOfKey.set(key, row.id);
    }
    return row;
  });

  // Records: each objection's record marked; the feed's own commitment ids remembered.
  const marked = new Set<string>();
  const settled: string[] = [];
  const feedCommitmentIds = new Set<string>();
  const names = fs.readdirSync(feedDir).filter((n) => n.endsWith('.ndjson') && n !== 'subjects.ndjson');
  for (const name of names.sort()) {
    await copyLines(path.join(feedDir, name), path.join(outDir, name), (row) => {
      if (name === COMMITMENT_FILE && typeof row.id === 'string') feedCommitmentIds.add(row.id);
      const objection = typeof row.id === 'string' ? objections.get(row.id) : undefined;
      if (!objection || row.subjectId !== objection.subjectId) return row;
      marked.add(objection.recordId);
      if (SETTLED_STATUSES.has(row.status)) {
        settled.push(objection.applicationNumber);
        return row;
      }
      return { ...row, status: 'objection-pending' };
    });
  }

  const unmatched = [...objections.values()].filter((o) => !marked.has(o.recordId)).map((o) => o.applicationNumber);
  const added: string[] = [];
  for (const c of commitments.values()) {
    const subjectId = subjectOfKey.get(c.subject.key);
    if (subjectId === undefined) {
      unmatched.push(c.commitmentNumber);
      continue;
    }
    // dataVersion is the publisher's to set (input rows carry none).
    const { dataVersion: _unused, ...record } = commitmentRecordOf(c, subjectId, 0);
    if (!feedCommitmentIds.has(record.id)) added.push(JSON.stringify(record));
  }
  if (added.length > 0) fs.appendFileSync(path.join(outDir, COMMITMENT_FILE), `${added.join('\n')}\n`);
  return { commitments: commitments.size - unmatched.filter((n) => commitments.has(n)).length, objections: marked.size - settled.length, unmatched, settled };
}

/** Copies an NDJSON file line by line through fn (the publisher's reader: blank lines dropped, a bad line refused with its place). */
async function copyLines(from: string, to: string, fn: (row: Record<string, unknown>) => Record<string, unknown>): Promise<void> {
  const fd = fs.openSync(to, 'w');
  try {
    let batch: string[] = [];
    await eachJsonLine(from, (row, where) => {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new SyncRefusal('SYNC_BAD_PACKAGE', `${where}: 不是 JSON 对象 / not a JSON object`);
      batch.push(JSON.stringify(fn(row as Record<string, unknown>)));
      if (batch.length >= 4096) {
        fs.writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    });
    if (batch.length > 0) fs.writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    fs.closeSync(fd);
  }
}
