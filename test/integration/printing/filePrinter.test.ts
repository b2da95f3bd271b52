import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilePrinter } from '../../../src-main/node/printing/filePrinter';
import type { PrintJobUpdate } from '../../../src-main/node/printing/printerAdapter';
import { issue, pdftotext, tempDir } from '../report/reportTestKit';

const dir = tempDir('file-printer');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('FilePrinter (the demo printer)', () => {
  it('writes the whole PDF into its folder and reports completed with the path', async () => {
    const report = await issue(dir);
    const printer = new FilePrinter(path.join(dir, 'printed'));
    expect(await printer.status()).toMatchObject({ state: 'idle', kind: 'file' });
    const updates: PrintJobUpdate[] = [];
    const end = await printer.print({ jobName: `credit-report-${report.reportNumber}`, pdf: report.pdf }, (u) => updates.push(u));
    expect(end.state).toBe('completed');
    expect(updates.map((u) => u.state)).toEqual(['printing']);
    expect(fs.readFileSync(end.outputPath!)).toEqual(report.pdf);
    expect(fs.readdirSync(path.join(dir, 'printed')).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(pdftotext(end.outputPath!).replace(/\s+/g, '')).toContain(report.reportNumber);
  });

  it('fails clearly when it cannot write', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const printer = new FilePrinter(blocker);
    expect((await printer.status()).state).toBe('unavailable');
    const end = await printer.print({ jobName: 'x', pdf: Buffer.from('%PDF') }, () => undefined);
    expect(end).toMatchObject({ state: 'failed' });
    expect(end.message).toBeTruthy();
  });
});
