// The counter-staff part of KioskApi (信用核查): sign-in, business items, checks,
// decisions, batch checks, statistics, staff accounts. Every call but signIn carries
// the token signIn returned; the service checks it, its idle time and the role.
import { STAFF_NUMBER_PATTERN } from '../staff/staffNumber';
import { z } from 'zod';
import type { Result } from './result';
import { SubjectCodeInput } from './codeInput';
import type {
  BatchResultView,
  BatchSummaryView,
  BusinessItemView,
  CheckResultView,
  DecisionView,
  FileView,
  SignInOutcome,
  StaffAccountView,
  StaffSessionView,
  StatsView,
  SubjectSearchView,
} from './staffViews';
import { STAFF_ROLES } from '../staff/roles';
import { GRANULARITIES } from '../staff/statsPeriods';

export const StaffToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'staff token');
export const StaffNo = z.string().regex(STAFF_NUMBER_PATTERN, 'staff number');
/** 6–12 digits: typed on a counter keypad. */
export const Pin = z.string().regex(/^\d{6,12}$/, 'PIN');
const CatalogueId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const OpaqueId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** What a sign-in is for: the counter's screens (default) or a kiosk's admin console. */
export const SignInPurpose = z.enum(['counter', 'kiosk-admin']);
/** 20 MB of base64 ≈ 15 MB of file: a 50,000-row XLSX is well under it. */
export const MAX_BATCH_BASE64 = 20_000_000;

export const STAFF_INPUTS = {
  /** `purpose: 'kiosk-admin'` (the admin console): refused, with no session, to staff without that right. */
  signIn: z.discriminatedUnion('by', [
    z.object({ by: z.literal('pin'), staffNo: StaffNo, pin: Pin, purpose: SignInPurpose.optional() }).strict(),
    /** The staff member's own ID card on the reader. */
    z.object({ by: z.literal('card'), purpose: SignInPurpose.optional() }).strict(),
  ]),
  signOut: z.object({ token: StaffToken }).strict(),
  /** The session as it stands (and a sign of activity: resets the idle clock). */
  staffSession: z.object({ token: StaffToken }).strict(),
  listBusinessItems: z.object({ token: StaffToken }).strict(),
  /** Organisations by name (natural persons are never searchable by name). */
  searchSubjects: z.object({ token: StaffToken, text: z.string().min(1).max(100), page: z.number().int().min(1).max(1000).optional() }).strict(),
  checkSubject: z.discriminatedUnion('by', [
    z.object({ token: StaffToken, itemId: CatalogueId, by: z.literal('code'), code: SubjectCodeInput }).strict(),
    /** The applicant's card on the reader: read on the services side, never sent by the screen. */
    z
      .object({
        token: StaffToken,
        itemId: CatalogueId,
        by: z.literal('card'),
        /** 已人工核验身份: staff compared the person with the card photo by sight (the face check's counter fallback). */
        sightVerified: z.literal(true).optional(),
      })
      .strict(),
  ]),
  recordDecision: z
    .object({
      token: StaffToken,
      checkId: OpaqueId,
      /** The subject's code as the check showed it: refused when it is not the check's subject. */
      subjectCode: z.string().min(1).max(40),
      decision: z.enum(['measure-applied', 'incentive-granted', 'none']),
      measureIds: z.array(CatalogueId).max(50).optional(),
      incentiveIds: z.array(CatalogueId).max(50).optional(),
      note: z.string().max(1000).optional(),
    })
    .strict(),
  /** 核查单 as a PDF. */
  printCheckSlip: z.object({ token: StaffToken, checkId: OpaqueId }).strict(),
  startBatchCheck: z
    .object({
      token: StaffToken,
      itemId: CatalogueId,
      fileName: z.string().min(1).max(200),
      format: z.enum(['csv', 'xlsx']),
      dataBase64: z.string().min(1).max(MAX_BATCH_BASE64),
    })
    .strict(),
  getBatchResult: z
    .object({
      token: StaffToken,
      batchId: OpaqueId,
      page: z.number().int().min(1).optional(),
      pageSize: z.number().int().min(1).max(500).optional(),
      filter: z.enum(['all', 'hits', 'bad']).optional(),
    })
    .strict(),
  exportBatch: z.object({ token: StaffToken, batchId: OpaqueId, format: z.enum(['xlsx', 'pdf', 'csv']) }).strict(),
  getStats: z
    .object({ token: StaffToken, from: IsoDate, to: IsoDate, granularity: z.enum(GRANULARITIES), staffNo: StaffNo.optional() })
    .strict(),
  exportStats: z.object({ token: StaffToken, from: IsoDate, to: IsoDate, granularity: z.enum(GRANULARITIES) }).strict(),
  manageStaff: z.discriminatedUnion('action', [
    z.object({ token: StaffToken, action: z.literal('list') }).strict(),
    z.object({ token: StaffToken, action: z.literal('add'), staffNo: StaffNo, name: z.string().min(1).max(50), role: z.enum(STAFF_ROLES), pin: Pin }).strict(),
    z
      .object({
        token: StaffToken,
        action: z.literal('update'),
        staffNo: StaffNo,
        name: z.string().min(1).max(50).optional(),
        role: z.enum(STAFF_ROLES).optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    z.object({ token: StaffToken, action: z.literal('reset-pin'), staffNo: StaffNo, pin: Pin }).strict(),
    z.object({ token: StaffToken, action: z.literal('unlock'), staffNo: StaffNo }).strict(),
    /** Links the ID card on the reader to the account, for card sign-in. */
    z.object({ token: StaffToken, action: z.literal('link-card'), staffNo: StaffNo }).strict(),
  ]),
} as const;

export interface StaffOutputs {
  signIn: SignInOutcome;
  signOut: null;
  staffSession: StaffSessionView;
  listBusinessItems: BusinessItemView[];
  searchSubjects: SubjectSearchView;
  checkSubject: CheckResultView;
  recordDecision: DecisionView;
  printCheckSlip: FileView;
  startBatchCheck: BatchSummaryView;
  getBatchResult: BatchResultView;
  exportBatch: FileView;
  getStats: StatsView;
  exportStats: FileView;
  manageStaff: StaffAccountView[];
}

export type StaffMethod = keyof typeof STAFF_INPUTS & keyof StaffOutputs;
export type StaffInput<M extends StaffMethod> = z.infer<(typeof STAFF_INPUTS)[M]>;
export type StaffMethods = { [M in StaffMethod]: (input: StaffInput<M>) => Promise<Result<StaffOutputs[M]>> };
