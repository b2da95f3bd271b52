// Batch checks: every row of an imported list checked against the cache for one
// business item, in chunks so the event loop (and the screen's progress) keeps
// moving. Each row ends in a status; bad rows are reported with their reason and
// row number, never dropped. Every check is an audit entry, written per chunk.
import { randomBytes } from 'node:crypto';
import type { BatchResultView, BatchRowStatus, BatchRowView, BatchSummaryView } from '../../common/contract/staffViews';
import { validateSubjectCode } from '../../common/codes/subjectCode';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { maskSubjectCode } from '../../common/rules/masking';
import type { BatchInputRow } from '../../common/staff/batchRows';
import type { BusinessItem, Catalogue } from '../../common/staff/catalogue';
import { NEGATIVE_HIT_KINDS } from '../../common/staff/hits';
import type { CreditCache } from '../cache/creditCache';
import type { AuditEntryInput } from './auditLog';
import { computeCheck } from './checkEngine';
import type { SubjectKeyer } from '../keys/subjectKeyer';

export const BATCH_CHUNK = 250;
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
  cache: Pick<CreditCache, 'findByCode'>;
  keyer: SubjectKeyer;
  appendAudit: (entries: AuditEntryInput[]) => void;
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
    for (let start = 0; start < rows.length; start += BATCH_CHUNK) {
      const audit: AuditEntryInput[] = [];
      for (const input of rows.slice(start, start + BATCH_CHUNK)) {
        const row = await this.checkRow(input, batch, catalogue, today, seen, audit);
        batch.rows.push(row);
        batch.summary.counts[row.status] += 1;
        batch.summary.done += 1;
      }
      this.deps.appendAudit(audit);
      this.deps.progress(batch.summary);
      // Let calls and events through between chunks: a 50,000-row list must not freeze the kiosk.
      await new Promise((resolve) => setImmediate(resolve));
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

  private async checkRow(input: BatchInputRow, batch: Batch, catalogue: Catalogue, today: string, seen: Map<string, number>, audit: AuditEntryInput[]): Promise<BatchRowView> {
    const base = { row: input.row, code: shownCode(input.code), inputName: input.name, hitKinds: [], measureIds: [], incentiveIds: [] };
    if (input.code === '') return { ...base, status: 'missing-code', reason: '缺少代码 / no code in this row' };
    const code = validateSubjectCode(input.code, { today });
    if (!code.valid) return { ...base, status: 'invalid-code', reason: code.reason };
    const notes: string[] = [];
    const earlier = seen.get(code.normalized);
    if (earlier !== undefined) notes.push(`与第 ${earlier} 行重复 / duplicate of row ${earlier}`);
    else seen.set(code.normalized, input.row);
    const found = await this.deps.cache.findByCode(code.normalized);
    if (!found) return { ...base, status: 'not-found', reason: '未查询到该主体 / no such subject in the local data' };
    const { subject, records } = found;
    const computed = computeCheck(subject, records, batch.item, catalogue, today, this.deps.policy);
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
