// The local audit log against the platform's latest anchor of it: a log with fewer entries
// than the anchor was truncated; a log whose entry at the anchor's count hashes otherwise
// was rewritten (even if its own chain and head were recomputed to look intact).
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from '../staff/auditLog';
import { auditAnchorSignedBy } from './auditAnchorSeal';
import type { AuditAnchorRecord } from './platformStore';

export type AnchorVerdict =
  /** The log holds the anchored entries unchanged (and perhaps more after them). */
  | 'consistent'
  /** Entries the anchor counted are gone. */
  | 'truncated'
  /** The entry at the anchor's count hashes otherwise than it did when anchored. */
  | 'rewritten'
  /** The anchor is not signed by this kiosk's key: it proves nothing. */
  | 'bad-signature';

export interface AnchorCheck {
  verdict: AnchorVerdict;
  anchoredEntries: number;
  localEntries: number;
  /** False when no public key was at hand to check the anchor's signature. */
  signatureChecked: boolean;
}

export function checkAuditAgainstAnchor(db: Database.Database, kioskId: string, anchor: Pick<AuditAnchorRecord, 'entries' | 'head' | 'keyId' | 'signature'>, publicKeyPem: string | null): AnchorCheck {
  const localEntries = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM audit_log').get() as { n: number }).n;
  const base = { anchoredEntries: anchor.entries, localEntries, signatureChecked: publicKeyPem !== null };
  if (publicKeyPem !== null && !auditAnchorSignedBy(kioskId, anchor, publicKeyPem)) return { verdict: 'bad-signature', ...base };
  if (localEntries < anchor.entries) return { verdict: 'truncated', ...base };
  const row = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(anchor.entries) as { hash: string } | undefined;
  const hash = anchor.entries === 0 ? GENESIS_HASH : row?.hash;
  if (hash === undefined) return { verdict: 'truncated', ...base };
  return { verdict: hash === anchor.head ? 'consistent' : 'rewritten', ...base };
}
