// An audit-anchor event: the head of the staff audit chain signed with the kiosk's key
// (the report-signing key from the KeyStore, whose public half the platform registers)
// by the one anchor signer the platform and `audit verify` check with (platform/auditAnchorSeal).
// Delivered periodically and at each staff sign-out, it lets the platform detect a chain
// cut or rewritten after it. The id names the head, so an unchanged head is sent once.
import type { EventPayload } from '../../common/platform/platformEvents';
import { signAuditAnchor } from '../platform/auditAnchorSeal';
import type { ReportKey } from '../report/reportKeys';

export function auditAnchorEvent(kioskId: string, head: { seq: number; hash: string }, key: Pick<ReportKey, 'privateKey' | 'keyId'>): { id: string; payload: EventPayload<'audit-anchor'> } {
  return { id: `anchor-${head.seq}-${head.hash.slice(0, 16)}`, payload: signAuditAnchor(kioskId, { entries: head.seq, head: head.hash }, key) };
}
