// The bytes an audit anchor's signature covers: the kiosk, how many entries its chain
// held and the hash of the last. The kiosk signs them (node/outbox/auditAnchor.ts), the
// platform verifies them with the kiosk's registered key; a chain later found shorter
// than, or different at, an anchored head was cut or rewritten.

export function auditAnchorMessage(kioskId: string, entries: number, head: string): string {
  return `credit-kiosk-audit-anchor/1\u0000${kioskId}\u0000${entries}\u0000${head}`;
}
