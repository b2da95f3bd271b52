// Every IPP request to CUPS has a deadline: a scheduler that answers a byte at a time
// makes the printer "unavailable" and the job "failed" within it, never a hung screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUPS_MESSAGES, CupsPrinter } from '../../../src-main/node/printing/cupsPrinter';
import { startTricklingServer, type TricklingServer } from '../tricklingServer';

let cups: TricklingServer;
beforeAll(async () => (cups = await startTricklingServer()));
afterAll(() => cups.close());

describe('CUPS request deadlines', () => {
  it('a trickling scheduler is given up on: status unavailable, the job failed', async () => {
    const printer = new CupsPrinter({ url: `ipp://127.0.0.1:${cups.port}/printers/slow`, requestDeadlineMs: 800 });
    expect(await printer.status()).toMatchObject({ state: 'unavailable', message: CUPS_MESSAGES.unreachable });
    expect(await printer.print({ jobName: 'x', pdf: Buffer.from('%PDF-1.4 trickle test') }, () => undefined)).toMatchObject({ state: 'failed', message: CUPS_MESSAGES.unreachable });
    expect(cups.requests()).toBeGreaterThanOrEqual(2);
  }, 15_000);
});
