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
  /** The spooler's job id (CUPS), for operators and logs. */
  jobId?: string;
}

export interface PrinterAdapter {
  status(): Promise<PrinterStatus>;
  /**
   * Submits a document and reports its progress (queued, printing, waiting) through
   * onUpdate, once per change; resolves with the end state ('completed' or 'failed'),
   * which is not also sent to onUpdate. Never rejects for a printer problem.
   */
  print(request: PrintRequest, onUpdate: (update: PrintJobUpdate) => void): Promise<PrintJobUpdate>;
}
