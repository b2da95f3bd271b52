// The credit-commitment part of KioskApi (信用承诺): the catalogue of standard letters,
// signing one on the kiosk for the card holder (or the enterprise they represent), and
// at the counter for the applicant of a check whose item allows 告知承诺 or 容缺受理.
import { z } from 'zod';
import { ChosenFieldsSchema, type CommitmentKind } from '../commitment/commitmentCatalogue';
import { SignatureStrokesSchema } from '../signature/signatureStrokes';
import { SessionId } from './selfServiceApi';
import type { PrintJobView } from './views';

const KindId = z.string().regex(/^[a-z-]{1,40}$/);

export const COMMITMENT_INPUTS = {
  /** The letters on offer: each kind's text, fields and options. */
  listCommitmentKinds: z.object({}).strict(),
  /** Signs a letter on the screen; the sealed copy prints for the holder. With uscc: for the enterprise they represent. */
  signCommitment: z
    .object({ sessionId: SessionId, uscc: z.string().max(40).optional(), kindId: KindId, fields: ChosenFieldsSchema, strokes: SignatureStrokesSchema })
    .strict(),
} as const;

export interface CommitmentReceipt {
  commitmentNumber: string;
  /** ISO date the commitment stands until. */
  validUntil: string;
}

export interface CommitmentOutputs {
  listCommitmentKinds: { version: string; acceptingUnit: string; kinds: CommitmentKind[] };
  signCommitment: CommitmentReceipt & { job: PrintJobView };
}
