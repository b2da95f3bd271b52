// The demo printer: each job becomes a PDF file in a folder (written whole, then
// renamed, so a half-written file never looks like a finished report).
import fs from 'node:fs';
import path from 'node:path';
import type { PrinterStatus } from '../../common/contract/views';
import type { PrinterAdapter, PrintJobUpdate, PrintRequest } from './printerAdapter';

export interface FilePrinterOptions {
  /** Printed files (reports with personal data) are deleted after this many days; 0 keeps none past the next print. */
  keepDays?: number;
  now?: () => Date;
}

export const DEFAULT_PRINTED_FILE_DAYS = 1;

export class FilePrinter implements PrinterAdapter {
  constructor(
    private readonly dir: string,
    private readonly options: FilePrinterOptions = {},
  ) {
    this.purge();
  }

  /** Deletes printed files (and abandoned partial ones) older than the kept days; returns how many. */
  purge(): number {
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const cutoff = now - (this.options.keepDays ?? DEFAULT_PRINTED_FILE_DAYS) * 86_400_000;
    let removed = 0;
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0; // no folder yet: nothing printed
    }
    for (const name of names) {
      if (!name.endsWith('.pdf') && !name.endsWith('.part')) continue;
      const file = path.join(this.dir, name);
      try {
        if (fs.statSync(file).mtimeMs < cutoff) {
          fs.rmSync(file, { force: true });
          removed += 1;
        }
      } catch {
        // Gone meanwhile, or not ours to remove: the next purge tries again.
      }
    }
    return removed;
  }

  async status(): Promise<PrinterStatus> {
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.accessSync(this.dir, fs.constants.W_OK);
      return { state: 'idle', name: '文件打印机（演示）', kind: 'file', reasons: ['none'] };
    } catch {
      return { state: 'unavailable', name: '文件打印机（演示）', kind: 'file', reasons: ['offline'], message: '输出目录不可写 / output folder not writable' };
    }
  }

  async print(request: PrintRequest, onUpdate: (update: PrintJobUpdate) => void): Promise<PrintJobUpdate> {
    onUpdate({ state: 'printing' });
    this.purge();
    const safeName = request.jobName.replace(/[^A-Za-z0-9._-]/g, '_');
    const target = path.join(this.dir, `${safeName}.pdf`);
    const temp = `${target}.${process.pid}.part`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const fd = fs.openSync(temp, 'w', 0o600);
      try {
        fs.writeSync(fd, request.pdf);
        // On disk before it gets its final name: a power cut leaves no truncated report.
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
      return { state: 'completed', outputPath: target };
    } catch (err) {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // The folder itself is the problem; there is no partial file to remove.
      }
      const full = (err as NodeJS.ErrnoException).code === 'ENOSPC';
      return { state: 'failed', message: full ? '存储空间已满 / storage full' : '无法写入输出文件 / could not write the output file' };
    }
  }
}
