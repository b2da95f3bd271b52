// The printer the configuration names: file (demo), CUPS over IPP, or the Windows spooler.
import path from 'node:path';
import type { KioskConfig } from '../config/kioskConfig';
import { CupsPrinter } from './cupsPrinter';
import { FilePrinter } from './filePrinter';
import type { PrinterAdapter } from './printerAdapter';
import { WindowsPrinter } from './windowsPrinter';

export function createPrinter(config: KioskConfig['printer'], context: { dataDir: string; printedFileDays?: number }): PrinterAdapter {
  switch (config.kind) {
    case 'file':
      return new FilePrinter(config.dir ? path.resolve(context.dataDir, config.dir) : path.join(context.dataDir, 'printed'), {
        ...(context.printedFileDays !== undefined && { keepDays: context.printedFileDays }),
      });
    case 'cups':
      return new CupsPrinter({ url: config.url, name: config.name });
    case 'windows':
      return new WindowsPrinter({ name: config.name });
  }
}
