// An audit-anchor event: the head of the staff audit chain signed with the kiosk's key
// (the report-signing key from the KeyStore, whose public half the platform registers).
// Delivered periodically and at each staff sign-out, it lets the platform detect a chain
// cut or rewritten after it. The id names the head, so an unchanged head is sent once.
import { sign } from 'node:crypto';
import type { EventPayload } from '../../common/platform/platformEvents';
import { auditAnchorMessage } from '../../common/platform/auditAnchorMessage';
import type { ReportKey } from '../report/reportKeys';

export function auditAnchorEvent(kioskId: string, head: { seq: number; hash: string }, key: Pick<ReportKey, 'privateKey' | 'keyId'>): { id: string; payload: EventPayload<'audit-anchor'> } {
  const signature = sign(null, Buffer.from(auditAnchorMessage(kioskId, head.seq, head.hash), 'utf8'), key.privateKey).toString('base64');
  return { id: `anchor-${head.seq}-${head.hash.slice(0, 16)}`, payload: { entries: head.seq, head: head.hash, keyId: key.keyId, signature } };
}
