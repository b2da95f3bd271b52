// Batch checks: every row of an imported list checked against the cache for one
// business item. Each row ends in a status; bad rows are reported with their reason and
// row number, never dropped. Every check is an audit entry.
//
// How it keeps pace (bench/batch.bench.ts): a chunk's codes go to the cache in ONE call
// that returns only the records a check can count (HIT_CATEGORIES), narrowed to the fields
// that decide a hit (findHitsByCode), and the next chunk's
// lookups run in the query worker while this chunk's rows are computed here. The rows are
// computed in slices of about a millisecond, each followed by a turn of the event loop, so
// a person's lookup at the kiosk never waits behind the batch for longer than that.
import { randomBytes } from 'node:crypto';
import type { BatchResultView, BatchRowStatus, BatchRowView, BatchSummaryView } from '../../common/contract/staffViews';
import { validateSubjectCode, type CodeValidation } from '../../common/codes/subjectCode';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { maskSubjectCode } from '../../common/rules/masking';
import type { BatchInputRow } from '../../common/staff/batchRows';
import type { BusinessItem, Catalogue } from '../../common/staff/catalogue';
import { NEGATIVE_HIT_KINDS } from '../../common/staff/hits';
import type { LocalCreditCache, SubjectHits } from '../cache/creditCache';
import type { AuditEntryInput } from './auditLog';
import { decideHits } from './checkEngine';
import type { SubjectKeyer } from '../keys/subjectKeyer';

/** Rows between two progress events and audit writes at the least. */
export const BATCH_CHUNK = 250;
/** Codes per call to the cache: the answers arrive and are decoded on this thread in one go, so the call stays small. */
export const LOOKUP_CHUNK = 50;
/** Lookup calls queued at the worker while this thread computes rows. */
const LOOKUPS_AHEAD = 2;
/** Work done between two turns of the event loop. */
const SLICE_MS = 1;
const KEEP_BATCHES = 8;

export interface Batch {
  summary: BatchSummaryView;
  rows: BatchRowView[];
  staffNo: string;
  item: BusinessItem;
  catalogueVersion: string;
  dataAsOf?: string;
}

export interface BatchDeps {
  cache: Pick<LocalCreditCache, 'findHitsByCode'>;
  keyer: SubjectKeyer;
  /** `sync: 'later'`: the commit need not wait for the disk (see AuditLog.appendMany); the batch's closing entry is written without it. */
  appendAudit: (entries: AuditEntryInput[], options?: { sync: 'later' }) => void;
  progress: (summary: BatchSummaryView) => void;
  now: () => Date;
  today: () => string;
  kioskId: string;
  policy?: DisclosurePolicy;
}

const emptyCounts = (): Record<BatchRowStatus, number> => ({ clear: 0, hit: 0, incentive: 0, 'invalid-code': 0, 'missing-code': 0, 'not-found': 0 });
const BAD: ReadonlySet<BatchRowStatus> = new Set(['invalid-code', 'missing-code', 'not-found']);

/** A code as a list may show it: whatever may name a person is masked (the recogniser decides). */
export const shownCode = maskSubjectCode;

export class BatchJobs {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly deps: BatchDeps) {}

  /** Starts a batch and returns at once; `finished` settles when every row has an answer. */
  start(input: { rows: BatchInputRow[]; item: BusinessItem; catalogue: Catalogue; fileName: string; staffNo: string; dataAsOf?: string }): { batch: Batch; finished: Promise<void> } {
    const batchId = randomBytes(12).toString('base64url');
    const batch: Batch = {
      summary: {
        batchId,
        itemId: input.item.id,
        fileName: input.fileName,
        state: 'running',
        total: input.rows.length,
        done: 0,
        counts: emptyCounts(),
        startedAt: this.deps.now().toISOString(),
      },
      rows: [],
      staffNo: input.staffNo,
      item: input.item,
      catalogueVersion: input.catalogue.version,
      ...(input.dataAsOf !== undefined && { dataAsOf: input.dataAsOf }),
    };
    this.batches.set(batchId, batch);
    this.evict();
    const finished = this.run(batch, input.rows, input.catalogue).catch((err: Error) => {
      batch.summary.state = 'failed';
      batch.summary.message = err.name;
      batch.summary.finishedAt = this.deps.now().toISOString();
      this.deps.progress(batch.summary);
    });
    return { batch, finished };
  }

  get(batchId: string): Batch | null {
    return this.batches.get(batchId) ?? null;
  }

  page(batch: Batch, options: { page?: number; pageSize?: number; filter?: 'all' | 'hits' | 'bad' }): BatchResultView {
    const filter = options.filter ?? 'all';
    const rows = filter === 'all' ? batch.rows : batch.rows.filter((r) => (filter === 'bad' ? BAD.has(r.status) : r.status === 'hit'));
    const pageSize = options.pageSize ?? 100;
    const page = options.page ?? 1;
    return { ...batch.summary, counts: { ...batch.summary.counts }, page, pageSize, matching: rows.length, rows: rows.slice((page - 1) * pageSize, page * pageSize) };
  }

  private async run(batch: Batch, rows: BatchInputRow[], catalogue: Catalogue): Promise<void> {
    const seen = new Map<string, number>();
    const today = this.deps.today();
    const chunks: BatchInputRow[][] = [];
    for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) chunks.push(rows.slice(start, start + LOOKUP_CHUNK));
    // LOOKUPS_AHEAD calls in flight: the worker starts the next chunk the moment it answers one, never waiting for this thread.
    const ahead: Array<ReturnType<BatchJobs['lookUp']>> = [];
    let asked = 0;
    const askAhead = (): void => {
      while (ahead.length < LOOKUPS_AHEAD && asked < chunks.length) {
        const call = this.lookUp(chunks[asked++]!, today);
        call.catch(() => undefined); // awaited in its turn below; a failure surfaces there, not as an unhandled rejection
        ahead.push(call);
      }
    };
    askAhead();
    for (let c = 0; c < chunks.length; c++) {
      const looked = await ahead.shift()!;
      askAhead();
      const audit: AuditEntryInput[] = [];
      let sliceStart = performance.now();
      for (const { input, code, found } of looked) {
        const row = this.checkRow(input, code, found, batch, catalogue, today, seen, audit);
        batch.rows.push(row);
        batch.summary.counts[row.status] += 1;
        batch.summary.done += 1;
        if (performance.now() - sliceStart >= SLICE_MS) {
          // Let calls and events through: a 50,000-row list must not keep a kiosk lookup waiting.
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
      // One audit transaction per call's rows, not waiting for the disk: the closing entry's durable commit covers them.
      this.deps.appendAudit(audit, { sync: 'later' });
      if (batch.summary.done % BATCH_CHUNK === 0 || c === chunks.length - 1) this.deps.progress(batch.summary);
    }
    batch.summary.state = 'done';
    batch.summary.finishedAt = this.deps.now().toISOString();
    this.deps.appendAudit([
      {
        at: batch.summary.finishedAt,
        kioskId: this.deps.kioskId,
        staffNo: batch.staffNo,
        action: 'batch',
        itemId: batch.item.id,
        result: 'done',
        detail: { batchId: batch.summary.batchId, total: batch.summary.total, counts: batch.summary.counts },
      },
    ]);
    this.deps.progress(batch.summary);
  }

  /** A chunk's codes checked here and looked up in one call; each row with its code's verdict and what the cache holds. */
  private async lookUp(chunk: BatchInputRow[], today: string): Promise<Array<{ input: BatchInputRow; code: CodeValidation | null; found: SubjectHits | null }>> {
    const codes = chunk.map((input) => (input.code === '' ? null : validateSubjectCode(input.code, { today })));
    const wanted = codes.flatMap((code) => (code?.valid ? [code.normalized] : []));
    const answers = wanted.length > 0 ? await this.deps.cache.findHitsByCode(wanted) : [];
    let k = 0;
    return chunk.map((input, i) => ({ input, code: codes[i]!, found: codes[i]?.valid ? answers[k++]! : null }));
  }

  private checkRow(
    input: BatchInputRow,
    code: CodeValidation | null,
    found: SubjectHits | null,
    batch: Batch,
    catalogue: Catalogue,
    today: string,
    seen: Map<string, number>,
    audit: AuditEntryInput[],
  ): BatchRowView {
    const base = { row: input.row, code: shownCode(input.code), inputName: input.name, hitKinds: [], measureIds: [], incentiveIds: [] };
    if (code === null) return { ...base, status: 'missing-code', reason: '缺少代码 / no code in this row' };
    if (!code.valid) return { ...base, status: 'invalid-code', reason: code.reason };
    const notes: string[] = [];
    const earlier = seen.get(code.normalized);
    if (earlier !== undefined) notes.push(`与第 ${earlier} 行重复 / duplicate of row ${earlier}`);
    else seen.set(code.normalized, input.row);
    if (!found) return { ...base, status: 'not-found', reason: '未查询到该主体 / no such subject in the local data' };
    const { subject, records } = found;
    const computed = decideHits(records, batch.item, catalogue, today, this.deps.policy);
    const hitKinds = [...new Set(computed.hits.map((h) => h.kind))];
    const negative = hitKinds.some((k) => NEGATIVE_HIT_KINDS.has(k));
    if (input.name !== '' && input.name !== subject.name) notes.push('名称与登记不一致 / the name differs from the registered one');
    const status: BatchRowStatus = negative ? 'hit' : hitKinds.includes('red-list') ? 'incentive' : 'clear';
    audit.push({
      at: this.deps.now().toISOString(),
      kioskId: this.deps.kioskId,
      staffNo: batch.staffNo,
      action: 'batch-check',
      itemId: batch.item.id,
      subjectKey: this.deps.keyer.subjectKey(subject),
      result: computed.applicable.verdict,
      detail: { batchId: batch.summary.batchId, row: input.row, hits: hitKinds },
    });
    return {
      ...base,
      status,
      subjectName: subject.name,
      hitKinds,
      measureIds: computed.applicable.measures.map((m) => m.measure.id),
      incentiveIds: computed.applicable.incentives.map((i) => i.id),
      verdict: computed.applicable.verdict,
      ...(notes.length > 0 && { reason: notes.join('；') }),
    };
  }

  private evict(): void {
    if (this.batches.size <= KEEP_BATCHES) return;
    for (const [id, b] of this.batches) {
      if (this.batches.size <= KEEP_BATCHES) break;
      if (b.summary.state !== 'running') this.batches.delete(id);
    }
  }
}
