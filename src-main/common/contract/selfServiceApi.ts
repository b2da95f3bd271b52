// The self-service part of KioskApi: a citizen's own card, summary and report,
// and the demo reader that stands in for a hand in demo mode.
import { z } from 'zod';
import type { ReportEdition, ReportModel } from '../report/reportModel';
import { UsccInput } from './codeInput';
import type { CreditSummary, DemoCardView, EnterpriseChoice, KioskInfo, KioskStatus, PrintJobView } from './views';

/** Session ids are opaque random tokens (base64url, 22+ characters). */
export const SessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'session id');

/** Which report: the standard one, or the 无违法违规记录证明版 (an enterprise's, for its legal representative). */
export const ReportEditionInput = z.enum(['standard', 'no-violation'] satisfies ReportEdition[]);

/** The report asked for: the holder's own, or (with uscc) an enterprise's; the no-violation edition only for an enterprise. */
const ReportRequest = z
  .object({ sessionId: SessionId, uscc: UsccInput.optional(), edition: ReportEditionInput.optional() })
  .strict()
  .refine((r) => r.edition !== 'no-violation' || r.uscc !== undefined, { path: ['edition'], message: 'the no-violation edition is an enterprise’s report' });

export const SELF_SERVICE_INPUTS = {
  getInfo: z.object({}).strict(),
  getStatus: z.object({}).strict(),
  lookupSelf: z.object({ sessionId: SessionId }).strict(),
  /** Enterprises whose registered legal representative is the card holder. */
  listMyEnterprises: z.object({ sessionId: SessionId }).strict(),
  /** An enterprise's summary, for its legal representative only. */
  lookupEnterprise: z.object({ sessionId: SessionId, uscc: UsccInput }).strict(),
  /** What the report will say, before it is printed (the number is given at printing). */
  previewReport: ReportRequest,
  /** The holder's own report, or (with uscc) the report of an enterprise they represent; edition default standard. */
  printReport: ReportRequest,
  endSession: z.object({ sessionId: SessionId, reason: z.enum(['user', 'idle']) }).strict(),
} as const;

export interface SelfServiceOutputs {
  getInfo: KioskInfo;
  getStatus: KioskStatus;
  lookupSelf: CreditSummary;
  listMyEnterprises: EnterpriseChoice[];
  lookupEnterprise: CreditSummary;
  previewReport: ReportModel;
  printReport: PrintJobView;
  endSession: null;
}

export const DEMO_INPUTS = {
  listDemoCards: z.object({}).strict(),
  placeDemoCard: z.object({ cardId: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict(),
  removeDemoCard: z.object({}).strict(),
  /** Unplugs or plugs the simulated reader, to show what a person sees when it fails. */
  setDemoReader: z.object({ connected: z.boolean() }).strict(),
  /** Makes the simulated reader fail every read (as a damaged card does) until cleared. */
  setDemoReadFault: z.object({ fault: z.enum(['unreadable', 'none']) }).strict(),
} as const;

export interface DemoOutputs {
  listDemoCards: DemoCardView[];
  placeDemoCard: null;
  removeDemoCard: null;
  setDemoReader: null;
  setDemoReadFault: null;
}
