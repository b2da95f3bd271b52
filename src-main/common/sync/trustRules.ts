// The TUF client checks as pure rules, in the order the specification gives them
// (update root, timestamp, snapshot, then the package). Each failure is a SyncRefusal
// with its own code; signature arithmetic comes in as a function, so this stays pure.
import { canonicalJson } from '../encoding/canonicalJson';
import {
  EnvelopeSchema,
  FleetConfigSchema,
  RootSchema,
  SnapshotSchema,
  TimestampSchema,
  type Envelope,
  type PackageEntry,
  type PublicKey,
  type Root,
  type RoleName,
  type Snapshot,
  type Timestamp,
} from './metadataSchemas';
import { SYNC_ERROR_MESSAGES, type SyncErrorCode } from './syncErrors';

export class SyncRefusal extends Error {
  readonly code: SyncErrorCode;
  constructor(code: SyncErrorCode, detail?: string) {
    super(detail ? `${SYNC_ERROR_MESSAGES[code]}: ${detail}` : SYNC_ERROR_MESSAGES[code]);
    this.name = 'SyncRefusal';
    this.code = code;
  }
}

export type VerifySignature = (key: PublicKey, message: Uint8Array, signatureHex: string) => boolean;

const utf8 = new TextEncoder();

/** Parses untrusted bytes as a signed document of the given schema (no signature check yet). */
export function parseEnvelope<T>(bytes: Uint8Array, kind: 'root' | 'timestamp' | 'snapshot' | 'fleet-config'): Envelope<T> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SyncRefusal('SYNC_BAD_METADATA', `${kind}: not UTF-8 JSON`);
  }
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) throw new SyncRefusal('SYNC_BAD_METADATA', `${kind}: ${firstIssue(envelope.error.issues)}`);
  const schema = { root: RootSchema, timestamp: TimestampSchema, snapshot: SnapshotSchema, 'fleet-config': FleetConfigSchema }[kind];
  const signed = schema.safeParse(envelope.data.signed);
  if (!signed.success) throw new SyncRefusal('SYNC_BAD_METADATA', `${kind}: ${firstIssue(signed.error.issues)}`);
  return { signed: signed.data as T, signatures: envelope.data.signatures };
}

function firstIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const i = issues[0];
  return i ? `${i.path.map(String).join('.') || '(root)'}: ${i.message}` : 'invalid';
}

/**
 * A threshold of distinct trusted keys of `role` (as `root` lists them) must have signed.
 * Signatures by keys the root does not know make it SYNC_UNKNOWN_KEY when no trusted key signed at all.
 */
export function checkSignatures(envelope: Envelope, root: Root, role: RoleName, verify: VerifySignature): void {
  const { keyids, threshold } = root.roles[role];
  const message = utf8.encode(canonicalJson(envelope.signed, { integersOnly: true }));
  const good = new Set<string>();
  let trustedSigners = 0;
  for (const s of envelope.signatures) {
    if (!keyids.includes(s.keyid)) continue;
    const key = root.keys[s.keyid];
    if (!key) continue;
    trustedSigners += 1;
    let valid = false;
    try {
      valid = verify(key, message, s.sig);
    } catch {
      valid = false;
    }
    if (valid) good.add(s.keyid);
  }
  if (good.size >= threshold) return;
  if (trustedSigners === 0) throw new SyncRefusal('SYNC_UNKNOWN_KEY', `${role}`);
  throw new SyncRefusal('SYNC_BAD_SIGNATURE', `${role}: ${good.size} of ${threshold} required signatures valid`);
}

/** Version N+1 of root: signed by a threshold of the old root's keys and of its own; version exactly N+1. */
export function checkNextRoot(trusted: Root, next: Envelope<Root>, verify: VerifySignature): Root {
  checkSignatures(next, trusted, 'root', verify);
  checkSignatures(next, next.signed, 'root', verify);
  if (next.signed.version !== trusted.version + 1) {
    throw new SyncRefusal('SYNC_ROLLBACK', `root version ${next.signed.version} after ${trusted.version}`);
  }
  return next.signed;
}

export function isExpired(expires: string, now: Date): boolean {
  return Date.parse(expires) <= now.getTime();
}

export function checkNotExpired(kind: RoleName, expires: string, now: Date): void {
  if (isExpired(expires, now)) throw new SyncRefusal('SYNC_EXPIRED', `${kind} expired ${expires}`);
}

/** What the kiosk trusted last time (the high-water marks). */
export interface TrustedState {
  timestampVersion: number;
  snapshotVersion: number;
}

/** The timestamp: signature, no rollback of itself or of the snapshot it names, not expired. */
export function checkTimestamp(envelope: Envelope<Timestamp>, root: Root, prior: TrustedState, now: Date, verify: VerifySignature): Timestamp {
  checkSignatures(envelope, root, 'timestamp', verify);
  const ts = envelope.signed;
  if (ts.version < prior.timestampVersion) throw new SyncRefusal('SYNC_ROLLBACK', `timestamp version ${ts.version} < ${prior.timestampVersion}`);
  if (ts.snapshot.version < prior.snapshotVersion) throw new SyncRefusal('SYNC_ROLLBACK', `snapshot version ${ts.snapshot.version} < ${prior.snapshotVersion}`);
  checkNotExpired('timestamp', ts.expires, now);
  return ts;
}

/**
 * The snapshot: its bytes already matched the timestamp's hash and length (the caller
 * hashed them); signature; the version the timestamp named (else files of two
 * releases are being mixed); not expired.
 */
export function checkSnapshot(envelope: Envelope<Snapshot>, root: Root, timestamp: Timestamp, now: Date, verify: VerifySignature): Snapshot {
  checkSignatures(envelope, root, 'snapshot', verify);
  const snap = envelope.signed;
  if (snap.version !== timestamp.snapshot.version) {
    throw new SyncRefusal('SYNC_MIXED_SNAPSHOT', `snapshot version ${snap.version}, timestamp names ${timestamp.snapshot.version}`);
  }
  checkNotExpired('snapshot', snap.expires, now);
  for (const p of snap.packages) {
    if (!p.name.startsWith(`${p.sha256}.`)) throw new SyncRefusal('SYNC_BAD_METADATA', `package ${p.name} is not named by its hash`);
    const expected = p.kind === 'full' ? `full-v${snap.version}` : `delta-v${p.baseVersion ?? 0}-v${snap.version}`;
    if (!p.name.includes(`.${expected}.`) || (p.kind === 'full') !== (p.baseVersion === null)) {
      throw new SyncRefusal('SYNC_MIXED_SNAPSHOT', `package ${p.name} does not belong to version ${snap.version}`);
    }
  }
  return snap;
}

/**
 * A delta from exactly the local version when there is one and it is small, else the full
 * package. A delta rewrites each subject in place (indexes, FTS) at 0.3–0.4× a full load's
 * rows/s (bench/sync.bench.ts), so once it carries half the full package's rows the full
 * package is the faster way to the same version.
 */
export function choosePackage(snapshot: Snapshot, localVersion: number | null): PackageEntry {
  const full = snapshot.packages.find((p) => p.kind === 'full');
  if (localVersion !== null) {
    const delta = snapshot.packages.find((p) => p.kind === 'delta' && p.baseVersion === localVersion);
    if (delta && (!full || 2 * rowsOf(delta) <= rowsOf(full))) return delta;
  }
  if (!full) throw new SyncRefusal('SYNC_NO_PACKAGE', `version ${snapshot.version}, local ${localVersion ?? 'none'}`);
  return full;
}

function rowsOf(p: PackageEntry): number {
  return p.subjects + p.records + p.tombstones;
}
