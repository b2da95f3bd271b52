// What the counter-staff methods answer: shapes safe for a staff screen. A person's
// ID number is always masked; staff see names to compare with the applicant.
import type { StaffRole } from '../staff/roles';
import type { HitKind } from '../staff/hits';
import type { LegalBasis } from '../staff/catalogue';
import type { Verdict } from '../staff/applicable';
import type { Granularity, StatFunction } from '../staff/statsPeriods';
import type { Provenance, RecordView, SubjectView } from './views';

export interface StaffSessionView {
  token: string;
  staffNo: string;
  name: string;
  role: StaffRole;
  /** Seconds of inactivity after which the service signs the staff member out. */
  idleSeconds: number;
  kioskId: string;
}

/** signIn answers ok with either a session or the reason there is none (screens show lockout). */
export type SignInOutcome =
  | { signedIn: true; session: StaffSessionView }
  | { signedIn: false; reason: 'bad-credentials'; attemptsLeft: number }
  | { signedIn: false; reason: 'locked'; lockedUntil: string }
  | { signedIn: false; reason: 'no-card' | 'unknown-card' | 'inactive' }
  /** Signed in for the admin console without the kiosk-admin right: no session is started. */
  | { signedIn: false; reason: 'no-right' };

export interface BusinessItemView {
  id: string;
  name: string;
  category: string;
  department?: string;
  measureCount: number;
  incentiveCount: number;
}

export interface MeasureView {
  id: string;
  type: 1 | 2 | 3;
  scope: 'national' | 'local';
  listNumber?: number;
  name: string;
  measure: string;
  legalBasis: LegalBasis[];
  implementingBody: string;
  target: string;
  /** The hits of this subject that trigger it. */
  triggeredBy: HitKind[];
}

export interface IncentiveView {
  id: string;
  name: string;
  measure: string;
  legalBasis: LegalBasis[];
  implementingBody: string;
  target: string;
}

export interface HitView {
  kind: HitKind;
  record: RecordView;
}

export interface SubjectCandidate {
  code: string;
  name: string;
  kind: SubjectView['kind'];
  match: 'exact' | 'prefix' | 'substring';
}

export interface SubjectSearchView {
  query: string;
  page: number;
  pageSize: number;
  total: number;
  totalIsCapped: boolean;
  candidates: SubjectCandidate[];
}

export interface CheckResultView {
  checkId: string;
  checkedAt: string;
  item: { id: string; name: string };
  subject: SubjectView;
  hits: HitView[];
  measures: MeasureView[];
  incentives: IncentiveView[];
  verdict: Verdict;
  /** 守信激励对象 / 失信惩戒对象 … */
  statusTags: string[];
  provenance: Provenance;
  catalogueVersion: string;
}

export type DecisionKind = 'measure-applied' | 'incentive-granted' | 'none';

export interface DecisionView {
  decisionId: string;
  checkId: string;
  decision: DecisionKind;
  recordedAt: string;
  /** Audit entry (sequence number) that holds it. */
  auditSeq: number;
  /** 联合奖惩反馈 event id in the outbox. */
  feedbackEventId: string;
}

export interface FileView {
  fileName: string;
  mimeType: string;
  /** Base64 of the bytes; the screen offers them for download or hands them to a printer. */
  dataBase64: string;
  bytes: number;
}

export type BatchRowStatus = 'clear' | 'hit' | 'incentive' | 'invalid-code' | 'missing-code' | 'not-found';

export interface BatchRowView {
  /** Row number in the imported file. */
  row: number;
  /** As given; a resident ID number is masked. */
  code: string;
  inputName: string;
  status: BatchRowStatus;
  /** Why a row is bad (invalid-code …), or notes (name differs, duplicate). */
  reason?: string;
  subjectName?: string;
  hitKinds: HitKind[];
  measureIds: string[];
  incentiveIds: string[];
  verdict?: Verdict;
}

export type BatchState = 'running' | 'done' | 'failed';

export interface BatchSummaryView {
  batchId: string;
  itemId: string;
  fileName: string;
  state: BatchState;
  total: number;
  done: number;
  counts: Record<BatchRowStatus, number>;
  startedAt: string;
  finishedAt?: string;
  message?: string;
}

export interface BatchResultView extends BatchSummaryView {
  page: number;
  pageSize: number;
  /** Rows matching the filter (before paging). */
  matching: number;
  rows: BatchRowView[];
}

export interface StatsRow {
  period: string;
  function: StatFunction;
  kioskId: string;
  /** '' for functions without a staff member (self-service). */
  staffNo: string;
  count: number;
}

export interface StatsView {
  from: string;
  to: string;
  granularity: Granularity;
  rows: StatsRow[];
  totals: Record<StatFunction, number>;
}

export interface StaffAccountView {
  staffNo: string;
  name: string;
  role: StaffRole;
  active: boolean;
  cardLinked: boolean;
  lockedUntil?: string;
  failedAttempts: number;
}
