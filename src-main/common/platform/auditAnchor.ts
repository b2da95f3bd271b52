// What a kiosk signs when it anchors its audit chain at the platform: the kiosk, how many
// entries the chain had and the head hash after the last one. The kiosk signs it with its
// report key (Ed25519); the platform checks the signature against the kiosk's registered
// public key, and `audit verify --platform` compares the local log with the latest anchor.

/** Domain separator: an anchor signature can never pass as a report seal (CKR1) or vice versa. */
export const AUDIT_ANCHOR_VERSION = 'CKA1';

export function auditAnchorMessage(kioskId: string, entries: number, head: string): string {
  return `${AUDIT_ANCHOR_VERSION}\n${kioskId}\n${entries}\n${head}`;
}
