// The citizen-services part of KioskApi (issue 18): objections (异议申请) from the
// holder's own summary or their enterprise's, and checking a printed report by its QR
// or number (报告核验), at the kiosk without a card and at the counter. Refusals a
// person must read (a record that cannot be objected to, one already pending, a QR
// that is not ours) are answers, not errors: the screen says why.
import { z } from 'zod';
import type { RecordCategory } from '../domain/creditRecord';
import { SessionId } from './selfServiceApi';

const Uscc = z.string().max(40);
const RecordId = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'record id');
const ReasonCode = z.string().regex(/^[a-z0-9-]{1,40}$/, 'reason code');
/** A mainland mobile number (11 digits from 1) or a fixed line with area code (0 + 9–11 digits). */
export const ContactPhone = z.string().regex(/^(1[3-9]\d{9}|0\d{9,11})$/, 'contact phone');

export const CITIZEN_INPUTS = {
  /** The configured reasons and answer period, for the objection form. */
  objectionOptions: z.object({ sessionId: SessionId }).strict(),
  /** Whether this record (on the holder's or their enterprise's summary) may be objected to now. */
  objectionCheck: z.object({ sessionId: SessionId, uscc: Uscc.optional(), recordId: RecordId }).strict(),
  /** Files the objection: queued for the platform, a sealed receipt printed. */
  objectionSubmit: z.object({ sessionId: SessionId, uscc: Uscc.optional(), recordId: RecordId, reasonCode: ReasonCode, phone: ContactPhone }).strict(),
  /** The holder's (or their enterprise's) objections and where each stands. */
  objectionList: z.object({ sessionId: SessionId, uscc: Uscc.optional() }).strict(),
  /** A scanned QR (the verification URL or the bare seal) or a typed 22-character report number. */
  verifyReportCode: z.object({ text: z.string().min(1).max(2000) }).strict(),
} as const;

export interface ObjectionReason {
  code: string;
  zh: string;
  en: string;
}

export interface ObjectionOptionsView {
  reasons: ObjectionReason[];
  /** Working days the platform has to answer (configured). */
  answerWorkingDays: number;
}

export type ObjectionRefusal =
  /** Not on the summary the holder sees now (archived, another subject's, unknown). */
  | 'not-shown'
  /** A category the configuration does not take objections for (e.g. information the subject supplied itself). */
  | 'category-excluded'
  /** Already under objection (marked by the platform, or filed here and not answered yet). */
  | 'pending';

export type ObjectionCheckView = { allowed: true } | { allowed: false; reason: ObjectionRefusal; category?: RecordCategory };

export interface ObjectionReceiptView {
  /** 异议申请编号, numbered like a report (yyyyMMddHHmmss + 8). */
  applicationNumber: string;
  recordTitle: string;
  recordCategory: RecordCategory;
  reasonCode: string;
  /** The phone as the screen may show it (masked). */
  phoneMasked: string;
  submittedAt: string;
  answerWorkingDays: number;
  /** The receipt's print job (follow it by print-job events); null when the printer was unavailable. */
  printJobId: string | null;
}

export type ObjectionSubmitView = { submitted: true; receipt: ObjectionReceiptView } | { submitted: false; reason: ObjectionRefusal };

/** submitted: queued, the platform has not marked the record yet; processing: 异议处理中; answered: the mark was lifted or the record corrected/removed. */
export type ObjectionState = 'submitted' | 'processing' | 'answered';

export interface ObjectionApplicationView {
  applicationNumber: string;
  recordTitle: string;
  reasonCode: string;
  submittedAt: string;
  state: ObjectionState;
}

export type ReportCheckVerdict =
  /** The seal verifies under a registered key (and the registry, when asked, agrees). */
  | 'genuine'
  /** Not a report QR of this system at all, nor a report number. */
  | 'not-ours'
  /** Looks like ours but the signature or registry says it was not issued so. */
  | 'forged'
  /** A typed number neither this kiosk nor a reachable platform knows: cannot be confirmed. */
  | 'unknown';

export interface ReportCheckView {
  verdict: ReportCheckVerdict;
  reportNumber: string | null;
  /** What was checked: the seal in the QR offline, this kiosk's register, the platform's registry. */
  seal: 'valid' | 'invalid' | 'absent';
  platform: 'confirmed' | 'not-registered' | 'mismatch' | 'unreachable' | 'not-configured';
  /** When issued (ISO 8601), from the registry, or from the number itself. */
  issuedAt: string | null;
  /** The issuing kiosk, when a registry knows it. */
  issuedBy: string | null;
  /** The subject as the registry names it, masked; null when no registry was reachable. */
  subjectMasked: string | null;
  /** 报告 / 核查单 / 异议回执 … when known. */
  edition: string | null;
  pages: number | null;
}

export interface CitizenOutputs {
  objectionOptions: ObjectionOptionsView;
  objectionCheck: ObjectionCheckView;
  objectionSubmit: ObjectionSubmitView;
  objectionList: ObjectionApplicationView[];
  verifyReportCode: ReportCheckView;
}
