// What crosses the KioskApi boundary: shapes safe to show on a screen.
import type { CardType } from '../domain/idCard';
import type { CreditRecord } from '../domain/creditRecord';
import type { Subject } from '../domain/subject';
import type { SummaryCategory } from '../domain/summaryCategory';
import type { FaceEngineSettings } from '../face/facePolicy';

/** Where an answer came from: the local cache with its cut-off, or the platform asked live. */
export type Provenance =
  | { source: 'cache'; dataVersion: number; dataAsOf: string; stale: boolean }
  | { source: 'online'; askedAt: string };

/** A subject as a screen may show it: a person's code is masked. */
export type SubjectView = Omit<Subject, 'formerCodes'> & { codeMasked: boolean };

/** A record as shown publicly (only records the disclosure policy lets through). */
export type RecordView = Omit<CreditRecord, 'subjectId' | 'dataVersion'>;

export interface CreditSummary {
  subject: SubjectView;
  counts: Record<SummaryCategory, number>;
  records: RecordView[];
  /** 守信激励对象 / 失信惩戒对象 / 经营异常 / 存续 … */
  statusTags: string[];
  provenance: Provenance;
  /** Free prints of this subject's report left today; absent where there is no daily limit. */
  printsLeftToday?: number;
}

export interface CardHolderView {
  cardType: CardType;
  /** The holder's own name: the session belongs to them. */
  name: string;
  idNumberMasked: string;
  expired: boolean;
}

export interface SessionInfo {
  id: string;
  startedAt: string;
  holder: CardHolderView;
}

export type ReaderState = 'connected' | 'disconnected' | 'error';
export interface ReaderStatus {
  state: ReaderState;
  name?: string;
  profile?: string;
  simulated: boolean;
  lastError?: { code: string; message: string; at: string };
}

export type PrinterState = 'idle' | 'printing' | 'stopped' | 'unavailable';
export interface PrinterStatus {
  state: PrinterState;
  name: string;
  kind: 'file' | 'cups' | 'windows';
  /** IPP printer-state-reasons (media-empty, media-jam, …), 'none' when fine. */
  reasons: string[];
  message?: string;
}

export type PrintJobState = 'queued' | 'printing' | 'waiting' | 'completed' | 'failed';
export interface PrintJobView {
  jobId: string;
  reportNumber: string;
  state: PrintJobState;
  pages: number;
  message?: string;
  createdAt: string;
}

export interface DataStatus {
  dataVersion: number;
  dataAsOf: string;
  stale: boolean;
  subjects: number;
}

export interface KioskInfo {
  kioskId: string;
  appVersion: string;
  mode: 'demo' | 'production';
  station: 'self-service' | 'counter';
  /** Seconds of inactivity before the "continue?" countdown starts. */
  idleSeconds: number;
  /** Seconds the countdown lasts before the session ends. */
  countdownSeconds: number;
  issuer: string;
  /** Voice prompt volume 0–1; 0 when prompts are off. */
  voiceVolume: number;
  /** Set when the kiosk cannot serve anyone until an operator acts: a packaged build found no config file (where it looked). */
  setup?: { reason: 'no-config'; searched: string[] };
  /** The zone times are shown in (IANA name); absent: China time. */
  timeZone?: string;
  /** Idle seconds after which the admin console (and its sign-in) closes; absent: 120. */
  adminIdleSeconds?: number;
  /** A face comparison guards at least one function here: the screens warm the models and the consent says so. */
  faceCheck?: boolean;
  /** Where and at what size the face models run (config faceCheck.engine): the renderer warms them so. */
  faceEngine?: FaceEngineSettings;
}

export interface KioskStatus {
  reader: ReaderStatus;
  printer: PrinterStatus;
  data: DataStatus;
  session: SessionInfo | null;
}

export interface DemoCardView {
  id: string;
  label: string;
  cardType: CardType;
}

/** An enterprise a legal representative may open: public data only. */
export interface EnterpriseChoice {
  code: string;
  name: string;
}
