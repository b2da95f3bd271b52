// The one outbox on its own: payloads checked against the contract at enqueue, a gapless
// seq per stream delivered in order in batches by the loop (periodic and on enqueue),
// payloads sealed at rest, heartbeats coalesced, the backlog bounded with an alarm,
// a refused batch kept in place, delivered rows purged.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload, PlatformEvent } from '../../../src-main/common/platform/platformEvents';
import { createOutbox, type Outbox, type OutboxOptions } from '../../../src-main/node/outbox/outbox';
import { createPlatformClient, type PlatformClient } from '../../../src-main/node/platformClient/platformClient';
import { checkRecord, reportIssued } from './outboxEvents';

const KEY = Buffer.alloc(32, 5);
let dir: string;
let recorder: Recorder | undefined;
let client: PlatformClient | undefined;
const open: Outbox[] = [];

/** A platform that records each batch it is sent and answers with `status()`. */
interface Recorder {
  url: string;
  batches: PlatformEvent[][];
  status: number;
  close(): Promise<void>;
}

async function startRecorder(): Promise<Recorder> {
  const rec: Recorder = { url: '', batches: [], status: 200, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (rec.status === 200) rec.batches.push((JSON.parse(Buffer.concat(chunks).toString()) as { events: PlatformEvent[] }).events);
      res.writeHead(rec.status, { 'content-type': 'application/json' });
      res.end(rec.status === 200 ? '{}' : '{"error":{"code":"INVALID_INPUT"}}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  rec.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rec.close = () => new Promise<void>((r) => server.close(() => r()));
  return rec;
}

function outbox(options: Partial<OutboxOptions> = {}): Outbox {
  const o = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: KEY, ...options });
  open.push(o);
  return o;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
});
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  await client?.close();
  client = undefined;
  await recorder?.close();
  recorder = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

const heartbeat = (backlog: number): EventPayload<'heartbeat'> => ({ appVersion: '0.1.0', dataVersion: 3, dataAsOf: null, reader: 'ok', printer: 'ok', outboxBacklog: backlog, oldestPendingAt: null, configVersion: null });

describe('enqueue', () => {
  it('refuses a payload the contract does not allow, storing nothing', () => {
    const o = outbox();
    expect(() => o.enqueue('check-record', { ...checkRecord(1), name: '周建国' } as never)).toThrow();
    expect(() => o.enqueue('report-issued', { ...reportIssued(1), digest: 'not-a-digest' })).toThrow();
    expect(o.pending()).toBe(0);
  });

  it('numbers each stream from 1 without gaps, and keeps an id it was given once', () => {
    const o = outbox();
    o.enqueue('check-record', checkRecord(1));
    o.enqueue('report-issued', reportIssued(1));
    o.enqueue('check-decision', { checkId: 'check-1', decision: 'none', measuresApplied: [], staffId: 'D001' });
    expect(o.enqueue('report-issued', reportIssued(2), { id: 'report-fixed-id-2' })).toBe('report-fixed-id-2');
    expect(o.enqueue('report-issued', reportIssued(3), { id: 'report-fixed-id-2' })).toBe('report-fixed-id-2');
    expect(o.pendingEvents().map((e) => [e.type, e.seq])).toEqual([
      ['check-record', 1],
      ['report-issued', 1],
      ['check-decision', 2],
      ['report-issued', 2],
    ]);
  });

  it('seals payloads at rest', async () => {
    const o = outbox();
    o.enqueue('check-decision', { checkId: 'check-9', decision: 'measure-applied', measuresApplied: ['restrict-positions'], staffId: 'D001', note: '申请人周建国 3703**********1234' });
    await o.close();
    open.splice(0);
    for (const f of fs.readdirSync(dir)) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from('周建国')), f).toBe(false);
      expect(bytes.includes(Buffer.from('restrict-positions')), f).toBe(false);
    }
    expect(outbox().pendingEvents()[0]!.payload).toMatchObject({ note: '申请人周建国 3703**********1234' });
  });

  it('keeps one pending heartbeat, the newest', () => {
    const o = outbox();
    const first = o.enqueue('heartbeat', heartbeat(1));
    expect(o.enqueue('heartbeat', heartbeat(2))).toBe(first);
    expect(o.pendingEvents().map((e) => [e.seq, e.payload.outboxBacklog])).toEqual([[1, 2]]);
  });
});

describe('bounds', () => {
  it('raises the alarm past its thresholds and refuses, loudly, past the maximum', () => {
    let now = new Date('2026-12-07T08:00:00Z');
    const o = outbox({ limits: { alarmPending: 3, maxPending: 5, alarmAgeHours: 24 }, now: () => now });
    o.enqueue('check-record', checkRecord(1));
    expect(o.status()).toMatchObject({ pending: 1, alarm: false, alarmMessage: '' });
    now = new Date('2026-12-08T09:00:00Z');
    expect(o.status()).toMatchObject({ alarm: true, alarmMessage: expect.stringMatching(/^平台事件积压：1 条待发送/) });
    for (let i = 2; i <= 5; i++) o.enqueue('check-record', checkRecord(i));
    expect(() => o.enqueue('check-record', checkRecord(6))).toThrow(expect.objectContaining({ code: 'OUTBOX_FULL', message: expect.stringMatching(/^待发送事件已达上限/) }));
    // The heartbeat replaces its predecessor, so it is never what fills the outbox.
    o.enqueue('heartbeat', heartbeat(5));
    expect(o.pending()).toBe(6);
  });
});

describe('delivery', () => {
  it('the loop delivers every stream in seq order, in batches, without being asked, and again after an enqueue', async () => {
    recorder = await startRecorder();
    client = createPlatformClient({ url: recorder.url, token: 't' });
    const o = outbox({ client, batchSize: 40, intervalMs: 3_600_000 });
    for (let i = 0; i < 120; i++) {
      if (i % 2 === 0) o.enqueue('check-record', checkRecord(i));
      else o.enqueue('report-issued', reportIssued(i));
    }
    o.start();
    await expect.poll(() => o.pending(), { timeout: 10_000 }).toBe(0);
    expect(recorder.batches.every((b) => b.length <= 40)).toBe(true);
    const sent = recorder.batches.flat();
    for (const stream of ['check-record', 'report-issued']) expect(sent.filter((e) => e.type === stream).map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));

    // The loop's period is an hour: only the enqueue can bring this one out soon.
    o.enqueue('report-issued', reportIssued(999));
    await expect.poll(() => recorder!.batches.flat().length, { timeout: 10_000 }).toBe(121);
    // The platform has it; the outbox marks it delivered once the answer is back.
    await expect.poll(() => o.pending(), { timeout: 10_000 }).toBe(0);
    expect(o.status()).toMatchObject({ pending: 0, lastError: null, alarm: false, platformConfigured: true });
  });

  it('keeps a refused batch in place, saying why, and sends it when the platform takes it', async () => {
    recorder = await startRecorder();
    client = createPlatformClient({ url: recorder.url, token: 't' });
    const o = outbox({ client });
    o.enqueue('check-record', checkRecord(1));
    recorder.status = 400;
    expect(await o.deliver()).toMatchObject({ delivered: 0, pending: 1, error: expect.stringMatching(/^平台拒收（HTTP 400）/) });
    expect(o.status().lastError).toMatch(/^平台拒收/);
    recorder.status = 200;
    expect(await o.deliver()).toEqual({ delivered: 1, pending: 0 });
  });

  it('purges delivered rows after the configured days, never pending ones', async () => {
    recorder = await startRecorder();
    client = createPlatformClient({ url: recorder.url, token: 't' });
    let now = new Date('2026-12-01T08:00:00Z');
    const o = outbox({ client, limits: { deliveredDays: 3 }, now: () => now });
    o.enqueue('check-record', checkRecord(1));
    await o.deliver();
    o.enqueue('check-record', checkRecord(2)); // stays pending: no delivery after this
    now = new Date('2026-12-05T08:00:00Z');
    await o.close();
    open.splice(0);
    const reopened = outbox({ limits: { deliveredDays: 3 }, now: () => now });
    expect(reopened.status()).toMatchObject({ pending: 1, lastDeliveredAt: null });
    expect(reopened.pendingEvents().map((e) => e.payload.checkId)).toEqual(['check-2']);
  });
});
