// The append-only, hash-chained audit log (核查留痕, "可查可核可溯"): each entry's hash
// covers its sequence number, its fields and the previous entry's hash, so an edit,
// a deletion, an insertion or a reordering breaks the chain at a named entry.
// SHA-256 by default; SM3 (国密) per entry when configured, so a kiosk can switch.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import sm3 from 'sm-crypto/src/sm3';

export type AuditAlg = 'sha256' | 'sm3';
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  at: string;
  kioskId: string;
  /** '' for self-service entries. */
  staffNo: string;
  /** check, batch-check, decision, display, sign-in, sign-in-failed, sign-out, staff-managed, self-service-query, report-printed … */
  action: string;
  itemId?: string;
  /** From SubjectKeyer: never a person's ID number. */
  subjectKey?: string;
  result: string;
  /** Small structured facts (ids, counts, masked codes); never personal data in clear. */
  detail?: Record<string, unknown>;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'detail'>> {
  seq: number;
  detail: string;
  alg: AuditAlg;
  prevHash: string;
  hash: string;
}

export interface ChainBreak {
  /** The first entry that does not verify (for a deleted entry: the one after the gap). */
  seq: number;
  reason: 'hash-mismatch' | 'previous-hash-mismatch' | 'sequence-gap' | 'head-mismatch' | 'unknown-algorithm';
  /** The sequence number expected at this place in the chain. */
  expectedSeq: number;
  at?: string;
  action?: string;
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  firstBroken: ChainBreak | null;
}

interface Row {
  seq: number;
  at: string;
  kiosk_id: string;
  staff_no: string;
  action: string;
  item_id: string;
  subject_key: string;
  result: string;
  detail: string;
  alg: string;
  prev_hash: string;
  hash: string;
}

export function digest(alg: AuditAlg, text: string): string {
  return alg === 'sm3' ? sm3(text) : createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The exact bytes hashed: a JSON array in fixed order, so no field can move unnoticed. */
export function entryText(seq: number, e: Omit<AuditEntry, 'seq' | 'alg' | 'prevHash' | 'hash'>, prevHash: string): string {
  return `${prevHash}|${JSON.stringify([seq, e.at, e.kioskId, e.staffNo, e.action, e.itemId, e.subjectKey, e.result, e.detail])}`;
}

export class AuditLog {
  private readonly insert: Database.Statement;
  private readonly head: Database.Statement;
  private readonly setHead: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly alg: AuditAlg = 'sha256',
  ) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (seq, at, kiosk_id, staff_no, action, item_id, subject_key, result, detail, alg, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    this.head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    this.setHead = db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash');
  }

  /**
   * Appends entries in one transaction; returns them as stored. With `sync: 'later'` the
   * commit does not wait for the disk (WAL with synchronous = NORMAL: the chain stays
   * whole, only the newest entries could be lost to a power cut) until the next append
   * without it, whose sync of the log makes them durable too. A batch check writes its
   * rows so — a ~10 ms fsync per chunk on the main thread was what kept a kiosk's lookup
   * waiting — and its closing entry durably.
   */
  appendMany(inputs: readonly AuditEntryInput[], options: { sync?: 'now' | 'later' } = {}): AuditEntry[] {
    if (options.sync !== 'later') return this.write(inputs);
    const before = this.db.pragma('synchronous', { simple: true }) as number;
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.write(inputs);
    } finally {
      this.db.pragma(`synchronous = ${before}`);
    }
  }

  private write(inputs: readonly AuditEntryInput[]): AuditEntry[] {
    return this.db.transaction(() => {
      const head = this.head.get() as { seq: number; hash: string } | undefined;
      let seq = head?.seq ?? 0;
      let prev = head?.hash ?? GENESIS_HASH;
      const out: AuditEntry[] = [];
      for (const input of inputs) {
        seq += 1;
        const fields = {
          at: input.at,
          kioskId: input.kioskId,
          staffNo: input.staffNo,
          action: input.action,
          itemId: input.itemId ?? '',
          subjectKey: input.subjectKey ?? '',
          result: input.result,
          detail: JSON.stringify(input.detail ?? {}),
        };
        const hash = digest(this.alg, entryText(seq, fields, prev));
        this.insert.run(seq, fields.at, fields.kioskId, fields.staffNo, fields.action, fields.itemId, fields.subjectKey, fields.result, fields.detail, this.alg, prev, hash);
        out.push({ seq, ...fields, alg: this.alg, prevHash: prev, hash });
        prev = hash;
      }
      if (out.length > 0) this.setHead.run(seq, prev);
      return out;
    })();
  }

  append(input: AuditEntryInput): AuditEntry {
    return this.appendMany([input])[0]!;
  }

  /** The chain's head: how many entries, and the hash of the last (what an anchor signs). */
  current(): { seq: number; hash: string } {
    return (this.head.get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
  }
}

/** Walks the whole chain in sequence order; names the first entry that fails. */
export function verifyAuditChain(db: Database.Database): ChainVerification {
  const total = countOf(db); // counted first: the connection is busy while iterating
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<Row>;
  let expectedSeq = 1;
  let prev = GENESIS_HASH;
  let entries = 0;
  const broken = (row: Row, reason: ChainBreak['reason']): ChainVerification => ({
    valid: false,
    entries: total,
    firstBroken: { seq: row.seq, reason, expectedSeq, at: row.at, action: row.action },
  });
  for (const row of rows) {
    entries += 1;
    if (row.seq !== expectedSeq) return broken(row, 'sequence-gap');
    if (row.prev_hash !== prev) return broken(row, 'previous-hash-mismatch');
    if (row.alg !== 'sha256' && row.alg !== 'sm3') return broken(row, 'unknown-algorithm');
    const fields = {
      at: row.at,
      kioskId: row.kiosk_id,
      staffNo: row.staff_no,
      action: row.action,
      itemId: row.item_id,
      subjectKey: row.subject_key,
      result: row.result,
      detail: row.detail,
    };
    if (digest(row.alg, entryText(row.seq, fields, prev)) !== row.hash) return broken(row, 'hash-mismatch');
    prev = row.hash;
    expectedSeq += 1;
  }
  const head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as { seq: number; hash: string } | undefined;
  const lastSeq = expectedSeq - 1;
  if ((head?.seq ?? 0) !== lastSeq || (head?.hash ?? GENESIS_HASH) !== prev) {
    // Entries cut off the end (or added after it): the head remembers where the chain ended.
    return { valid: false, entries, firstBroken: { seq: Math.min(head?.seq ?? 0, lastSeq) + 1, reason: 'head-mismatch', expectedSeq: lastSeq + 1 } };
  }
  return { valid: true, entries, firstBroken: null };
}

function countOf(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
