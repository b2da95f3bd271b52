// Batch checks of 1,000-row lists (CSV and XLSX) with bad rows among them: every row
// answered, bad rows reported by row number, progress events, exports.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../src-main/common/codes/uscc';
import { csvLine } from '../../../src-main/common/staff/csvText';
import type { StaffService } from '../../../src-main/node/staff/staffService';
import { DINGSHENG_USCC, QINGHE_USCC, removeTempDirs, ZHOU_ID } from '../cache/cacheTestFiles';
import { signIn, STAFF, staffFixture, type Fixture } from './staffFixture';

/** Row i (0-based data row, file row i + 2): a mix of known, unknown, malformed and empty codes. */
function listRows(n: number): { rows: string[][]; expected: Map<number, string> } {
  const rows: string[][] = [['序号', '统一社会信用代码', '单位名称']];
  const expected = new Map<number, string>();
  for (let i = 0; i < n; i++) {
    const fileRow = i + 2;
    let code: string;
    let status: string;
    if (i % 100 === 7) [code, status] = ['91370303MA3C7K2P1X', 'invalid-code'];
    else if (i % 100 === 13) [code, status] = ['', 'missing-code'];
    else if (i % 100 === 21) [code, status] = ['12345', 'invalid-code'];
    else if (i % 10 === 0) [code, status] = [DINGSHENG_USCC, 'hit'];
    else if (i % 10 === 1) [code, status] = [ZHOU_ID, 'hit'];
    else if (i % 10 === 2) [code, status] = [QINGHE_USCC, 'hit'];
    else {
      const first = `91370303${String(i).padStart(6, '0')}MA3`;
      [code, status] = [first + usccCheckChar(first), 'not-found'];
    }
    rows.push([String(i + 1), code, `投标人${i + 1}`]);
    expected.set(fileRow, status);
  }
  return { rows, expected };
}

async function runBatch(service: StaffService, token: string, format: 'csv' | 'xlsx', data: Buffer) {
  const started = await service.startBatchCheck({ token, itemId: 'construction-bidding', fileName: `bidders.${format}`, format, dataBase64: data.toString('base64') });
  if (!started.ok) throw new Error(started.error.message);
  await service.batchFinished(started.value.batchId);
  const all = await service.getBatchResult({ token, batchId: started.value.batchId, pageSize: 500, page: 1 });
  const rest = await service.getBatchResult({ token, batchId: started.value.batchId, pageSize: 500, page: 2 });
  if (!all.ok || !rest.ok) throw new Error('no result');
  return { batchId: started.value.batchId, summary: all.value, rows: [...all.value.rows, ...rest.value.rows] };
}

let fx: Fixture;
let token: string;
beforeEach(async () => {
  fx = await staffFixture();
  token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
});
afterEach(async () => {
  await fx.close();
});
afterAll(() => removeTempDirs());

describe('batch checks', () => {
  it('checks a 1,000-row CSV: every row answered, bad rows reported by row number, progress events', async () => {
    const { rows, expected } = listRows(1000);
    const csv = Buffer.from(`\ufeff${rows.map(csvLine).join('\r\n')}\r\n`, 'utf8');
    const { summary, rows: results, batchId } = await runBatch(fx.service, token, 'csv', csv);
    expect(summary.state).toBe('done');
    expect(results).toHaveLength(1000);
    for (const r of results) expect([r.row, r.status]).toEqual([r.row, expected.get(r.row)]);
    expect(summary.counts['invalid-code']).toBe(20);
    expect(summary.counts['missing-code']).toBe(10);
    const missing = results.find((r) => r.status === 'missing-code')!;
    expect(missing.row).toBe(15); // data row 14 → file row 15, header is row 1
    expect(results.find((r) => r.code.startsWith('3703'))?.code).toMatch(/\*{10}/); // persons masked
    const progress = fx.events.filter((e) => e.type === 'batch-progress');
    expect(progress.length).toBeGreaterThanOrEqual(4);
    expect(progress.at(-1)).toMatchObject({ done: 1000, total: 1000 });
    expect(fx.events).toContainEqual({ type: 'batch-done', batchId, state: 'done' });
    const bad = await fx.service.getBatchResult({ token, batchId, filter: 'bad', pageSize: 500 });
    expect(bad.ok && bad.value.matching).toBe(summary.counts['invalid-code'] + summary.counts['missing-code'] + summary.counts['not-found']);
    // Every found row is a check in the audit chain, which still verifies.
    const v = fx.service.verifyAudit();
    expect(v.valid).toBe(true);
    expect(v.entries).toBeGreaterThan(summary.counts.hit);
  });

  it('checks the same list as XLSX and exports XLSX, PDF and CSV', async () => {
    const { rows, expected } = listRows(1000);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('投标人');
    for (const r of rows) sheet.addRow(r);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const { rows: results, batchId } = await runBatch(fx.service, token, 'xlsx', xlsx);
    expect(results).toHaveLength(1000);
    for (const r of results) expect([r.row, r.status]).toEqual([r.row, expected.get(r.row)]);

    const out = await fx.service.exportBatch({ token, batchId, format: 'xlsx' });
    if (!out.ok) throw new Error(out.error.message);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.value.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(back.worksheets[0]!.rowCount).toBe(1001);
    const pdf = await fx.service.exportBatch({ token, batchId, format: 'pdf' });
    expect(pdf.ok && Buffer.from(pdf.value.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await fx.service.exportBatch({ token, batchId, format: 'csv' });
    expect(csv.ok && Buffer.from(csv.value.dataBase64, 'base64').toString('utf8').split('\r\n').length).toBe(1002 + 0);
  });

  it('finds a subject by its 15-digit former registration number and shows that number unmasked', async () => {
    const csv = Buffer.from(`统一社会信用代码,单位名称\r\n370303200045678,青禾\r\n${ZHOU_ID},周\r\n`, 'utf8');
    const { rows } = await runBatch(fx.service, token, 'csv', csv);
    expect(rows[0]).toMatchObject({ row: 2, code: '370303200045678', status: 'hit' });
    expect(rows[1]).toMatchObject({ row: 3, code: `${ZHOU_ID.slice(0, 4)}**********${ZHOU_ID.slice(-4)}` });
  });

  it('exports what a person reads: measure names, Chinese-first reasons, China time', async () => {
    const { rows } = listRows(12);
    const csvIn = Buffer.from(`${rows.map(csvLine).join('\r\n')}\r\n`, 'utf8');
    const { batchId, rows: results } = await runBatch(fx.service, token, 'csv', csvIn);
    expect(results.find((r) => r.status === 'invalid-code')?.reason).toMatch(/^[\u4e00-\u9fff]/);
    const csv = await fx.service.exportBatch({ token, batchId, format: 'csv' });
    if (!csv.ok) throw new Error(csv.error.message);
    const text = Buffer.from(csv.value.dataBase64, 'base64').toString('utf8');
    expect(text).toContain('限制参与招标投标活动');
    expect(text).not.toMatch(/restrict-bidding|prudent-review/);
    const out = await fx.service.exportBatch({ token, batchId, format: 'xlsx' });
    if (!out.ok) throw new Error(out.error.message);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(Buffer.from(out.value.dataBase64, 'base64') as unknown as ArrayBuffer);
    const about = new Map<string, string>();
    back.getWorksheet('说明')!.eachRow((row) => about.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    // The fixture's clock stands at 2026-05-15T08:00Z: 16:00 in China.
    expect(about.get('开始时间')).toBe('2026-05-15 16:00');
    expect(about.get('导出时间')).toBe('2026-05-15 16:00');
    expect(about.get('数据截止')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('refuses a file that is not a workbook, and an empty list', async () => {
    const junk = await fx.service.startBatchCheck({ token, itemId: 'construction-bidding', fileName: 'x.xlsx', format: 'xlsx', dataBase64: Buffer.from('not a zip').toString('base64') });
    expect(!junk.ok && junk.error.code).toBe('INVALID_INPUT');
    const empty = await fx.service.startBatchCheck({ token, itemId: 'construction-bidding', fileName: 'x.csv', format: 'csv', dataBase64: Buffer.from('代码\r\n').toString('base64') });
    expect(!empty.ok && empty.error.code).toBe('INVALID_INPUT');
  });
});
