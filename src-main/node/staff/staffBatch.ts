// Batch checks as staff calls: start one from an imported CSV/XLSX list, read its
// state and its rows page by page, export it. The jobs themselves run in BatchJobs;
// their progress goes to the event stream, and a screen re-reads the state here.
import type { StaffMethods, StaffOutputs } from '../../common/contract/staffApi';
import type { FileView } from '../../common/contract/staffViews';
import { ok } from '../../common/contract/result';
import { tableToBatchRows } from '../../common/staff/batchRows';
import { can, MAX_BATCH_ROWS } from '../../common/staff/roles';
import { formatDisplayTime } from '../../common/time/displayTime';
import { toIsoDate } from '../../common/time/isoDate';
import { batchCsv, batchPdf, batchXlsx, catalogueNames } from './batchExport';
import { BatchFileError, readBatchTable } from './batchImport';
import { BatchJobs } from './batchRunner';
import { auditEntry, authorised, authorisedItem, deny, fileView, guard, isSession, type StaffContext } from './staffContext';

export type StaffBatchMethods = Pick<StaffMethods, 'startBatchCheck' | 'getBatchResult' | 'exportBatch'>;

export function staffBatch(ctx: StaffContext): StaffBatchMethods & { finished(batchId: string): Promise<void>; settle(): Promise<void> } {
  const { audit, log, now } = ctx;
  const batchDone = new Map<string, Promise<void>>();
  const batches = new BatchJobs({
    cache: ctx.cache,
    keyer: ctx.keyer,
    appendAudit: (entries, options) => void (entries.length > 0 && audit.appendMany(entries, options)),
    progress: (s) => {
      const bad = s.counts['invalid-code'] + s.counts['missing-code'] + s.counts['not-found'];
      ctx.hub.emit({ type: 'batch-progress', batchId: s.batchId, done: s.done, total: s.total, hits: s.counts.hit, bad });
      if (s.state !== 'running') ctx.hub.emit({ type: 'batch-done', batchId: s.batchId, state: s.state });
    },
    now,
    today: () => toIsoDate(now()),
    kioskId: ctx.kioskId,
    ...(ctx.disclosurePolicy && { policy: ctx.disclosurePolicy }),
  });

  return {
    startBatchCheck: (input) =>
      guard<StaffOutputs['startBatchCheck']>(ctx, 'startBatchCheck', async () => {
        const asked = authorisedItem(ctx, input.token, 'batch', input.itemId);
        if ('ok' in asked) return asked;
        const { session: s, catalogue, item } = asked;
        let table: string[][];
        try {
          table = await readBatchTable(Buffer.from(input.dataBase64, 'base64'), input.format);
        } catch (err) {
          if (err instanceof BatchFileError) return deny('INVALID_INPUT', err.message);
          throw err;
        }
        const { rows } = tableToBatchRows(table);
        if (rows.length === 0) return deny('INVALID_INPUT', '文件中没有数据行 / no rows in the file');
        const max = MAX_BATCH_ROWS[s.role];
        if (rows.length > max) return deny('INVALID_INPUT', `超过 ${max} 行 / more than ${max} rows for role ${s.role}`);
        const info = await ctx.cache.dataInfo();
        const { batch, finished } = batches.start({ rows, item, catalogue, fileName: input.fileName, staffNo: s.staffNo, dataAsOf: info.dataAsOf });
        batchDone.set(batch.summary.batchId, finished);
        log.info({ event: 'batch-started', staffNo: s.staffNo, item: item.id, rows: rows.length }, 'batch check started');
        return ok({ ...batch.summary, counts: { ...batch.summary.counts } });
      }),

    getBatchResult: async (input) => {
      const s = authorised(ctx, input.token, 'batch');
      if (!isSession(s)) return s;
      const batch = batches.get(input.batchId);
      if (!batch || (batch.staffNo !== s.staffNo && !can(s.role, 'stats-all'))) return deny('INVALID_INPUT', 'batchId');
      return ok(batches.page(batch, input));
    },

    exportBatch: (input) =>
      guard<StaffOutputs['exportBatch']>(ctx, 'exportBatch', async () => {
        const s = authorised(ctx, input.token, 'batch');
        if (!isSession(s)) return s;
        const batch = batches.get(input.batchId);
        if (!batch || (batch.staffNo !== s.staffNo && !can(s.role, 'stats-all'))) return deny('INVALID_INPUT', 'batchId');
        if (batch.summary.state === 'running') return deny('INVALID_INPUT', '批量核查尚未完成 / the batch is still running');
        const shown = { at: formatDisplayTime(now(), ctx.timeZone), timeZone: ctx.timeZone, names: catalogueNames(ctx.catalogue()) };
        const base = `批量核查-${batch.summary.batchId}`;
        let out: FileView;
        if (input.format === 'xlsx') out = fileView(`${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await batchXlsx(batch, shown));
        else if (input.format === 'pdf') out = fileView(`${base}.pdf`, 'application/pdf', (await batchPdf(batch, shown)).pdf);
        else out = fileView(`${base}.csv`, 'text/csv', Buffer.from(batchCsv(batch, shown), 'utf8'));
        audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'display', itemId: batch.item.id, result: `batch-export-${input.format}`, detail: { batchId: batch.summary.batchId, rows: batch.rows.length } }));
        return ok(out);
      }),

    finished: (batchId) => batchDone.get(batchId) ?? Promise.resolve(),

    settle: async () => {
      await Promise.allSettled([...batchDone.values()]);
    },
  };
}
