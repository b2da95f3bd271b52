// Length-prefixed feature reports (an ICBC-branded reader): the frame travels
// without its preamble, in feature reports (report ID 0) whose payload begins with
// a 2-byte big-endian length. The host sends with SET_REPORT, then polls
// GET_REPORT until the whole reply is in; a length of 0 means "not ready yet".
import { PREAMBLE } from '../samFrame';
import { systemTimers, type TimerHandle, type Timers } from '../timers';
import type { HidPort, ReaderTransport } from './transport';
import { closedError, createTransportShell } from './transportShell';

export const FEATURE_REPORT_SIZE = 64;

/** Bytes as length-prefixed segments, each padded to the report size. */
export function encodeFeatureSegments(bytes: Uint8Array, reportSize: number): Uint8Array[] {
  const room = reportSize - 2;
  const segments: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += room) {
    const chunk = bytes.subarray(i, Math.min(bytes.length, i + room));
    const seg = new Uint8Array(reportSize);
    seg[0] = chunk.length >> 8;
    seg[1] = chunk.length & 0xff;
    seg.set(chunk, 2);
    segments.push(seg);
  }
  return segments;
}

/** A segment's content; null for "nothing yet" or a length the report cannot hold. */
export function decodeFeatureSegment(report: Uint8Array): Uint8Array | null {
  if (report.length < 2) return null;
  const len = (report[0]! << 8) | report[1]!;
  if (len === 0 || len > report.length - 2) return null;
  return report.subarray(2, 2 + len);
}

export interface FeatureLengthOptions {
  reportSize?: number;
  /** Pause between GET_REPORTs while the SAM works. */
  pollMs?: number;
  /** Stop polling after this many empty answers in a row (the loop's own timeout decides the rest). */
  maxEmptyPolls?: number;
  timers?: Timers;
}

export function createFeatureLengthTransport(port: HidPort, options: FeatureLengthOptions = {}): ReaderTransport {
  const reportSize = options.reportSize ?? FEATURE_REPORT_SIZE;
  const pollMs = options.pollMs ?? 10;
  const maxEmptyPolls = options.maxEmptyPolls ?? 500;
  const timers = options.timers ?? systemTimers();
  const shell = createTransportShell('feature-length', async () => {
    timers.clearTimeout(timer);
    await port.close();
  });
  port.onError((error) => shell.closeWith(error));
  shell.transport.onClose(() => timers.clearTimeout(timer));

  let timer: TimerHandle | undefined;
  let generation = 0;

  const pollReply = (gen: number): void => {
    let received = 0;
    let expected: number | undefined;
    let empty = 0;
    const head: number[] = [];
    const step = async (): Promise<void> => {
      if (gen !== generation || shell.closed) return;
      let report: Uint8Array;
      try {
        report = await port.getFeatureReport(reportSize);
      } catch (error) {
        shell.closeWith(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (gen !== generation || shell.closed) return;
      const seg = decodeFeatureSegment(report);
      if (!seg) {
        if (++empty < maxEmptyPolls) timer = timers.setTimeout(() => void step(), pollMs);
        return;
      }
      empty = 0;
      if (received === 0) {
        // Put the preamble back so the one de-framer handles this profile too.
        const whole = new Uint8Array(PREAMBLE.length + seg.length);
        whole.set(PREAMBLE);
        whole.set(seg, PREAMBLE.length);
        shell.data(whole);
      } else {
        shell.data(seg.slice());
      }
      // The stripped frame begins with LEN: the reply is complete at 2 + LEN bytes.
      for (let i = 0; i < seg.length && head.length < 2; i++) head.push(seg[i]!);
      if (expected === undefined && head.length === 2) expected = 2 + ((head[0]! << 8) | head[1]!);
      received += seg.length;
      if (expected === undefined || received < expected) timer = timers.setTimeout(() => void step(), 0);
    };
    timer = timers.setTimeout(() => void step(), pollMs);
  };

  return {
    ...shell.transport,
    async write(frame) {
      if (shell.closed) throw closedError('feature-length');
      timers.clearTimeout(timer);
      const gen = ++generation;
      for (const seg of encodeFeatureSegments(frame.subarray(PREAMBLE.length), reportSize)) await port.sendFeatureReport(seg);
      pollReply(gen);
    },
  };
}
