// The self-service journey as a reducer: which screen, and what personal data it
// holds. Ending a session returns to the initial state, so nothing of the person
// survives in the renderer's memory.
import type { KioskEvent } from '../../src-main/common/contract/events';
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { ReportModel } from '../../src-main/common/report/reportModel';
import type { CreditSummary, KioskInfo, PrinterStatus, PrintJobView, ReaderStatus, SessionInfo } from '../../src-main/common/contract/views';

export type Screen = 'idle' | 'consent' | 'reading' | 'summary' | 'enterprise' | 'preview' | 'printing' | 'done' | 'error';

export interface DeviceState {
  info: KioskInfo | null;
  reader: ReaderStatus | null;
  printer: PrinterStatus | null;
  dataAsOf: string | null;
}

export interface KioskState {
  screen: Screen;
  session: SessionInfo | null;
  summary: CreditSummary | null;
  /** The report as it will print, while the person previews it. */
  preview: ReportModel | null;
  /** Whose summary is asked for or shown: the holder, or an enterprise they represent. */
  viewing: { kind: 'self' } | { kind: 'enterprise'; uscc: string };
  job: PrintJobView | null;
  /** A print was asked for and its job has not been seen yet: its events may beat the answer. */
  printRequested: boolean;
  error: ErrorCode | null;
  devices: DeviceState;
}

export type KioskAction =
  | { type: 'event'; event: KioskEvent }
  | { type: 'info'; info: KioskInfo }
  | { type: 'status'; reader: ReaderStatus; printer: PrinterStatus; dataAsOf: string }
  | { type: 'consented'; sessionId: string }
  | { type: 'choose-enterprise' }
  | { type: 'preview-loaded'; sessionId: string; model: ReportModel }
  | { type: 'close-preview' }
  | { type: 'view'; viewing: KioskState['viewing'] }
  | { type: 'summary-loaded'; sessionId: string; summary: CreditSummary }
  | { type: 'print-requested'; sessionId: string }
  | { type: 'print-started'; sessionId: string; job: PrintJobView }
  | { type: 'failed'; sessionId: string | null; code: ErrorCode }
  | { type: 'dismiss-error' }
  | { type: 'reset' };

export const initialDevices: DeviceState = { info: null, reader: null, printer: null, dataAsOf: null };

export function initialState(devices: DeviceState = initialDevices): KioskState {
  return { screen: 'idle', session: null, summary: null, preview: null, viewing: { kind: 'self' }, job: null, printRequested: false, error: null, devices };
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'info':
      return { ...state, devices: { ...state.devices, info: action.info } };
    case 'status':
      return { ...state, devices: { ...state.devices, reader: action.reader, printer: action.printer, dataAsOf: action.dataAsOf } };
    case 'consented':
      if (state.session?.id !== action.sessionId || state.screen !== 'consent') return state;
      return { ...state, screen: 'reading' };
    case 'preview-loaded':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, screen: 'preview', preview: action.model };
    case 'close-preview':
      return state.session ? { ...state, screen: 'summary', preview: null } : state;
    case 'choose-enterprise':
      return state.session ? { ...state, screen: 'enterprise' } : state;
    case 'view':
      return state.session ? { ...state, screen: 'reading', viewing: action.viewing, summary: null } : state;
    case 'summary-loaded':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, screen: 'summary', summary: action.summary };
    case 'print-requested':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, printRequested: true };
    case 'print-started':
      if (state.session?.id !== action.sessionId) return state;
      // The job's own events may already have moved it on (a fast printer).
      if (state.job?.jobId === action.job.jobId) return { ...state, printRequested: false };
      return { ...state, screen: 'printing', job: action.job, printRequested: false };
    case 'failed':
      if (action.sessionId !== null && state.session?.id !== action.sessionId) return state;
      return { ...state, screen: 'error', error: action.code, printRequested: false };
    case 'reset':
      return initialState(state.devices);
    case 'dismiss-error':
      // Back to what the person was looking at, if anything; else start over.
      return state.session && state.summary ? { ...state, screen: 'summary', error: null } : initialState(state.devices);
    case 'event':
      return onEvent(state, action.event);
  }
}

function onEvent(state: KioskState, event: KioskEvent): KioskState {
  switch (event.type) {
    case 'card-inserted':
      // A new card always starts from nothing: the previous person's data is gone.
      return {
        ...initialState(state.devices),
        screen: event.session.holder.expired ? 'error' : 'consent',
        session: event.session,
        error: event.session.holder.expired ? 'CARD_EXPIRED' : null,
      };
    case 'session-ended':
    case 'card-removed':
      // The end screen after a print stays until the next card; everything personal goes.
      if (state.screen === 'printing' || state.screen === 'done') return { ...initialState(state.devices), screen: 'done', job: state.job ? { ...state.job } : null };
      return initialState(state.devices);
    case 'card-error':
      return state.session ? state : { ...initialState(state.devices), screen: 'error', error: event.code };
    case 'reader-status':
      return { ...state, devices: { ...state.devices, reader: event.reader } };
    case 'printer-status':
      return { ...state, devices: { ...state.devices, printer: event.printer } };
    case 'print-job': {
      const ours = state.job ? state.job.jobId === event.job.jobId : state.printRequested;
      if (!ours) return state;
      const screen = event.job.state === 'completed' ? 'done' : state.screen === 'done' ? 'done' : 'printing';
      return { ...state, job: event.job, screen };
    }
    default:
      // Sync, batch and staff events belong to other screens.
      return state;
  }
}
