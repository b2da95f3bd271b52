// `credit-kiosk print FILE [--printer NAME] [--ipp-url URL] [--json]`: prints a PDF and
// waits for the job's end state. With --printer or --ipp-url: CUPS over IPP (on Windows,
// --printer names a spooler printer); otherwise the configured printer.
// Exit 0 completed, 1 failed, 2 usage.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import type { PrintJobUpdate } from '../../node/printing/printerAdapter';
import type { PrinterAdapter } from '../../node/printing/printerAdapter';
import { modeDataDir } from '../../node/config/dataFolders';
import { createPrinter } from '../../node/printing/createPrinter';
import { CupsPrinter, defaultCupsUrl } from '../../node/printing/cupsPrinter';
import { WindowsPrinter } from '../../node/printing/windowsPrinter';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE, EXIT_USAGE } from '../output';

interface PrintOptions {
  json?: boolean;
  printer?: string;
  ippUrl?: string;
  waitStopped?: string;
}

export function register(program: Command): void {
  program
    .command('print')
    .description('打印 PDF 并等待结果 / print a PDF and wait for the job to end')
    .argument('[file]', 'the PDF to print')
    .option('--printer <name>', 'CUPS queue (or Windows printer) name')
    .option('--ipp-url <url>', 'IPP URL of the printer (default ipp://localhost:631/printers/NAME)')
    .option('--wait-stopped <seconds>', 'how long to wait for a stopped printer before giving up', '120')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, options: PrintOptions) => {
      if (!file) {
        emitError(options, 'USAGE', '请提供要打印的文件 / give the file: credit-kiosk print FILE', EXIT_USAGE);
        return;
      }
      const waitSeconds = Number(options.waitStopped);
      if (!Number.isFinite(waitSeconds) || waitSeconds < 0) {
        emitError(options, 'USAGE', '--wait-stopped 须为非负秒数 / --wait-stopped must be seconds ≥ 0', EXIT_USAGE);
        return;
      }
      let pdf: Buffer;
      try {
        pdf = fs.readFileSync(file);
      } catch (err) {
        emitError(options, 'USAGE', `无法读取文件 / cannot read: ${(err as Error).message}`, EXIT_USAGE);
        return;
      }
      let printer: PrinterAdapter;
      try {
        printer = choosePrinter(options, waitSeconds * 1000);
      } catch (err) {
        emitError(options, 'USAGE', (err as Error).message, EXIT_USAGE);
        return;
      }
      const updates: PrintJobUpdate[] = [];
      const jobName = path.basename(file).replace(/\.pdf$/i, '');
      const end = await printer.print({ jobName, pdf }, (u) => {
        updates.push(u);
        if (!options.json) process.stderr.write(`… ${u.state}${u.message ? `: ${u.message}` : ''}\n`);
      });
      const result = { state: end.state, message: end.message ?? null, outputPath: end.outputPath ?? null, jobName, updates: updates.map((u) => u.state) };
      emit(options, result, end.state === 'completed' ? `已完成 / completed${end.outputPath ? `: ${end.outputPath}` : ''}` : `失败 / failed: ${end.message ?? ''}`);
      if (end.state !== 'completed') process.exitCode = EXIT_NEGATIVE;
    });
}

function choosePrinter(options: PrintOptions, stoppedWaitMs: number): PrinterAdapter {
  if (options.ippUrl || (options.printer && process.platform !== 'win32')) {
    const url = options.ippUrl ?? defaultCupsUrl(options.printer!);
    return new CupsPrinter({ url, ...(options.printer && { name: options.printer }), stoppedWaitMs });
  }
  if (options.printer) return new WindowsPrinter({ name: options.printer });
  const config = cliConfig();
  return createPrinter(config.printer, { dataDir: modeDataDir(config), printedFileDays: config.retention.printedFileDays });
}
