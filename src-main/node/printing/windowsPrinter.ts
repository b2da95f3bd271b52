// The Windows spooler through pdf-to-printer (SumatraPDF underneath). Status comes from
// Win32_Printer over PowerShell: PrinterStatus, WorkOffline and DetectedErrorState.
// Both the module and the process runner are injected so tests run on any OS.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrinterStatus } from '../../common/contract/views';
import type { PrinterAdapter, PrintJobUpdate, PrintRequest } from './printerAdapter';
import { reasonMessage } from './printerReasons';

export interface PdfToPrinterModule {
  print(pdf: string, options?: { printer?: string; silent?: boolean; paperSize?: string; scale?: 'noscale' | 'shrink' | 'fit' }): Promise<void>;
}

export type RunCommand = (file: string, args: readonly string[]) => Promise<{ stdout: string }>;

export interface WindowsPrinterOptions {
  /** The printer's Windows name (Win32_Printer.Name). */
  name: string;
  /** Default: import('pdf-to-printer'). */
  module?: PdfToPrinterModule;
  run?: RunCommand;
  tempDir?: string;
}

/** Win32_Printer.DetectedErrorState → IPP-style reasons. */
const ERROR_STATES: Record<number, string> = { 3: 'toner-low', 4: 'media-empty', 5: 'toner-low', 6: 'toner-empty', 7: 'door-open', 8: 'media-jam', 9: 'offline', 10: 'other', 11: 'output-area-full', 12: 'media-empty' };

const defaultRun: RunCommand = (file, args) =>
  new Promise((resolve, reject) => execFile(file, [...args], { windowsHide: true, timeout: 15_000 }, (err, stdout) => (err ? reject(err) : resolve({ stdout: String(stdout) }))));

export class WindowsPrinter implements PrinterAdapter {
  constructor(private readonly options: WindowsPrinterOptions) {}

  async status(): Promise<PrinterStatus> {
    const base = { name: this.options.name, kind: 'windows' as const };
    try {
      const name = this.options.name.replace(/'/g, "''");
      const { stdout } = await (this.options.run ?? defaultRun)('powershell.exe', [
        '-NoProfile',
        '-Command',
        `[Console]::OutputEncoding = [System.Text.UTF8Encoding]::new($false); Get-CimInstance Win32_Printer -Filter "Name='${name}'" | Select-Object PrinterStatus,WorkOffline,DetectedErrorState | ConvertTo-Json -Compress`,
      ]);
      if (stdout.trim() === '') return { ...base, state: 'unavailable', reasons: ['offline'], message: '找不到打印机，请联系工作人员' };
      const info = JSON.parse(stdout) as { PrinterStatus?: number; WorkOffline?: boolean; DetectedErrorState?: number };
      const reasons: string[] = [];
      if (info.WorkOffline) reasons.push('offline');
      const err = ERROR_STATES[info.DetectedErrorState ?? 0];
      if (err) reasons.push(err);
      // PrinterStatus: 3 idle, 4 printing, 5 warmup, 7 offline; 1/2 other/unknown.
      const state = info.WorkOffline || info.PrinterStatus === 7 ? 'stopped' : info.PrinterStatus === 4 || info.PrinterStatus === 5 ? 'printing' : 'idle';
      const blocked = reasons.some((r) => r !== 'toner-low');
      const finalState = blocked ? 'stopped' : state;
      const message = finalState === 'idle' ? undefined : reasonMessage(reasons);
      return { ...base, state: finalState, reasons: reasons.length ? reasons : ['none'], ...(message !== undefined && { message }) };
    } catch {
      return { ...base, state: 'unavailable', reasons: ['offline'], message: '无法获取打印机状态，请联系工作人员' };
    }
  }

  async print(request: PrintRequest, onUpdate: (update: PrintJobUpdate) => void): Promise<PrintJobUpdate> {
    const before = await this.status();
    if (before.state === 'unavailable' || before.state === 'stopped') {
      return { state: 'failed', message: before.message ?? '打印机不可用，请联系工作人员' };
    }
    const dir = fs.mkdtempSync(path.join(this.options.tempDir ?? os.tmpdir(), 'credit-kiosk-print-'));
    const file = path.join(dir, `${request.jobName.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`);
    try {
      fs.writeFileSync(file, request.pdf, { mode: 0o600 });
      onUpdate({ state: 'printing' });
      const mod = this.options.module ?? ((await import('pdf-to-printer')) as unknown as PdfToPrinterModule);
      // SumatraPDF returns once the spooler has the job: that is as far as Windows reports.
      await mod.print(file, { printer: this.options.name, silent: true, paperSize: 'A4', scale: 'noscale' });
      return { state: 'completed' };
    } catch (err) {
      return { state: 'failed', message: `打印失败，请联系工作人员（${(err as Error).message ?? String(err)}）` };
    } finally {
      // The report holds personal data: it does not stay in a temp folder.
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
