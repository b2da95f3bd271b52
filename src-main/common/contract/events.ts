// Events from services to screens: the same stream over IPC and over HTTP.
import type { ErrorCode } from './errorCodes';
import type { PrinterStatus, PrintJobView, ReaderStatus, SessionInfo } from './views';

export type SessionEndReason = 'card-removed' | 'idle' | 'user' | 'replaced' | 'shutdown';

export type KioskEvent =
  | { type: 'reader-status'; reader: ReaderStatus }
  | { type: 'card-inserted'; session: SessionInfo }
  | { type: 'card-removed' }
  | { type: 'card-error'; code: ErrorCode; message: string }
  | { type: 'session-ended'; sessionId: string; reason: SessionEndReason }
  | { type: 'printer-status'; printer: PrinterStatus }
  | { type: 'print-job'; job: PrintJobView }
  | { type: 'sync-progress'; phase: string; done: number; total: number }
  | { type: 'sync-result'; ok: boolean; dataVersion: number; message?: string }
  | { type: 'batch-progress'; batchId: string; done: number; total: number; hits: number; bad: number }
  | { type: 'batch-done'; batchId: string; state: 'done' | 'failed' }
  /** For the host, not the screens: e.g. leave kiosk (full-screen, locked) mode. */
  | { type: 'host-command'; command: 'leave-kiosk' }
  | { type: 'staff-signed-out'; staffNo: string; reason: 'idle' | 'user' | 'deactivated' };

export type KioskEventType = KioskEvent['type'];
export type KioskEventListener = (event: KioskEvent) => void;
