// What the platform tests share: a store of either kind behind a running platform, kiosks
// with their own report keys (the kiosk's key code), events as a kiosk's outbox sends
// them, and a POST that returns status and JSON.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { streamOf, type EventPayload, type EventType, type PlatformEvent } from '../../../src-main/common/platform/platformEvents';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { signAuditAnchor } from '../../../src-main/node/platform/auditAnchorSeal';
import { openPostgresPlatformStore } from '../../../src-main/node/platform/postgresPlatformStore';
import type { PlatformStore } from '../../../src-main/node/platform/platformStore';
import { openSqlitePlatformStore } from '../../../src-main/node/platform/sqlitePlatformStore';
import { ensureReportKey, type ReportKey } from '../../../src-main/node/report/reportKeys';
import { testPostgres, type TestPostgres } from '../../support/postgres';

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

/** Opens fresh stores of one kind; close() removes them all. */
export interface StoreMaker {
  open(): Promise<{ store: PlatformStore; database: string }>;
  close(): Promise<void>;
}

export async function storeMaker(kind: StoreKind): Promise<StoreMaker> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-platform-'));
  const drops: Array<() => Promise<void>> = [];
  let server: TestPostgres | null = null;
  return {
    async open() {
      if (kind === 'sqlite') {
        const database = path.join(dir, `${crypto.randomUUID()}.sqlite`);
        return { store: openSqlitePlatformStore(database), database };
      }
      server ??= await testPostgres();
      const db = await server.createDatabase();
      drops.push(db.drop);
      return { store: await openPostgresPlatformStore(db.url), database: db.url };
    },
    async close() {
      for (const drop of drops) await drop();
      await server?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestKiosk {
  id: string;
  token: string;
  key: ReportKey;
  /** Next seq per stream, as the kiosk's outbox numbers them. */
  event<T extends EventType>(type: T, payload: EventPayload<T>, at?: string): PlatformEvent;
  anchor(entries: number, head: string): PlatformEvent;
}

export function testKiosk(id: string, dir: string): TestKiosk {
  const keyDir = path.join(dir, id);
  const key = ensureReportKey(fileKeyStore(keyDir), keyDir);
  const seqs = new Map<string, number>();
  const kiosk: TestKiosk = {
    id,
    token: `${id}-token-${crypto.randomBytes(12).toString('hex')}`,
    key,
    event(type, payload, at = '2026-12-07T09:00:00+08:00') {
      const stream = streamOf(type);
      const seq = (seqs.get(stream) ?? 0) + 1;
      seqs.set(stream, seq);
      return { id: `evt-${crypto.randomBytes(10).toString('hex')}`, type, seq, at, payload };
    },
    anchor: (entries, head) => kiosk.event('audit-anchor', signAuditAnchor(id, { entries, head }, key)),
  };
  return kiosk;
}

export function heartbeat(overrides: Partial<EventPayload<'heartbeat'>> = {}): EventPayload<'heartbeat'> {
  return { appVersion: '1.4.0', dataVersion: 12, dataAsOf: '2026-12-06T00:00:00Z', reader: 'ok', printer: 'ok', outboxBacklog: 0, oldestPendingAt: null, configVersion: 3, ...overrides };
}

export function reportIssued(reportNumber: string): EventPayload<'report-issued'> {
  return {
    reportNumber,
    edition: 'standard',
    subject: { kind: 'enterprise', maskedCode: '91370100MA******0X', key: 'ab'.repeat(16) },
    issuedAt: '2026-12-07T09:30:00+08:00',
    digest: 'cd'.repeat(32),
  };
}

export async function post(url: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

export async function getJson(url: string, token?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
