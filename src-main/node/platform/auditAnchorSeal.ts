// Signing and checking an audit anchor (common/platform/auditAnchor.ts says what is signed):
// the kiosk signs with its report key, the platform and `audit verify` check with its public key.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { auditAnchorMessage } from '../../common/platform/auditAnchor';
import type { EventPayload } from '../../common/platform/platformEvents';
import { keyIdOf } from '../report/reportSeal';

export type AuditAnchorPayload = EventPayload<'audit-anchor'>;

export function signAuditAnchor(kioskId: string, chain: { entries: number; head: string }, key: { privateKey: KeyObject; keyId: string }): AuditAnchorPayload {
  const signature = sign(null, Buffer.from(auditAnchorMessage(kioskId, chain.entries, chain.head), 'utf8'), key.privateKey).toString('base64url');
  return { entries: chain.entries, head: chain.head, keyId: key.keyId, signature };
}

/** True when the anchor names this public key and its signature holds for this kiosk. */
export function auditAnchorSignedBy(kioskId: string, anchor: AuditAnchorPayload, publicKeyPem: string): boolean {
  try {
    const key = createPublicKey(publicKeyPem);
    if (keyIdOf(key) !== anchor.keyId) return false;
    return verify(null, Buffer.from(auditAnchorMessage(kioskId, anchor.entries, anchor.head), 'utf8'), key, Buffer.from(anchor.signature, 'base64url'));
  } catch {
    return false;
  }
}
