// The demo printer: each job becomes a PDF file in a folder (written whole, then
// renamed, so a half-written file never looks like a finished report).
import fs from 'node:fs';
import path from 'node:path';
import type { PrinterStatus } from '../../common/contract/views';
import type { PrinterAdapter, PrintJobUpdate, PrintRequest } from './printerAdapter';

export class FilePrinter implements PrinterAdapter {
  constructor(private readonly dir: string) {}

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
