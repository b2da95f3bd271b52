// The durable outbox: check records, report issuance, objections are written to
// SQLite first (so a crash or an offline week loses nothing), then delivered in
// batches when the platform is reachable. Each event keeps its id across retries
// and the platform stores by id, so delivery is exactly once end to end.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { checkTransport } from './httpSource';
import { OutboxEventSchema, type OutboxEvent } from './platformEvents';
import { ddlMigration } from '../store/migrationRunner';
import { openStore, type StoreSpec } from '../store/openStore';

const OUTBOX_V1 = `CREATE TABLE IF NOT EXISTS outbox (
        seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, at TEXT NOT NULL, payload TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, delivered_at TEXT
      )`;

export const OUTBOX_STORE: StoreSpec = { label: { zh: '事件发件箱', en: 'event outbox' }, migrations: [ddlMigration(1, 'events waiting for the platform (as shipped before the store opener, which left user_version 0)', OUTBOX_V1)] };

export interface OutboxOptions {
  file: string;
  /** Platform base URL (events go to <url>/v1/events). */
  url?: string;
  token?: string;
  ca?: string | Buffer;
  timeoutMs?: number;
  batchSize?: number;
  now?: () => Date;
}

export interface Outbox {
  /** Stores an event durably; returns its id. */
  enqueue(type: OutboxEvent['type'], payload: Record<string, unknown>, id?: string): string;
  /** Sends pending events (oldest first); returns how many the platform confirmed. */
  deliver(): Promise<{ delivered: number; pending: number; error?: string }>;
  pending(): number;
  close(): void;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const db = openStore(options.file, OUTBOX_STORE, { context: undefined });
  const now = options.now ?? (() => new Date());
  const base = options.url ? new URL(options.url.endsWith('/') ? options.url : `${options.url}/`) : null;
  if (base) checkTransport(base, options.ca !== undefined);
  const insert = db.prepare('INSERT OR IGNORE INTO outbox (id, type, at, payload) VALUES (?, ?, ?, ?)');
  const pendingRows = db.prepare('SELECT id, type, at, payload FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT ?');
  const markDelivered = db.prepare('UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?');
  const markFailed = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?');
  const countPending = db.prepare('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
  let delivering = false;

  const post = (body: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const url = new URL('v1/events', base!);
      const lib = url.protocol === 'https:' ? https : http;
      const req = lib.request(
        url,
        {
          method: 'POST',
          timeout: options.timeoutMs ?? 10_000,
          headers: { authorization: `Bearer ${options.token ?? ''}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          ...(options.ca ? { ca: options.ca } : {}),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    });

  return {
    enqueue(type, payload, id) {
      const event = OutboxEventSchema.parse({ id: id ?? crypto.randomBytes(16).toString('base64url'), type, at: now().toISOString(), payload });
      insert.run(event.id, event.type, event.at, JSON.stringify(event.payload));
      return event.id;
    },
    async deliver() {
      const pending = (): number => (countPending.get() as { n: number }).n;
      if (!base || !options.token) return { delivered: 0, pending: pending(), error: 'not configured' };
      if (delivering) return { delivered: 0, pending: pending() };
      delivering = true;
      let delivered = 0;
      try {
        for (;;) {
          const rows = pendingRows.all(options.batchSize ?? 100) as Array<{ id: string; type: OutboxEvent['type']; at: string; payload: string }>;
          if (rows.length === 0) break;
          const events = rows.map((r) => ({ id: r.id, type: r.type, at: r.at, payload: JSON.parse(r.payload) as Record<string, unknown> }));
          let status: number;
          try {
            status = await post(JSON.stringify({ events }));
          } catch (err) {
            db.transaction(() => rows.forEach((r) => markFailed.run((err as Error).message.slice(0, 200), r.id)))();
            return { delivered, pending: pending(), error: (err as Error).message };
          }
          if (status !== 200) {
            db.transaction(() => rows.forEach((r) => markFailed.run(`HTTP ${status}`, r.id)))();
            return { delivered, pending: pending(), error: `HTTP ${status}` };
          }
          // Confirmed (new or already stored there): never sent again.
          const at = now().toISOString();
          db.transaction(() => rows.forEach((r) => markDelivered.run(at, r.id)))();
          delivered += rows.length;
        }
        return { delivered, pending: pending() };
      } finally {
        delivering = false;
      }
    },
    pending: () => (countPending.get() as { n: number }).n,
    close: () => db.close(),
  };
}
