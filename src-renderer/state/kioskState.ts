// The self-service journey as a reducer: which screen, and what personal data it
// holds. Ending a session returns to the initial state, so nothing of the person
// survives in the renderer's memory.
import type { KioskEvent } from '../../src-main/common/contract/events';
import type { ErrorCode } from '../../src-main/common/contract/errorCodes';
import type { ReportEdition, ReportModel } from '../../src-main/common/report/reportModel';
import type { CreditSummary, EnterpriseChoice, KioskInfo, PrinterStatus, PrintJobView, ReaderStatus, SessionInfo } from '../../src-main/common/contract/views';

export type Screen = 'idle' | 'consent' | 'face' | 'reading' | 'summary' | 'enterprise' | 'preview' | 'printing' | 'done' | 'error' | 'take-card' | 'objection' | 'verify-report' | 'commitment' | 'repair';

export interface DeviceState {
  info: KioskInfo | null;
  reader: ReaderStatus | null;
  printer: PrinterStatus | null;
  dataAsOf: string | null;
  /** A card lies on the reader (read or not): after a session ends, the person is asked to take it. */
  cardPresent: boolean;
}

export type Viewing = { kind: 'self' } | { kind: 'enterprise'; uscc: string };

/** What a citizen signs at the kiosk, which the policy's 'citizen-service' face check guards. */
export type CitizenService = 'objection' | 'commitment' | 'repair';

/** Refusals of a print that leave the person's summary on screen, with the reason beside 打印. */
const PRINT_REFUSALS: readonly ErrorCode[] = ['PRINTER_UNAVAILABLE', 'QUOTA_REACHED', 'PRINT_FAILED'];

export interface KioskState {
  screen: Screen;
  session: SessionInfo | null;
  summary: CreditSummary | null;
  /** The report as it will print, while the person previews it. */
  preview: ReportModel | null;
  /** Whose summary is asked for: the holder, or an enterprise they represent. */
  viewing: Viewing;
  /** Whose summary `summary` is (while another is asked for, the shown one stays to return to). */
  summaryViewing: Viewing;
  /** The edition an enterprise's 预览 and 打印 give: the standard report or the 无违法违规记录证明版. */
  edition: ReportEdition;
  /** Enterprises the holder is the registered legal representative of (null until asked). */
  enterprises: EnterpriseChoice[] | null;
  /** Why the last print was refused, shown beside 打印 on the summary or preview. */
  printRefusal: ErrorCode | null;
  /** Where 打印 was pressed, to return there if the print is refused. */
  printFrom: 'summary' | 'preview';
  job: PrintJobView | null;
  /** A print was asked for and its job has not been seen yet: its events may beat the answer. */
  printRequested: boolean;
  error: ErrorCode | null;
  /** The face step runs for this citizen service (function 'citizen-service') and opens it once passed. */
  faceThen: CitizenService | null;
  devices: DeviceState;
}

export type KioskAction =
  | { type: 'event'; event: KioskEvent }
  | { type: 'info'; info: KioskInfo }
  | { type: 'status'; reader: ReaderStatus; printer: PrinterStatus; dataAsOf: string }
  | { type: 'consented'; sessionId: string; then?: 'self' | 'enterprise' | 'certificate' }
  | { type: 'choose-edition'; edition: ReportEdition }
  | { type: 'choose-enterprise' }
  | { type: 'preview-loaded'; sessionId: string; model: ReportModel }
  | { type: 'close-preview' }
  /** 信用承诺 for whoever the summary shows (the holder, or the enterprise they represent), and back. */
  | { type: 'open-commitment' }
  | { type: 'close-commitment' }
  | { type: 'view'; viewing: Viewing }
  | { type: 'enterprises-loaded'; sessionId: string; enterprises: EnterpriseChoice[] }
  | { type: 'print-refused'; sessionId: string; code: ErrorCode }
  | { type: 'back-to-summary' }
  | { type: 'summary-loaded'; sessionId: string; summary: CreditSummary }
  | { type: 'print-requested'; sessionId: string }
  | { type: 'print-started'; sessionId: string; job: PrintJobView }
  | { type: 'failed'; sessionId: string | null; code: ErrorCode }
  /** The services asked for a face comparison first (FACE_CHECK_REQUIRED) and it passed: ask again. */
  | { type: 'face-passed'; sessionId: string }
  /** A citizen service was asked for and the session still needs a face check for it: the step first. */
  | { type: 'face-first'; sessionId: string; then: CitizenService }
  | { type: 'dismiss-error' }
  /** 异议申请 from the summary shown, and back to it. */
  | { type: 'open-objection' }
  | { type: 'open-repair' }
  | { type: 'close-repair' }
  | { type: 'close-objection' }
  /** 报告核验 from the idle menu (no card), and back to it. */
  | { type: 'open-verify' }
  | { type: 'close-verify' }
  | { type: 'reset' }
  /** A render with nothing new: React's other copy of the state then no longer holds the session just ended. */
  | { type: 'scrub' };

export const initialDevices: DeviceState = { info: null, reader: null, printer: null, dataAsOf: null, cardPresent: false };

export function initialState(devices: DeviceState = initialDevices): KioskState {
  return {
    screen: 'idle',
    session: null,
    summary: null,
    preview: null,
    viewing: { kind: 'self' },
    summaryViewing: { kind: 'self' },
    edition: 'standard',
    enterprises: null,
    printRefusal: null,
    printFrom: 'summary',
    job: null,
    printRequested: false,
    error: null,
    faceThen: null,
    devices,
  };
}

/** A session is over: nothing of the person stays; a card still lying there is asked for. */
function ended(state: KioskState): KioskState {
  return { ...initialState(state.devices), screen: state.devices.cardPresent ? 'take-card' : 'idle' };
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'info':
      return { ...state, devices: { ...state.devices, info: action.info } };
    case 'status':
      return { ...state, devices: { ...state.devices, reader: action.reader, printer: action.printer, dataAsOf: action.dataAsOf } };
    case 'consented':
      if (state.session?.id !== action.sessionId || state.screen !== 'consent') return state;
      // Chosen on the idle menu before the card: the enterprise lookup opens first (for the
      // 无违法违规记录证明版, an enterprise's report, with that edition chosen).
      if (action.then === 'certificate') return { ...state, screen: 'enterprise', edition: 'no-violation' };
      return { ...state, screen: action.then === 'enterprise' ? 'enterprise' : 'reading' };
    case 'choose-edition':
      return state.session ? { ...state, edition: action.edition, printRefusal: null } : state;
    case 'preview-loaded':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, screen: 'preview', preview: action.model };
    case 'close-preview':
      return state.session ? { ...state, screen: 'summary', preview: null } : state;
    case 'open-commitment':
      return state.session && state.summary && state.screen === 'summary' ? { ...state, screen: 'commitment', printRefusal: null } : state;
    case 'close-commitment':
      return state.session && state.summary && state.screen === 'commitment' ? { ...state, screen: 'summary' } : state;
    case 'choose-enterprise':
      return state.session ? { ...state, screen: 'enterprise' } : state;
    case 'view':
      // The summary shown so far stays until the new one arrives: a refusal returns to it.
      return state.session ? { ...state, screen: 'reading', viewing: action.viewing, printRefusal: null } : state;
    case 'enterprises-loaded':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, enterprises: action.enterprises };
    case 'summary-loaded':
      if (state.session?.id !== action.sessionId) return state;
      return { ...state, screen: 'summary', summary: action.summary, summaryViewing: state.viewing };
    case 'print-requested':
      if (state.session?.id !== action.sessionId) return state;
      // The printing screen at once: making the report takes a moment, the person must see it started.
      return { ...state, printRequested: true, job: null, printRefusal: null, printFrom: state.screen === 'preview' ? 'preview' : 'summary', screen: 'printing' };
    case 'print-started': {
      if (state.session?.id !== action.sessionId) return state;
      // The free prints left today count this one.
      const summary = state.summary?.printsLeftToday !== undefined ? { ...state.summary, printsLeftToday: Math.max(0, state.summary.printsLeftToday - 1) } : state.summary;
      // The job's own events may already have moved it on (a fast printer).
      if (state.job?.jobId === action.job.jobId) return { ...state, summary, printRequested: false };
      return { ...state, summary, screen: 'printing', job: action.job, printRequested: false };
    }
    case 'print-refused':
      if (state.session?.id !== action.sessionId) return state;
      if (!PRINT_REFUSALS.includes(action.code) || !state.summary) return { ...state, screen: 'error', error: action.code, printRequested: false };
      return { ...state, screen: state.printFrom === 'preview' && state.preview ? 'preview' : 'summary', printRefusal: action.code, printRequested: false, job: null };
    case 'back-to-summary':
      return state.session && state.summary ? { ...state, screen: 'summary', viewing: state.summaryViewing, job: null, preview: null } : state;
    case 'failed':
      if (action.sessionId !== null && state.session?.id !== action.sessionId) return state;
      // The services show nothing before a face comparison passes: the face step first, then the same request.
      if (action.code === 'FACE_CHECK_REQUIRED') return { ...state, screen: 'face', printRequested: false, faceThen: null };
      return { ...state, screen: 'error', error: action.code, printRequested: false, faceThen: null };
    case 'open-repair':
      return state.session && state.summary && state.screen === 'summary' ? { ...state, screen: 'repair' } : state;
    case 'close-repair':
      return state.session && state.summary && state.screen === 'repair' ? { ...state, screen: 'summary' } : state;
    case 'open-objection':
      return state.session && state.summary && state.screen === 'summary' ? { ...state, screen: 'objection' } : state;
    case 'close-objection':
      return state.session && state.summary && state.screen === 'objection' ? { ...state, screen: 'summary' } : state;
    case 'open-verify':
      return state.screen === 'idle' && !state.session ? { ...state, screen: 'verify-report' } : state;
    case 'close-verify':
      return state.screen === 'verify-report' ? { ...state, screen: 'idle' } : state;
    case 'face-first':
      return state.session?.id === action.sessionId && state.summary && state.screen === 'summary' ? { ...state, screen: 'face', faceThen: action.then } : state;
    case 'face-passed':
      if (state.session?.id !== action.sessionId || state.screen !== 'face') return state;
      return state.faceThen ? { ...state, screen: state.faceThen, faceThen: null } : { ...state, screen: 'reading' };
    case 'reset':
      return ended(state);
    case 'scrub':
      return { ...state };
    case 'dismiss-error':
      // Back to the summary the person was looking at (the one it shows); to the enterprise
      // choice when that was asked for first; else the session is over.
      if (state.session && state.summary) return { ...state, screen: 'summary', viewing: state.summaryViewing, error: null };
      if (state.session && state.viewing.kind === 'enterprise') return { ...state, screen: 'enterprise', viewing: { kind: 'self' }, error: null };
      return ended(state);
    case 'event':
      return onEvent(state, action.event);
  }
}

/** The session is gone (card lifted, timed out, replaced): the end screen after a print stays until the next card; everything personal goes. */
function afterSession(state: KioskState): KioskState {
  if (state.screen === 'printing' || state.screen === 'done') return { ...initialState(state.devices), screen: 'done', job: state.job ? { ...state.job } : null };
  return ended(state);
}

function onEvent(state: KioskState, event: KioskEvent): KioskState {
  switch (event.type) {
    case 'card-inserted':
      // A new card always starts from nothing: the previous person's data is gone.
      return {
        ...initialState({ ...state.devices, cardPresent: true }),
        screen: event.session.holder.expired ? 'error' : 'consent',
        session: event.session,
        error: event.session.holder.expired ? 'CARD_EXPIRED' : null,
      };
    case 'session-ended':
      if (state.session?.id !== event.sessionId) return state;
      return afterSession(state);
    case 'card-removed':
      return afterSession({ ...state, devices: { ...state.devices, cardPresent: false } });
    case 'card-error':
      // The card that failed lies on the reader; its screen clears when it is lifted (card-removed).
      return state.session ? state : { ...initialState({ ...state.devices, cardPresent: true }), screen: 'error', error: event.code };
    case 'reader-status':
      return { ...state, devices: { ...state.devices, reader: event.reader, cardPresent: event.reader.state === 'connected' && state.devices.cardPresent } };
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
