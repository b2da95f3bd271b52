// The Windows adapter against a stubbed pdf-to-printer and a stubbed PowerShell.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WindowsPrinter, type PdfToPrinterModule, type RunCommand } from '../../../src-main/node/printing/windowsPrinter';

const run = (json: object | string): RunCommand => async () => ({ stdout: typeof json === 'string' ? json : JSON.stringify(json) });

describe('WindowsPrinter', () => {
  it('reads Win32_Printer state into PrinterStatus', async () => {
    expect(await new WindowsPrinter({ name: 'HP LaserJet', run: run({ PrinterStatus: 3, WorkOffline: false, DetectedErrorState: 0 }) }).status()).toMatchObject({ state: 'idle', kind: 'windows', reasons: ['none'] });
    const empty = await new WindowsPrinter({ name: 'HP', run: run({ PrinterStatus: 1, WorkOffline: false, DetectedErrorState: 4 }) }).status();
    expect(empty).toMatchObject({ state: 'stopped', reasons: ['media-empty'] });
    expect(empty.message).toContain('缺纸');
    expect((await new WindowsPrinter({ name: 'HP', run: run({ PrinterStatus: 7, WorkOffline: true }) }).status()).state).toBe('stopped');
    expect((await new WindowsPrinter({ name: 'Nope', run: run('') }).status()).state).toBe('unavailable');
    const failing: RunCommand = async () => {
      throw new Error('powershell missing');
    };
    expect((await new WindowsPrinter({ name: 'HP', run: failing }).status()).state).toBe('unavailable');
  });

  it('hands the PDF to the spooler by name, then removes the temp copy', async () => {
    const calls: Array<{ file: string; options: unknown; bytes: Buffer }> = [];
    const module: PdfToPrinterModule = {
      print: async (file, options) => {
        calls.push({ file, options, bytes: fs.readFileSync(file) });
      },
    };
    const printer = new WindowsPrinter({ name: 'HP LaserJet', module, run: run({ PrinterStatus: 3 }) });
    const updates: string[] = [];
    const end = await printer.print({ jobName: 'credit-report-20261121100304A1B2C3D4', pdf: Buffer.from('%PDF-1.7 test') }, (u) => updates.push(u.state));
    expect(end).toEqual({ state: 'completed' });
    expect(updates).toEqual(['printing']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toMatchObject({ printer: 'HP LaserJet', silent: true });
    expect(calls[0]!.bytes.toString()).toBe('%PDF-1.7 test');
    expect(fs.existsSync(calls[0]!.file)).toBe(false);
  });

  it('fails clearly when the spooler refuses or the printer is stopped', async () => {
    const module: PdfToPrinterModule = {
      print: async () => {
        throw new Error('spooler error 1801');
      },
    };
    const end = await new WindowsPrinter({ name: 'HP', module, run: run({ PrinterStatus: 3 }) }).print({ jobName: 'x', pdf: Buffer.from('%PDF') }, () => undefined);
    expect(end.state).toBe('failed');
    expect(end.message).toContain('1801');
    const jammed = await new WindowsPrinter({ name: 'HP', module, run: run({ PrinterStatus: 1, DetectedErrorState: 8 }) }).print({ jobName: 'x', pdf: Buffer.from('%PDF') }, () => undefined);
    expect(jammed.state).toBe('failed');
    expect(jammed.message).toContain('卡纸');
  });
});
