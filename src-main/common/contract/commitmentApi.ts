// The credit-commitment part of KioskApi (信用承诺): the catalogue of standard letters,
// signing one on the kiosk for the card holder (or the enterprise they represent), and
// at the counter for the applicant of a check whose item allows 告知承诺 or 容缺受理.
import { z } from 'zod';
import { ChosenFieldsSchema, type CommitmentKind } from '../commitment/commitmentCatalogue';
import { SignatureStrokesSchema } from '../signature/signatureStrokes';
import { SessionId } from './selfServiceApi';
import { StaffToken } from './staffApi';
import type { FileView } from './staffViews';
import type { PrintJobView } from './views';

const KindId = z.string().regex(/^[a-z-]{1,40}$/);

/** The self-service journey's part: within a card session. */
export const COMMITMENT_SELF_SERVICE_INPUTS = {
  /** The letters on offer: each kind's text, fields and options. */
  listCommitmentKinds: z.object({}).strict(),
  /** Signs a letter on the screen; the sealed copy prints for the holder. With uscc: for the enterprise they represent. */
  signCommitment: z
    .object({ sessionId: SessionId, uscc: z.string().max(40).optional(), kindId: KindId, fields: ChosenFieldsSchema, strokes: SignatureStrokesSchema })
    .strict(),
} as const;

/** The counter's part: behind a staff sign-in. */
export const COMMITMENT_COUNTER_INPUTS = {
  /**
   * At the counter, for the applicant of a check whose item allows 告知承诺 or 容缺受理:
   * signed on the pad, or — for a person who cannot sign — confirmed by the signed-in
   * staff member in front of them (audited). The sealed copy comes back as a PDF to print.
   */
  signCommitmentAtCounter: z
    .object({
      token: StaffToken,
      checkId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
      kindId: KindId,
      fields: ChosenFieldsSchema,
      signature: z.discriminatedUnion('kind', [z.object({ kind: z.literal('drawn'), strokes: SignatureStrokesSchema }).strict(), z.object({ kind: z.literal('staff-confirmed') }).strict()]),
    })
    .strict(),
} as const;

export const COMMITMENT_INPUTS = { ...COMMITMENT_SELF_SERVICE_INPUTS, ...COMMITMENT_COUNTER_INPUTS } as const;

export interface CommitmentReceipt {
  commitmentNumber: string;
  /** ISO date the commitment stands until. */
  validUntil: string;
}

export interface CommitmentOutputs {
  listCommitmentKinds: { version: string; acceptingUnit: string; kinds: CommitmentKind[] };
  signCommitment: CommitmentReceipt & { job: PrintJobView };
  signCommitmentAtCounter: CommitmentReceipt & { file: FileView };
}
