// The KioskApi methods of credit commitments on the self-service kiosk: the catalogue,
// and signing for the session's holder (or the enterprise they represent) with the
// sealed copy printed. The session is checked as lookups check it, and again once the
// letter is drawn: a card lifted meanwhile leaves nothing recorded and nothing queued.
import { ok, type Result } from '../../common/contract/result';
import type { CommitmentMethods, KioskInput } from '../../common/contract/kioskApi';
import type { CommitmentCatalogue } from '../../common/commitment/commitmentCatalogue';
import type { PrintJobView, Provenance } from '../../common/contract/views';
import type { Subject } from '../../common/domain/subject';
import type { Logger } from '../logging/logger';
import { fileView } from '../staff/staffContext';
import type { CounterApplicant } from '../staff/staffChecks';
import { issueCommitment, type CommitmentIssuerOptions } from './issueCommitment';

/** Whom a session signs for: the holder, or (with uscc) the enterprise they represent. */
export interface SessionHolder {
  subject: Subject;
  provenance: Provenance;
  /** The card holder's name: the one who signs. */
  signerName: string;
  /** Whether the session is still on (the card not lifted, not timed out). */
  active(): boolean;
}

/** What the kiosk service offers this room (it implements the port). */
export interface CommitmentKiosk {
  /** The session's subject, checked as lookups check it. */
  holderOf(sessionId: string, uscc?: string): Promise<Result<SessionHolder>>;
  /** Prints a sealed document as reports print, with job events. */
  printDocument(jobName: string, document: { reportNumber: string; pages: number; pdf: Uint8Array }): Promise<Result<PrintJobView>>;
}

export interface CommitmentServiceDeps {
  issuer: CommitmentIssuerOptions;
  kiosk: CommitmentKiosk;
  /** The counter's checks: whom a commitment signed there is for. */
  counter: { commitmentApplicant(token: string, checkId: string): Promise<Result<CounterApplicant>> };
  logger: Logger;
}

export function createCommitmentService(deps: CommitmentServiceDeps): CommitmentMethods {
  const catalogue: CommitmentCatalogue = deps.issuer.catalogue;
  return {
    listCommitmentKinds: async () => ok({ version: catalogue.version, acceptingUnit: catalogue.acceptingUnit, kinds: catalogue.kinds }),

    signCommitment: async ({ sessionId, uscc, kindId, fields, strokes }: KioskInput<'signCommitment'>) => {
      const holder = await deps.kiosk.holderOf(sessionId, uscc);
      if (!holder.ok) return holder;
      const { subject, provenance, signerName, active } = holder.value;
      const issued = await issueCommitment(deps.issuer, { kindId, fields, subject, signerName, signature: { kind: 'drawn', strokes }, channel: 'kiosk', provenance, stillWanted: active });
      if (!issued.ok) {
        deps.logger.info({ event: 'commitment-refused', code: issued.error.code, kindId }, 'commitment refused');
        return issued;
      }
      deps.logger.info({ event: 'commitment-signed', commitmentNumber: issued.value.commitmentNumber, kindId, eventId: issued.value.eventId }, 'commitment signed');
      // Recorded and queued: the copy prints now; a printer fault is shown on the job, the commitment stands.
      const job = await deps.kiosk.printDocument(`credit-commitment-${issued.value.commitmentNumber}`, { reportNumber: issued.value.commitmentNumber, pages: issued.value.pages, pdf: issued.value.pdf });
      const { commitmentNumber, validUntil, pages } = issued.value;
      const printJob = job.ok ? job.value : { jobId: 'not-printed', reportNumber: commitmentNumber, state: 'failed' as const, pages, message: job.error.message, createdAt: new Date().toISOString() };
      return ok({ commitmentNumber, validUntil, job: printJob });
    },

    signCommitmentAtCounter: async ({ token, checkId, kindId, fields, signature }: KioskInput<'signCommitmentAtCounter'>) => {
      const applicant = await deps.counter.commitmentApplicant(token, checkId);
      if (!applicant.ok) return applicant;
      const { staff, subject, provenance, signerName } = applicant.value;
      const issued = await issueCommitment(deps.issuer, {
        kindId,
        fields,
        subject,
        signerName,
        signature: signature.kind === 'drawn' ? signature : { kind: 'staff-confirmed', staff },
        channel: 'counter',
        provenance,
        staffId: staff.staffNo,
      });
      if (!issued.ok) {
        applicant.value.audit('refused', { kindId, code: issued.error.code });
        return issued;
      }
      const { commitmentNumber, validUntil, pdf } = issued.value;
      // Who signed, or which staff member confirmed for a person who cannot sign: on the chain.
      applicant.value.audit(signature.kind, { kindId, commitmentNumber, eventId: issued.value.eventId });
      deps.logger.info({ event: 'commitment-signed', commitmentNumber, kindId, channel: 'counter', signature: signature.kind, staffNo: staff.staffNo }, 'commitment signed at the counter');
      return ok({ commitmentNumber, validUntil, file: fileView(`信用承诺书-${commitmentNumber}.pdf`, 'application/pdf', pdf) });
    },
  };
}
