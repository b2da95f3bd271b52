// What the platform keeps: the kiosks' events (idempotent by id, tracked per kiosk and
// stream by seq), the report registry, each kiosk's audit anchors, the fleet's latest state
// and the kiosks' credentials (hashed). One interface; PostgreSQL for a city, SQLite for a
// one-machine trial — both through the same SQL below, each with its own migrations.
import crypto from 'node:crypto';
import { canonicalJson } from '../../common/encoding/canonicalJson';
import { PAYLOADS, streamOf, type EventPayload, type EventStream, type EventType, type PlatformEvent } from '../../common/platform/platformEvents';
import type { UsageRowView } from '../../common/platform/fleetViews';
import { PlatformRefusal } from './platformRefusal';

/** What a driver runs: `$1`-style parameters, rows as plain objects. */
export interface SqlRunner {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface SqlDriver extends SqlRunner {
  readonly dialect: 'postgres' | 'sqlite';
  /** One transaction: everything fn did is kept, or (on a throw) nothing. */
  transaction<T>(fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StreamGap {
  stream: EventStream;
  /** The first and last seq missing before the highest one received. */
  from: number;
  to: number;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  /** Streams of this kiosk with events missing before the newest: reported, and kept until they arrive. */
  gaps: StreamGap[];
}

export interface StoredEvent extends PlatformEvent {
  kioskId: string;
  stream: EventStream;
  receivedAt: string;
}

export interface ReportRecord {
  reportNumber: string;
  kioskId: string;
  edition: string;
  subject: { kind: 'person' | 'enterprise'; maskedCode: string };
  issuedAt: string;
  digest: string;
  receivedAt: string;
}

export interface AuditAnchorRecord {
  kioskId: string;
  /** The kiosk's seq of the anchor event: anchors are ordered by it. */
  seq: number;
  entries: number;
  head: string;
  keyId: string;
  signature: string;
  at: string;
  receivedAt: string;
  /** Fewer entries than an earlier anchor, or the same count with another head: the log went back. */
  regressed: boolean;
}

export interface LatestOf<T extends EventType> {
  kioskId: string;
  at: string;
  receivedAt: string;
  payload: EventPayload<T>;
}

export interface KioskRegistration {
  kioskId: string;
  /** The bearer token in clear: only its SHA-256 is stored. */
  token: string;
  /** SPKI PEM of the kiosk's report key: audit anchors must verify against it. */
  publicKeyPem?: string | null;
}

export interface PlatformStore {
  readonly kind: 'postgres' | 'sqlite';
  /** Adds a kiosk or replaces its credential (and key, when given). */
  registerKiosk(registration: KioskRegistration): Promise<void>;
  /** The kiosk a bearer token belongs to (revoked or not), or null. */
  kioskForToken(token: string): Promise<{ kioskId: string; publicKeyPem: string | null; revoked: boolean } | null>;
  /** Every registered kiosk, with when it was registered and revoked (the `platform kiosk list` answer). */
  kioskRegistrations(): Promise<Array<{ kioskId: string; registeredAt: string; revokedAt: string | null; hasPublicKey: boolean }>>;
  /** Refuses the kiosk's credential from now on (its events stay); false when no such kiosk. */
  revokeKiosk(kioskId: string, at: Date): Promise<boolean>;
  /** Stores a validated batch from one kiosk, all or nothing; refuses conflicts with a PlatformRefusal. */
  ingest(kioskId: string, events: readonly PlatformEvent[], receivedAt: Date): Promise<IngestResult>;
  eventCount(): Promise<number>;
  /** Every kiosk with a credential (the fleet view lists them before their first heartbeat). */
  kioskIds(): Promise<string[]>;
  events(kioskId: string, stream?: EventStream): Promise<StoredEvent[]>;
  gaps(kioskId: string): Promise<StreamGap[]>;
  report(reportNumber: string): Promise<ReportRecord | null>;
  latestAuditAnchor(kioskId: string): Promise<AuditAnchorRecord | null>;
  auditAnchors(kioskId: string): Promise<AuditAnchorRecord[]>;
  /** The fleet view's reads (fleetRoutes.ts): newest heartbeat and config-ack per kiosk, usage by day. */
  latestHeartbeats(): Promise<LatestOf<'heartbeat'>[]>;
  configAcks(): Promise<LatestOf<'config-ack'>[]>;
  usageRows(fromDay: string, toDay: string): Promise<UsageRowView[]>;
  /** The newest events of these types across the fleet, newest received first (the checks and reports lists). */
  recentEvents(types: readonly EventType[], limit: number): Promise<StoredEvent[]>;
  /** Every stored event of these types, oldest received first (what `platform export` sends back through sync). */
  eventsOfTypes(types: readonly EventType[]): Promise<StoredEvent[]>;
  close(): Promise<void>;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What "the same event" means for a redelivery: everything the kiosk sent, canonically. */
export function eventBodyHash(e: PlatformEvent): string {
  return crypto.createHash('sha256').update(canonicalJson({ type: e.type, seq: e.seq, at: e.at, payload: e.payload }), 'utf8').digest('hex');
}

interface EventRow {
  id: string;
  kiosk_id: string;
  stream: string;
  seq: number;
  type: string;
  at: string;
  payload: unknown;
  received_at: string;
}

interface AnchorRow {
  kiosk_id: string;
  seq: number;
  entries: number;
  head: string;
  key_id: string;
  signature: string;
  at: string;
  received_at: string;
  regressed: number;
}

interface LatestRow {
  kiosk_id: string;
  at: string;
  received_at: string;
  payload: unknown;
}

/** The fleet state kept per kiosk: the newest event of these types. */
const LATEST_TYPES: ReadonlySet<EventType> = new Set(['heartbeat', 'config-ack']);

export function createPlatformStore(db: SqlDriver): PlatformStore {
  const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
  const toStored = (r: EventRow): StoredEvent => ({
    id: r.id,
    kioskId: r.kiosk_id,
    stream: r.stream as EventStream,
    seq: Number(r.seq),
    type: r.type as EventType,
    at: r.at,
    payload: json(r.payload) as Record<string, unknown>,
    receivedAt: r.received_at,
  });
  const lockKiosk = db.dialect === 'postgres' ? 'SELECT kiosk_id FROM kiosks WHERE kiosk_id = $1 FOR UPDATE' : 'SELECT kiosk_id FROM kiosks WHERE kiosk_id = $1';

  async function gapsOf(tx: SqlRunner, kioskId: string): Promise<StreamGap[]> {
    const rows = await tx.query<{ stream: EventStream; contiguous: number; high: number }>('SELECT stream, contiguous, high FROM kiosk_streams WHERE kiosk_id = $1 AND high > contiguous ORDER BY stream', [kioskId]);
    const out: StreamGap[] = [];
    for (const r of rows) {
      const next = await tx.query<{ seq: number }>('SELECT min(seq) AS seq FROM events WHERE kiosk_id = $1 AND stream = $2 AND seq > $3', [kioskId, r.stream, r.contiguous]);
      out.push({ stream: r.stream, from: Number(r.contiguous) + 1, to: Number(next[0]!.seq) - 1 });
    }
    return out;
  }

  /** Moves the stream's contiguous mark over every seq now present after it. */
  async function advanceStream(tx: SqlRunner, kioskId: string, stream: EventStream): Promise<void> {
    await tx.run('INSERT INTO kiosk_streams (kiosk_id, stream, contiguous, high) VALUES ($1, $2, 0, 0) ON CONFLICT (kiosk_id, stream) DO NOTHING', [kioskId, stream]);
    const [mark] = await tx.query<{ contiguous: number }>('SELECT contiguous FROM kiosk_streams WHERE kiosk_id = $1 AND stream = $2', [kioskId, stream]);
    let contiguous = Number(mark!.contiguous);
    for (;;) {
      const seqs = await tx.query<{ seq: number }>('SELECT seq FROM events WHERE kiosk_id = $1 AND stream = $2 AND seq > $3 ORDER BY seq LIMIT 500', [kioskId, stream, contiguous]);
      const before = contiguous;
      for (const { seq } of seqs) {
        if (Number(seq) !== contiguous + 1) break;
        contiguous += 1;
      }
      if (contiguous === before || seqs.length < 500) break;
    }
    const [high] = await tx.query<{ high: number }>('SELECT max(seq) AS high FROM events WHERE kiosk_id = $1 AND stream = $2', [kioskId, stream]);
    await tx.run('UPDATE kiosk_streams SET contiguous = $3, high = $4 WHERE kiosk_id = $1 AND stream = $2', [kioskId, stream, contiguous, Number(high!.high ?? 0)]);
  }

  async function project(tx: SqlRunner, kioskId: string, e: PlatformEvent, received: string): Promise<void> {
    if (e.type === 'report-issued') {
      const p = PAYLOADS['report-issued'].parse(e.payload);
      const added = await tx.run(
        'INSERT INTO reports (report_number, kiosk_id, edition, subject_kind, subject_masked, subject_key, issued_at, digest, event_id, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (report_number) DO NOTHING',
        [p.reportNumber, kioskId, p.edition, p.subject.kind, p.subject.maskedCode, p.subject.key, p.issuedAt, p.digest, e.id, received],
      );
      if (added === 0) throw new PlatformRefusal('REPORT_CONFLICT', `报告编号已由另一事件登记 / report number ${p.reportNumber} is already registered by another event`, e.id);
    } else if (e.type === 'audit-anchor') {
      const p = PAYLOADS['audit-anchor'].parse(e.payload);
      const earlier = await tx.query<{ n: number }>('SELECT count(*) AS n FROM audit_anchors WHERE kiosk_id = $1 AND seq < $2 AND (entries > $3 OR (entries = $3 AND head <> $4))', [kioskId, e.seq, p.entries, p.head]);
      await tx.run('INSERT INTO audit_anchors (kiosk_id, seq, entries, head, key_id, signature, at, received_at, regressed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
        kioskId,
        e.seq,
        p.entries,
        p.head,
        p.keyId,
        p.signature,
        e.at,
        received,
        Number(earlier[0]!.n) > 0 ? 1 : 0,
      ]);
    } else if (e.type === 'usage-daily') {
      const p = PAYLOADS['usage-daily'].parse(e.payload);
      // A day is sent again as it grows: the newest seq of that day stands.
      await tx.run(
        'INSERT INTO usage_days (kiosk_id, day, seq, rows_json) VALUES ($1, $2, $3, $4) ON CONFLICT (kiosk_id, day) DO UPDATE SET seq = excluded.seq, rows_json = excluded.rows_json WHERE excluded.seq > usage_days.seq',
        [kioskId, p.day, e.seq, JSON.stringify(p.rows)],
      );
    } else if (LATEST_TYPES.has(e.type)) {
      await tx.run(
        'INSERT INTO kiosk_latest (kiosk_id, type, seq, at, payload, received_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kiosk_id, type) DO UPDATE SET seq = excluded.seq, at = excluded.at, payload = excluded.payload, received_at = excluded.received_at WHERE excluded.seq > kiosk_latest.seq',
        [kioskId, e.type, e.seq, e.at, JSON.stringify(e.payload), received],
      );
    }
  }

  const toAnchor = (r: AnchorRow): AuditAnchorRecord => ({
    kioskId: r.kiosk_id,
    seq: Number(r.seq),
    entries: Number(r.entries),
    head: r.head,
    keyId: r.key_id,
    signature: r.signature,
    at: r.at,
    receivedAt: r.received_at,
    regressed: Number(r.regressed) === 1,
  });

  async function latestOf<T extends EventType>(type: T): Promise<LatestOf<T>[]> {
    const rows = await db.query<LatestRow>('SELECT kiosk_id, at, received_at, payload FROM kiosk_latest WHERE type = $1 ORDER BY kiosk_id', [type]);
    return rows.map((r) => ({ kioskId: r.kiosk_id, at: r.at, receivedAt: r.received_at, payload: json(r.payload) as EventPayload<T> }));
  }

  return {
    kind: db.dialect,

    async registerKiosk({ kioskId, token, publicKeyPem }) {
      await db.run(
        'INSERT INTO kiosks (kiosk_id, token_hash, public_key, registered_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kiosk_id) DO UPDATE SET token_hash = excluded.token_hash, public_key = COALESCE(excluded.public_key, kiosks.public_key), revoked_at = NULL',
        [kioskId, tokenHash(token), publicKeyPem ?? null, new Date().toISOString()],
      );
    },

    async kioskForToken(token) {
      const [row] = await db.query<{ kiosk_id: string; public_key: string | null; revoked_at: string | null }>('SELECT kiosk_id, public_key, revoked_at FROM kiosks WHERE token_hash = $1', [tokenHash(token)]);
      return row ? { kioskId: row.kiosk_id, publicKeyPem: row.public_key, revoked: row.revoked_at !== null } : null;
    },

    async kioskRegistrations() {
      const rows = await db.query<{ kiosk_id: string; registered_at: string; revoked_at: string | null; public_key: string | null }>('SELECT kiosk_id, registered_at, revoked_at, public_key FROM kiosks ORDER BY kiosk_id');
      return rows.map((r) => ({ kioskId: r.kiosk_id, registeredAt: r.registered_at, revokedAt: r.revoked_at, hasPublicKey: r.public_key !== null }));
    },

    async revokeKiosk(kioskId, at) {
      return (await db.run('UPDATE kiosks SET revoked_at = COALESCE(revoked_at, $2) WHERE kiosk_id = $1', [kioskId, at.toISOString()])) > 0;
    },

    ingest(kioskId, events, receivedAt) {
      const received = receivedAt.toISOString();
      return db.transaction(async (tx) => {
        // One kiosk's batches one after another (PostgreSQL: a row lock), other kiosks in parallel.
        const [kiosk] = await tx.query(lockKiosk, [kioskId]);
        if (!kiosk) throw new PlatformRefusal('UNKNOWN_KIOSK', `终端未登记 / kiosk ${kioskId} is not registered`);
        let accepted = 0;
        let duplicates = 0;
        const streams = new Set<EventStream>();
        for (const e of events) {
          const body = eventBodyHash(e);
          const stream = streamOf(e.type);
          const [seen] = await tx.query<{ kiosk_id: string; body_hash: string | null }>('SELECT kiosk_id, body_hash FROM events WHERE id = $1', [e.id]);
          if (seen) {
            if (seen.kiosk_id !== kioskId) throw new PlatformRefusal('EVENT_CONFLICT', `事件编号属于另一终端 / event ${e.id} belongs to another kiosk`, e.id);
            // Rows from before bodies were hashed (NULL) are taken at their word.
            if (seen.body_hash !== null && seen.body_hash !== body) throw new PlatformRefusal('EVENT_CONFLICT', `同一事件编号内容不同 / event ${e.id} was received before with a different body`, e.id);
            duplicates += 1;
            continue;
          }
          const [taken] = await tx.query<{ id: string }>('SELECT id FROM events WHERE kiosk_id = $1 AND stream = $2 AND seq = $3', [kioskId, stream, e.seq]);
          if (taken) throw new PlatformRefusal('EVENT_CONFLICT', `序号已被另一事件占用 / seq ${e.seq} of stream ${stream} belongs to event ${taken.id}`, e.id);
          await tx.run('INSERT INTO events (id, kiosk_id, stream, seq, type, at, payload, received_at, body_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
            e.id,
            kioskId,
            stream,
            e.seq,
            e.type,
            e.at,
            JSON.stringify(e.payload),
            received,
            body,
          ]);
          await project(tx, kioskId, e, received);
          streams.add(stream);
          accepted += 1;
        }
        for (const s of streams) await advanceStream(tx, kioskId, s);
        return { accepted, duplicates, gaps: await gapsOf(tx, kioskId) };
      });
    },

    async eventCount() {
      const [row] = await db.query<{ n: number }>('SELECT count(*) AS n FROM events');
      return Number(row!.n);
    },

    async kioskIds() {
      return (await db.query<{ kiosk_id: string }>('SELECT kiosk_id FROM kiosks ORDER BY kiosk_id')).map((r) => r.kiosk_id);
    },

    async events(kioskId, stream) {
      const rows = stream
        ? await db.query<EventRow>('SELECT * FROM events WHERE kiosk_id = $1 AND stream = $2 ORDER BY stream, seq', [kioskId, stream])
        : await db.query<EventRow>('SELECT * FROM events WHERE kiosk_id = $1 ORDER BY stream, seq', [kioskId]);
      return rows.map(toStored);
    },

    async recentEvents(types, limit) {
      if (types.length === 0) return [];
      const marks = types.map((_, i) => `$${i + 2}`).join(', ');
      const rows = await db.query<EventRow>(`SELECT * FROM events WHERE type IN (${marks}) ORDER BY received_at DESC, kiosk_id, seq DESC LIMIT $1`, [limit, ...types]);
      return rows.map(toStored);
    },

    async eventsOfTypes(types) {
      if (types.length === 0) return [];
      const marks = types.map((_, i) => `$${i + 1}`).join(', ');
      const rows = await db.query<EventRow>(`SELECT * FROM events WHERE type IN (${marks}) ORDER BY received_at, kiosk_id, seq`, types);
      return rows.map(toStored);
    },

    gaps: (kioskId) => gapsOf(db, kioskId),

    async report(reportNumber) {
      const [r] = await db.query<{ report_number: string; kiosk_id: string; edition: string; subject_kind: 'person' | 'enterprise'; subject_masked: string; issued_at: string; digest: string; received_at: string }>(
        'SELECT * FROM reports WHERE report_number = $1',
        [reportNumber],
      );
      return r
        ? { reportNumber: r.report_number, kioskId: r.kiosk_id, edition: r.edition, subject: { kind: r.subject_kind, maskedCode: r.subject_masked }, issuedAt: r.issued_at, digest: r.digest, receivedAt: r.received_at }
        : null;
    },

    async latestAuditAnchor(kioskId) {
      const [r] = await db.query<AnchorRow>('SELECT * FROM audit_anchors WHERE kiosk_id = $1 ORDER BY seq DESC LIMIT 1', [kioskId]);
      return r ? toAnchor(r) : null;
    },

    async auditAnchors(kioskId) {
      return (await db.query<AnchorRow>('SELECT * FROM audit_anchors WHERE kiosk_id = $1 ORDER BY seq', [kioskId])).map(toAnchor);
    },

    latestHeartbeats: () => latestOf('heartbeat'),
    configAcks: () => latestOf('config-ack'),

    async usageRows(fromDay, toDay) {
      const rows = await db.query<{ kiosk_id: string; day: string; rows_json: string }>('SELECT kiosk_id, day, rows_json FROM usage_days WHERE day >= $1 AND day <= $2 ORDER BY day, kiosk_id', [fromDay, toDay]);
      return rows.flatMap((r) =>
        (JSON.parse(r.rows_json) as EventPayload<'usage-daily'>['rows']).map((u) => ({ day: r.day, kioskId: r.kiosk_id, fn: u.fn, staffId: u.staffId, count: u.count })),
      );
    },

    close: () => db.close(),
  };
}
