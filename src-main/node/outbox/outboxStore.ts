// The one table of everything the kiosk owes the platform (<dataDir>/outbox.sqlite).
// An event is committed (synchronous = FULL) before enqueue returns; it carries the
// contract's envelope (src-main/common/platform/platformEvents.ts): an id it keeps
// across every retry (the platform stores by id: exactly once), its stream, and a seq
// per stream with no gaps (the platform can see a missing one). Payloads are validated
// against the contract at enqueue and sealed at rest (the field cipher, under a key
// derived from the KeyStore's cache key): a masked note or code is still nobody's business.
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { EVENT_TYPES, EventId, PAYLOADS, streamOf, type EventPayload, type EventType, type PlatformEvent } from '../../common/platform/platformEvents';
import { createFieldCipher, type FieldCipher } from '../cache/fieldCipher';
import { purgeDeliveredOutbox } from '../staff/outboxPurge';
import { ddlMigration, type Migration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

export interface OutboxContext {
  cipher: FieldCipher;
}

const OUTBOX_V1 = `CREATE TABLE IF NOT EXISTS outbox (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, delivered_at TEXT
      )`;

export const OUTBOX_MIGRATIONS: readonly Migration<OutboxContext>[] = [
  ddlMigration(1, 'events waiting for the platform (as shipped before the store opener, which left user_version 0)', OUTBOX_V1),
  {
    version: 2,
    description: 'the platform contract: a stream and a gapless seq per stream, payloads sealed at rest; the v1 rows moved in enqueue order',
    up(db, { cipher }) {
      db.exec(`CREATE TABLE events (
          pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, stream TEXT NOT NULL, seq INTEGER NOT NULL,
          at TEXT NOT NULL, payload BLOB NOT NULL, enqueued_at TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, delivered_at TEXT, UNIQUE (stream, seq)
        );
        CREATE INDEX events_pending ON events (pos) WHERE delivered_at IS NULL;
        CREATE INDEX events_delivered ON events (delivered_at) WHERE delivered_at IS NOT NULL;
        CREATE TABLE streams (stream TEXT PRIMARY KEY, last_seq INTEGER NOT NULL) WITHOUT ROWID;`);
      const old = db.prepare('SELECT id, type, at, payload, attempts, last_error, delivered_at FROM outbox ORDER BY seq').all() as Array<{
        id: string;
        type: string;
        at: string;
        payload: string;
        attempts: number;
        last_error: string | null;
        delivered_at: string | null;
      }>;
      const seqs = new Map<string, number>();
      const insert = db.prepare('INSERT INTO events (id, type, stream, seq, at, payload, enqueued_at, attempts, last_error, delivered_at) VALUES (?,?,?,?,?,?,?,?,?,?)');
      for (const r of old) {
        const stream = r.type in EVENT_TYPES ? streamOf(r.type as EventType) : 'applications';
        const seq = (seqs.get(stream) ?? 0) + 1;
        seqs.set(stream, seq);
        insert.run(r.id, r.type, stream, seq, r.at, cipher.seal(r.payload, r.id), r.at, r.attempts, r.last_error, r.delivered_at);
      }
      const setSeq = db.prepare('INSERT INTO streams (stream, last_seq) VALUES (?, ?)');
      for (const [stream, seq] of seqs) setSeq.run(stream, seq);
      db.exec('DROP TABLE outbox');
    },
  },
];

export const OUTBOX_STORE: StoreSpec<OutboxContext> = { label: { zh: '事件发件箱', en: 'event outbox' }, migrations: OUTBOX_MIGRATIONS };

/** The cipher of outbox payloads: its own key, derived from the KeyStore's cache master key. */
export function outboxCipher(masterKey: Buffer): FieldCipher {
  return createFieldCipher('aes-256-gcm', Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.from('credit-kiosk/outbox/v1'), 'payload-cipher', 32)));
}

export class OutboxFullError extends Error {
  readonly code = 'OUTBOX_FULL';
  constructor(pending: number) {
    super(`待发送事件已达上限（${pending} 条），平台长期无法连接，请运维人员处理 / The outbox is full (${pending} events pending): the platform has been unreachable too long; operators must act`);
    this.name = 'OutboxFullError';
  }
}

export interface PendingSummary {
  pending: number;
  oldestPendingAt: string | null;
  lastDeliveredAt: string | null;
  lastError: string | null;
}

interface Row {
  pos: number;
  id: string;
  type: EventType;
  seq: number;
  at: string;
  payload: Buffer;
}

export class OutboxStore {
  private readonly db: Database.Database;
  private readonly cipher: FieldCipher;

  constructor(
    file: string,
    masterKey: Buffer,
    /** Pending rows beyond which enqueue refuses (nothing is dropped silently). */
    private readonly maxPending: number,
  ) {
    this.cipher = outboxCipher(masterKey);
    this.db = openStore(file, OUTBOX_STORE, { context: { cipher: this.cipher } });
  }

  /**
   * Validates the payload against the contract and commits the event; returns its id.
   * An id already stored is not stored again (a day's usage, a moved row). A heartbeat
   * replaces the one still pending: only the newest state matters, and an offline week
   * does not pile them up.
   */
  enqueue<T extends EventType>(type: T, payload: EventPayload<T>, options: { id?: string; at?: string; now: Date }): string {
    const checked = PAYLOADS[type].parse(payload) as Record<string, unknown>;
    const id = options.id === undefined ? crypto.randomBytes(16).toString('base64url') : EventId.parse(options.id);
    const at = options.at ?? options.now.toISOString();
    const stream = streamOf(type);
    return this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM events WHERE id = ?').get(id)) return id;
      if (type === 'heartbeat') {
        const waiting = this.db.prepare("SELECT id FROM events WHERE type = 'heartbeat' AND delivered_at IS NULL ORDER BY pos DESC LIMIT 1").get() as { id: string } | undefined;
        if (waiting) {
          this.db.prepare('UPDATE events SET at = ?, payload = ? WHERE id = ?').run(at, this.cipher.seal(JSON.stringify(checked), waiting.id), waiting.id);
          return waiting.id;
        }
      } else {
        const pending = this.pendingCount();
        if (pending >= this.maxPending) throw new OutboxFullError(pending);
      }
      const last = (this.db.prepare('SELECT last_seq FROM streams WHERE stream = ?').get(stream) as { last_seq: number } | undefined)?.last_seq ?? 0;
      this.db.prepare('INSERT INTO streams (stream, last_seq) VALUES (?, ?) ON CONFLICT(stream) DO UPDATE SET last_seq = excluded.last_seq').run(stream, last + 1);
      this.db
        .prepare('INSERT INTO events (id, type, stream, seq, at, payload, enqueued_at) VALUES (?,?,?,?,?,?,?)')
        .run(id, type, stream, last + 1, at, this.cipher.seal(JSON.stringify(checked), id), options.now.toISOString());
      return id;
    })();
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM events WHERE id = ?').get(id) !== undefined;
  }

  /** The oldest pending events in enqueue order, which is seq order within each stream. */
  nextBatch(limit: number): PlatformEvent[] {
    const rows = this.db.prepare('SELECT pos, id, type, seq, at, payload FROM events WHERE delivered_at IS NULL ORDER BY pos LIMIT ?').all(limit) as Row[];
    return rows.map((r) => ({ id: r.id, type: r.type, seq: r.seq, at: r.at, payload: JSON.parse(this.cipher.open(r.payload, r.id)) as Record<string, unknown> }));
  }

  markDelivered(ids: readonly string[], at: Date): void {
    const stmt = this.db.prepare('UPDATE events SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => stmt.run(at.toISOString(), id)))();
  }

  markFailed(ids: readonly string[], error: string): void {
    const stmt = this.db.prepare('UPDATE events SET attempts = attempts + 1, last_error = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => stmt.run(error.slice(0, 300), id)))();
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events WHERE delivered_at IS NULL').get() as { n: number }).n;
  }

  summary(): PendingSummary {
    const p = this.db.prepare('SELECT count(*) AS n, min(enqueued_at) AS oldest FROM events WHERE delivered_at IS NULL').get() as { n: number; oldest: string | null };
    const first = this.db.prepare('SELECT last_error FROM events WHERE delivered_at IS NULL ORDER BY pos LIMIT 1').get() as { last_error: string | null } | undefined;
    const delivered = this.db.prepare('SELECT max(delivered_at) AS at FROM events WHERE delivered_at IS NOT NULL').get() as { at: string | null };
    return { pending: p.n, oldestPendingAt: p.oldest, lastDeliveredAt: delivered.at, lastError: first?.last_error ?? null };
  }

  /** Delivered rows are the platform's now: deleted after `days` (pending rows never). */
  purgeDelivered(days: number, now: Date): number {
    return purgeDeliveredOutbox(this.db, 'events', days, now);
  }

  close(): void {
    this.db.close();
  }
}
