// A printer as the services see it: file (demo), CUPS over IPP, or the Windows spooler.
import type { PrinterStatus, PrintJobState } from '../../common/contract/views';

export interface PrintRequest {
  jobName: string;
  pdf: Uint8Array;
}

export interface PrintJobUpdate {
  state: PrintJobState;
  message?: string;
  /** Where a file printer wrote the document. */
  outputPath?: string;
}

export interface PrinterAdapter {
  status(): Promise<PrinterStatus>;
  /**
   * Submits a document and reports its progress until an end state
   * ('completed' or 'failed'); resolves with that end state.
   */
  print(request: PrintRequest, onUpdate: (update: PrintJobUpdate) => void): Promise<PrintJobUpdate>;
}
