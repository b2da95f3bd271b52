// CUPS over IPP: Print-Job, then Get-Job-Attributes until the job ends. A job sent
// while the printer is stopped waits (state 'waiting', with a message for the person)
// up to a limit, then is cancelled in CUPS and reported 'failed': it is never silently
// lost, and never printed later into an empty hall.
import ippDefault, { type IppMessage, type IppPrinter, type IppResponse } from 'ipp';
import os from 'node:os';
import type { PrinterState, PrinterStatus } from '../../common/contract/views';
import type { PrinterAdapter, PrintJobUpdate, PrintRequest } from './printerAdapter';
import { normaliseReasons, reasonMessage } from './printerReasons';

export interface CupsPrinterOptions {
  /** e.g. ipp://localhost:631/printers/kiosk-pdf */
  url: string;
  /** Display name; default the queue name from the URL. */
  name?: string;
  /** requesting-user-name sent with each job; default the local account the kiosk runs as (see localUserName). */
  userName?: string;
  pollMs?: number;
  /** How long a job may wait for a stopped printer before it is cancelled and reported failed. */
  stoppedWaitMs?: number;
  /** Upper bound for a whole job. */
  jobTimeoutMs?: number;
  /** Deadline of each IPP request to CUPS (default 10 s): a scheduler that hangs or trickles is given up on. */
  requestDeadlineMs?: number;
  /** Injected for tests; default the `ipp` package. */
  ipp?: { Printer(url: string): IppPrinter };
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const CUPS_MESSAGES = {
  unreachable: '无法连接打印服务，请联系工作人员',
  notAccepting: '打印机暂不接受打印任务，请联系工作人员',
  rejected: '打印机拒绝了打印任务，请联系工作人员',
  waiting: (why: string) => `${why}。报告已在打印队列中等待，恢复后将自动打印，请稍候`,
  gaveUp: (why: string) => `${why}，等待超时，本次打印已取消，请联系工作人员后重新打印`,
  timeout: '打印超时，本次打印已取消，请联系工作人员',
  aborted: '打印失败，请联系工作人员',
  canceled: '打印任务已被取消，请联系工作人员',
} as const;

const PRINTER_STATES: Record<string, PrinterState> = { idle: 'idle', processing: 'printing', stopped: 'stopped', '3': 'idle', '4': 'printing', '5': 'stopped' };

export class CupsPrinter implements PrinterAdapter {
  private readonly printer: IppPrinter;
  private readonly name: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly userName: string;

  constructor(private readonly options: CupsPrinterOptions) {
    this.userName = options.userName ?? localUserName();
    this.printer = (options.ipp ?? ippDefault).Printer(options.url);
    this.name = options.name ?? decodeURIComponent(options.url.replace(/\/+$/, '').split('/').pop() ?? options.url);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  async status(): Promise<PrinterStatus> {
    try {
      const attrs = await this.printerAttributes();
      const state = PRINTER_STATES[String(attrs['printer-state'])] ?? 'unavailable';
      const reasons = normaliseReasons(attrs['printer-state-reasons']);
      const accepting = attrs['printer-is-accepting-jobs'] !== false;
      const effective: PrinterState = !accepting && state !== 'stopped' ? 'stopped' : state;
      const message = reasonMessage(reasons) ?? (accepting ? undefined : CUPS_MESSAGES.notAccepting);
      return { state: effective, name: this.name, kind: 'cups', reasons: reasons.length ? reasons : ['none'], ...(message !== undefined && effective !== 'idle' && { message }) };
    } catch {
      return { state: 'unavailable', name: this.name, kind: 'cups', reasons: ['offline'], message: CUPS_MESSAGES.unreachable };
    }
  }

  async print(request: PrintRequest, onUpdate: (update: PrintJobUpdate) => void): Promise<PrintJobUpdate> {
    let last: PrintJobUpdate | null = null as PrintJobUpdate | null;
    // Progress goes to onUpdate once per change; the end state is the return value.
    let jobTag: { jobId?: string } = {};
    const report = (update: PrintJobUpdate): PrintJobUpdate => {
      const u = { ...update, ...jobTag };
      if (u.state === 'completed' || u.state === 'failed') return u;
      if (!last || last.state !== u.state || last.message !== u.message) onUpdate(u);
      last = u;
      return u;
    };
    let jobId: number;
    try {
      const before = await this.status();
      if (before.state === 'unavailable') return report({ state: 'failed', message: before.message ?? CUPS_MESSAGES.unreachable });
      const res = await this.execute('Print-Job', {
        'operation-attributes-tag': {
          'requesting-user-name': this.userName,
          'job-name': request.jobName,
          'document-format': 'application/pdf',
        },
        data: Buffer.from(request.pdf.buffer, request.pdf.byteOffset, request.pdf.byteLength),
      });
      const id = res['job-attributes-tag']?.['job-id'];
      if (!res.statusCode.startsWith('successful') || typeof id !== 'number') {
        return report({ state: 'failed', message: res.statusCode === 'server-error-not-accepting-jobs' ? CUPS_MESSAGES.notAccepting : CUPS_MESSAGES.rejected });
      }
      jobId = id;
      jobTag = { jobId: String(id) };
    } catch {
      return report({ state: 'failed', message: CUPS_MESSAGES.unreachable });
    }
    report({ state: 'queued' });

    const started = this.now();
    let stoppedSince: number | null = null;
    const pollMs = this.options.pollMs ?? 1000;
    for (;;) {
      let job: Record<string, unknown>;
      try {
        job = await this.jobAttributes(jobId);
      } catch {
        // A transient hiccup of cupsd must not lose the job: ask again on the next round.
        await this.sleep(pollMs);
        if (this.now() - started > (this.options.jobTimeoutMs ?? 600_000)) return report({ state: 'failed', message: CUPS_MESSAGES.unreachable });
        continue;
      }
      const state = String(job['job-state']);
      if (state === 'completed' || state === '9') return report({ state: 'completed' });
      if (state === 'aborted' || state === '8') return report({ state: 'failed', message: CUPS_MESSAGES.aborted });
      if (state === 'canceled' || state === '7') return report({ state: 'failed', message: CUPS_MESSAGES.canceled });

      const printer = await this.status();
      const blocked = printer.state === 'stopped' || state === 'processing-stopped' || state === '6';
      if (blocked) {
        stoppedSince ??= this.now();
        const why = printer.message ?? CUPS_MESSAGES.notAccepting;
        if (this.now() - stoppedSince >= (this.options.stoppedWaitMs ?? 120_000)) {
          await this.cancel(jobId);
          return report({ state: 'failed', message: CUPS_MESSAGES.gaveUp(why) });
        }
        report({ state: 'waiting', message: CUPS_MESSAGES.waiting(why) });
      } else {
        stoppedSince = null;
        report({ state: state === 'processing' || state === '5' ? 'printing' : 'queued' });
      }
      if (this.now() - started > (this.options.jobTimeoutMs ?? 600_000)) {
        await this.cancel(jobId);
        return report({ state: 'failed', message: CUPS_MESSAGES.timeout });
      }
      await this.sleep(pollMs);
    }
  }

  private async printerAttributes(): Promise<Record<string, unknown>> {
    const res = await this.execute('Get-Printer-Attributes', {
      'operation-attributes-tag': { 'requested-attributes': ['printer-state', 'printer-state-reasons', 'printer-is-accepting-jobs', 'printer-state-message'] },
    });
    if (!res.statusCode.startsWith('successful')) throw new Error(`Get-Printer-Attributes: ${res.statusCode}`);
    return res['printer-attributes-tag'] ?? {};
  }

  private async jobAttributes(jobId: number): Promise<Record<string, unknown>> {
    const res = await this.execute('Get-Job-Attributes', {
      'operation-attributes-tag': { 'job-id': jobId, 'requested-attributes': ['job-state', 'job-state-reasons', 'job-state-message'] },
    });
    if (!res.statusCode.startsWith('successful')) throw new Error(`Get-Job-Attributes: ${res.statusCode}`);
    return res['job-attributes-tag'] ?? {};
  }

  private async cancel(jobId: number): Promise<void> {
    try {
      await this.execute('Cancel-Job', { 'operation-attributes-tag': { 'job-id': jobId, 'requesting-user-name': this.userName } });
    } catch {
      // Reported failed either way; an operator sees the job in CUPS if the cancel did not land.
    }
  }

  /** One IPP request, settled by its deadline at the latest (the ipp package has no timeout of its own). */
  private execute(operation: string, message: IppMessage): Promise<IppResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${operation}: no answer from CUPS within its deadline`)), this.options.requestDeadlineMs ?? 10_000);
      this.printer.execute(operation, message, (err, res) => {
        clearTimeout(timer);
        if (err) reject(err);
        else resolve(res);
      });
    });
  }
}

/**
 * The account the kiosk runs as, as `lp` names it. CUPS checks job ownership against
 * local accounts, and Debian 12's cupsd (2.4.2-3+deb12u10) crashes on a Cancel-Job from
 * a user name no account has — a made-up name would take the print server down with it.
 */
export function localUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'credit-kiosk';
  }
}

/** ipp://localhost:631/printers/NAME, the CLI's and config's default for a queue name. */
export function defaultCupsUrl(queue: string): string {
  return `ipp://localhost:631/printers/${encodeURIComponent(queue)}`;
}
