// The port the citizen services (objection, repair, commitments) need from a
// self-service session: whose data, and the printer. The kiosk service implements it.
import type { Result } from '../../common/contract/result';
import type { PrintJobView, Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';

/** What the citizen services (objection, repair, commitments) take from a self-service session: whose data, and the printer. */
export interface CitizenAccess {
  /** The session is still open (the card lies on the reader, no timeout). */
  alive(sessionId: string): boolean;
  /** The holder's own subject, or (uscc) an enterprise they represent, with the records shown to them now. */
  subjectFor(sessionId: string, uscc?: string): Promise<Result<{ subject: Subject; shown: CreditRecord[]; provenance: Provenance; holderName: string; applicant: 'subject' | 'legal-representative' }>>;
  /** Prints a sealed document (a receipt, a letter); null when the printer is unavailable. */
  printSealed(doc: { kind: string; number: string; pdf: Uint8Array; pages: number }): Promise<PrintJobView | null>;
}
