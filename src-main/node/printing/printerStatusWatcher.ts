// Polls a printer's status and tells listeners when it changes (state, reasons or
// message), so screens can say "缺纸" before a person presses 打印.
import type { PrinterStatus } from '../../common/contract/views';
import type { PrinterAdapter } from './printerAdapter';

export interface PrinterStatusWatcher {
  /** The latest status, or null before the first poll answered. */
  current(): PrinterStatus | null;
  /** Polls once now (also what the timer calls). */
  poll(): Promise<PrinterStatus>;
  stop(): void;
}

export function watchPrinterStatus(
  printer: PrinterAdapter,
  onChange: (status: PrinterStatus, previous: PrinterStatus | null) => void,
  options: { intervalMs?: number; timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } } = {},
): PrinterStatusWatcher {
  const timers = options.timers ?? { set: (fn, ms) => setInterval(fn, ms).unref(), clear: (h) => clearInterval(h as NodeJS.Timeout) };
  let latest: PrinterStatus | null = null;
  let inFlight: Promise<PrinterStatus> | null = null;
  const key = (s: PrinterStatus) => JSON.stringify([s.state, [...s.reasons].sort(), s.message ?? '']);
  const poll = (): Promise<PrinterStatus> => {
    // One question at a time: a slow printer must not pile up requests.
    inFlight ??= printer
      .status()
      .then((status) => {
        const previous = latest;
        latest = status;
        if (!previous || key(previous) !== key(status)) onChange(status, previous);
        return status;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const handle = timers.set(() => void poll().catch(() => undefined), options.intervalMs ?? 5000);
  void poll().catch(() => undefined);
  return { current: () => latest, poll, stop: () => timers.clear(handle) };
}
