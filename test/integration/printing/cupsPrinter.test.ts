// Real CUPS: the `kiosk-pdf` queue made by scripts/ci-cups-setup.sh (cups-pdf backend).
// These tests fail, loudly, when CUPS is not set up: CI runs the setup script first.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerPrint } from '../../../src-main/cli/commands/print';
import { CUPS_MESSAGES, CupsPrinter, defaultCupsUrl } from '../../../src-main/node/printing/cupsPrinter';
import type { PrintJobUpdate } from '../../../src-main/node/printing/printerAdapter';
import type { IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { issue, pdftotext, tempDir } from '../report/reportTestKit';

const QUEUE = process.env.KIOSK_CUPS_QUEUE ?? 'kiosk-pdf';
const OUT_DIR = process.env.KIOSK_CUPS_PDF_DIR ?? '/var/spool/cups-pdf/ANONYMOUS';
const URL = process.env.KIOSK_CUPS_URL ?? defaultCupsUrl(QUEUE);

function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function requireCups(): void {
  let running = '';
  try {
    running = sh('lpstat', ['-r']);
    sh('lpstat', ['-p', QUEUE]);
  } catch (err) {
    throw new Error(`CUPS with the ${QUEUE} queue is required: run \`sudo bash scripts/ci-cups-setup.sh\` (${(err as Error).message})`);
  }
  if (!/is running/.test(running)) throw new Error('cupsd is not running: run `sudo bash scripts/ci-cups-setup.sh`');
}

async function waitForFile(match: (name: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = fs.existsSync(OUT_DIR) ? fs.readdirSync(OUT_DIR).find(match) : undefined;
    if (found) {
      const file = path.join(OUT_DIR, found);
      // cups-pdf writes, then hands the file over; wait until it is readable and whole.
      try {
        if (fs.readFileSync(file).subarray(-8).toString('latin1').includes('EOF')) return file;
      } catch {
        // not yet readable
      }
    }
    if (Date.now() > until) throw new Error(`no cups-pdf output in ${OUT_DIR}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let dir: string;
let report: IssuedReportResult;

beforeAll(async () => {
  requireCups();
  sh('cupsenable', [QUEUE]);
  dir = tempDir('cups');
  report = await issue(dir);
});
afterEach(() => {
  // Whatever a test did, the queue is left enabled for the next one.
  sh('cupsenable', [QUEUE]);
});
// Without CUPS the set-up fails before making a folder; that failure is the one to report.
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

describe('CupsPrinter against real CUPS', () => {
  it('reports an idle printer', async () => {
    expect(await new CupsPrinter({ url: URL }).status()).toMatchObject({ state: 'idle', kind: 'cups', name: QUEUE, reasons: ['none'] });
  });

  it('prints a report over IPP, waits for completed, and the output reads back', async () => {
    const printer = new CupsPrinter({ url: URL, pollMs: 250 });
    const updates: PrintJobUpdate[] = [];
    const end = await printer.print({ jobName: `credit-report-${report.reportNumber}`, pdf: report.pdf }, (u) => updates.push(u));
    expect(end).toMatchObject({ state: 'completed' });
    expect(updates[0]?.state).toBe('queued');
    const jobId = end.jobId!;
    const file = await waitForFile((name) => name.includes(report.reportNumber) && name.endsWith(`job_${jobId}.pdf`));
    const text = pdftotext(file).replace(/\s+/g, '');
    expect(text).toContain(report.reportNumber);
    expect(text).toContain('演示市青禾智能科技有限公司');
    expect(text).toContain('公共信用信息报告');
  });

  it('a stopped printer: status says so, the job waits with a message, then fails clearly and is cancelled', async () => {
    sh('cupsdisable', ['-r', 'test: paused', QUEUE]);
    const printer = new CupsPrinter({ url: URL, pollMs: 200, stoppedWaitMs: 1500 });
    const status = await printer.status();
    expect(status.state).toBe('stopped');
    expect(status.reasons).toContain('paused');
    expect(status.message).toContain('暂停');
    const updates: PrintJobUpdate[] = [];
    const end = await printer.print({ jobName: 'credit-report-stopped', pdf: report.pdf }, (u) => updates.push(u));
    const waiting = updates.find((u) => u.state === 'waiting');
    expect(waiting?.message).toContain('等待');
    expect(end.state).toBe('failed');
    expect(end.message).toBe(CUPS_MESSAGES.gaveUp(status.message!));
    // Never printed later into an empty hall: the job is gone from the queue.
    expect(sh('lpstat', ['-o', QUEUE])).not.toContain(`${QUEUE}-${end.jobId} `);
    // …and the cancel, sent as the local account the kiosk runs as, left the print server running.
    expect(sh('lpstat', ['-r'])).toContain('is running');
  });

  it('a printer resumed while the job waits: the job completes', async () => {
    sh('cupsdisable', [QUEUE]);
    const printer = new CupsPrinter({ url: URL, pollMs: 200, stoppedWaitMs: 60_000 });
    const updates: PrintJobUpdate[] = [];
    const end = await printer.print({ jobName: `credit-report-resumed-${report.reportNumber}`, pdf: report.pdf }, (u) => {
      updates.push(u);
      if (u.state === 'waiting') sh('cupsenable', [QUEUE]);
    });
    expect(updates.map((u) => u.state)).toContain('waiting');
    expect(end.state).toBe('completed');
  });

  it('an unreachable CUPS is unavailable, and a job there fails at once', async () => {
    const printer = new CupsPrinter({ url: 'ipp://127.0.0.1:9/printers/none' });
    expect((await printer.status()).state).toBe('unavailable');
    expect(await printer.print({ jobName: 'x', pdf: report.pdf }, () => undefined)).toMatchObject({ state: 'failed', message: CUPS_MESSAGES.unreachable });
  });
});

describe('credit-kiosk print', () => {
  it('prints to a CUPS queue by name and reports the end state as JSON', async () => {
    const file = path.join(dir, `cli-${report.reportNumber}.pdf`);
    fs.writeFileSync(file, report.pdf);
    const program = new Command().exitOverride();
    registerPrint(program);
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const saved = process.exitCode;
    process.exitCode = 0;
    try {
      await program.parseAsync(['node', 'credit-kiosk', 'print', file, '--printer', QUEUE, '--ipp-url', URL, '--json']);
      expect(process.exitCode).toBe(0);
    } finally {
      write.mockRestore();
      process.exitCode = saved;
    }
    expect(JSON.parse(out)).toMatchObject({ state: 'completed', jobName: `cli-${report.reportNumber}` });
  });
});
