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

  it('deletes printed files past the configured days, at start and before each print', async () => {
    const out = path.join(dir, 'purged');
    fs.mkdirSync(out, { recursive: true });
    const now = new Date('2026-12-07T08:00:00Z');
    const age = (file: string, days: number) => {
      const t = (now.getTime() - days * 86_400_000) / 1000;
      fs.utimesSync(file, t, t);
    };
    for (const [name, days] of [['old.pdf', 4], ['left.pdf.1.part', 4], ['fresh.pdf', 1], ['notes.txt', 9]] as const) {
      fs.writeFileSync(path.join(out, name), 'x');
      age(path.join(out, name), days);
    }
    const printer = new FilePrinter(out, { keepDays: 3, now: () => now });
    expect(fs.readdirSync(out).sort()).toEqual(['fresh.pdf', 'notes.txt']);
    age(path.join(out, 'fresh.pdf'), 5);
    await printer.print({ jobName: 'next', pdf: Buffer.from('%PDF') }, () => undefined);
    expect(fs.readdirSync(out).sort()).toEqual(['next.pdf', 'notes.txt']);
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
