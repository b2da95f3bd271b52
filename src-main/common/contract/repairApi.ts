// The credit-repair part of KioskApi (信用修复申请, issue 18 item 2). The journey starts
// with repairCheck — the one entry point a policy (e.g. a face check before citizen
// services) can gate — then repairSubmit files it in one call: the signed letter sealed
// and printed, the photographed pages held encrypted until the platform has them, the
// application queued with a receipt. Refusals a person must read are answers, not errors.
import { z } from 'zod';
import { ChosenFieldsSchema } from '../commitment/commitmentCatalogue';
import type { CommitmentKind } from '../commitment/commitmentCatalogue';
import type { Severity } from '../domain/creditRecord';
import type { SubjectKind } from '../domain/subject';
import type { RepairMaterial } from '../repair/repairMaterials';
import type { RepairEligibility } from '../rules/repairEligibility';
import { SignatureStrokesSchema } from '../signature/signatureStrokes';
import { ContactPhone } from './citizenApi';
import { SessionId } from './selfServiceApi';
import { StaffToken } from './staffApi';
import type { FileView } from './staffViews';
import type { RecordView } from './views';

const Uscc = z.string().max(40);
const RecordId = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'record id');
const MaterialCode = z.string().regex(/^[a-z0-9-]{1,40}$/, 'material code');
/** A JPEG page from the document camera, base64; the configured size bound is checked by the service. */
const JpegBase64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64').max(2_800_000);
export const ApplicationNumber = z.string().regex(/^\d{14}[0-9A-Z]{8}$/, 'application number');

export const REPAIR_SELF_SERVICE_INPUTS = {
  /** Whether this penalty (on the holder's summary or their enterprise's) may be repaired now, and if so what to bring. */
  repairCheck: z.object({ sessionId: SessionId, uscc: Uscc.optional(), recordId: RecordId }).strict(),
  /** Files the application: letter signed and printed, pages photographed, a contact phone. */
  repairSubmit: z
    .object({
      sessionId: SessionId,
      uscc: Uscc.optional(),
      recordId: RecordId,
      fields: ChosenFieldsSchema,
      strokes: SignatureStrokesSchema,
      phone: ContactPhone,
      photos: z.array(z.object({ material: MaterialCode, jpeg: JpegBase64 }).strict()).max(20),
    })
    .strict(),
  /** The holder's (or their enterprise's) repair applications and where each stands. */
  repairList: z.object({ sessionId: SessionId, uscc: Uscc.optional() }).strict(),
  /** The document camera's step opens (the host grants the camera only while it is open) or closes. */
  repairCameraStep: z.object({ sessionId: SessionId, open: z.boolean() }).strict(),
} as const;

/** At the counter the applicant signs on the pad, or (a person who cannot sign) the staff member confirms: recorded. */
export const CounterSignatureSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('drawn'), strokes: SignatureStrokesSchema }).strict(), z.object({ kind: z.literal('staff-confirmed') }).strict()]);

/** The counter's part: behind a staff sign-in; the applicant is the person whose card lies on the counter's reader. */
export const REPAIR_COUNTER_INPUTS = {
  /** At the counter: where an application stands, by its number. */
  repairLookup: z.object({ token: StaffToken, applicationNumber: ApplicationNumber }).strict(),
  /** The card holder on the counter's reader: their penalties, each with whether it can be repaired now, and their applications. */
  repairCounterApplicant: z.object({ token: StaffToken }).strict(),
  /** repairCheck for the card holder at the counter. */
  repairCounterCheck: z.object({ token: StaffToken, recordId: RecordId }).strict(),
  /** repairSubmit for the card holder at the counter, recorded with the staff number. */
  repairCounterSubmit: z
    .object({
      token: StaffToken,
      recordId: RecordId,
      fields: ChosenFieldsSchema,
      signature: CounterSignatureSchema,
      phone: ContactPhone,
      photos: z.array(z.object({ material: MaterialCode, jpeg: JpegBase64 }).strict()).max(20),
    })
    .strict(),
  /** The counter's document camera step opens or closes. */
  repairCounterCameraStep: z.object({ token: StaffToken, open: z.boolean() }).strict(),
} as const;

export const REPAIR_INPUTS = { ...REPAIR_SELF_SERVICE_INPUTS, ...REPAIR_COUNTER_INPUTS } as const;

export type RepairRefusal =
  /** Not on the summary the holder sees now. */
  | 'not-shown'
  /** An application for this record is already waiting for the platform's answer. */
  | 'pending';

export type RepairCheckView =
  | {
      allowed: true;
      severity: Severity;
      /** The materials for this case, in order (one is the letter signed here). */
      checklist: RepairMaterial[];
      /** The 信用修复承诺书 to sign: the catalogue's kind (its text and fields). */
      letter: CommitmentKind;
      answerWorkingDays: number;
    }
  | { allowed: false; reason: RepairRefusal }
  | { allowed: false; reason: 'rules'; eligibility: Exclude<RepairEligibility, { kind: 'eligible' }> };

export interface RepairReceiptView {
  applicationNumber: string;
  commitmentNumber: string;
  recordTitle: string;
  phoneMasked: string;
  submittedAt: string;
  answerWorkingDays: number;
  materials: number;
  /** False: the platform is not reachable now; the application and pages wait in the queue and are sent. */
  delivered: boolean;
  /** The sealed letter's print job (it carries the application number: the printed receipt); null when the printer was unavailable. */
  printJobId: string | null;
}

export type RepairSubmitView = { submitted: true; receipt: RepairReceiptView } | { submitted: false; check: Exclude<RepairCheckView, { allowed: true }> };

/** sending: pages still held here for the platform; submitted: the platform has them; done: the penalty no longer shows (repaired, as it comes back through sync). */
export type RepairState = 'sending' | 'submitted' | 'done';

export interface RepairApplicationView {
  applicationNumber: string;
  recordTitle: string;
  submittedAt: string;
  state: RepairState;
  /** Pages still held here, encrypted, waiting to be sent. */
  pagesWaiting: number;
}

/** The card holder at the counter: whom the staff member is helping (a person's ID number masked). */
export interface RepairCounterApplicantView {
  subject: { name: string; kind: SubjectKind; codeMasked: string };
  /** Their penalties shown now, each with its answer to repairCheck. */
  penalties: Array<{ record: RecordView; check: RepairCheckView }>;
  applications: RepairApplicationView[];
}

export interface RepairOutputs {
  repairCheck: RepairCheckView;
  repairSubmit: RepairSubmitView;
  repairList: RepairApplicationView[];
  repairCameraStep: { open: boolean };
  repairLookup: Omit<RepairApplicationView, 'recordTitle'>;
  repairCounterApplicant: RepairCounterApplicantView;
  repairCounterCheck: RepairCheckView;
  /** At the counter the sealed letter comes back as a PDF to print, like the check slip. */
  repairCounterSubmit: { submitted: true; receipt: RepairReceiptView; file: FileView } | { submitted: false; check: Exclude<RepairCheckView, { allowed: true }> };
  repairCounterCameraStep: { open: boolean };
}
