// The whole service stack as the screens use it: demo cache, the simulated reader
// speaking SAM frames, the report PDF and the file printer — nothing replaced.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import type { SessionInfo } from '../../../src-main/common/contract/views';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';

const RESOURCES = path.resolve(__dirname, '../../../resources');
let runtime: KioskRuntime;
let api: KioskApi;
let dataDir: string;
const events: KioskEvent[] = [];

/** Resolves with the first event (from now on) that matches. */
function nextEvent<T extends KioskEvent['type']>(type: T, match: (e: Extract<KioskEvent, { type: T }>) => boolean = () => true): Promise<Extract<KioskEvent, { type: T }>> {
  return new Promise((resolve) => {
    const off = api.subscribe((e) => {
      if (e.type === type && match(e as Extract<KioskEvent, { type: T }>)) {
        off();
        resolve(e as Extract<KioskEvent, { type: T }>);
      }
    });
  });
}

async function placeCard(cardId: string): Promise<SessionInfo> {
  const inserted = nextEvent('card-inserted');
  expect(await api.placeDemoCard({ cardId })).toEqual({ ok: true, value: null });
  return (await inserted).session;
}

async function removeCard(): Promise<void> {
  const removed = nextEvent('card-removed');
  await api.removeDemoCard({});
  await removed;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-runtime-'));
  const config = loadKioskConfig({ dataDir, env: {} });
  runtime = await createKioskRuntime({ config, resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
  api.subscribe((e) => events.push(e));
  // The simulated reader connects on its own, as a plugged-in reader would.
  await new Promise<void>((resolve) => {
    const check = async () => ((await api.getStatus({})).ok && events.some((e) => e.type === 'reader-status' && e.reader.state === 'connected') ? resolve() : setTimeout(check, 50));
    void check();
  });
});

afterAll(async () => {
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kiosk runtime on its demo', () => {
  it('starts a session for a placed card, holding only a masked view', async () => {
    const session = await placeCard('card-zhou');
    expect(session.holder).toEqual({ cardType: 'resident', name: '周建国', idNumberMasked: '3703**********1532', expired: false });
    await removeCard();
  });

  it('shows the holder their own publicly visible records, masked code, with provenance', async () => {
    const session = await placeCard('card-zhou');
    const r = await api.lookupSelf({ sessionId: session.id });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.subject.name).toBe('周建国');
    expect(r.value.subject.code).toBe('3703**********1532');
    expect(r.value.records.map((x) => x.category)).toContain('serious-dishonesty');
    expect(r.value.statusTags).toContain('失信惩戒对象');
    expect(r.value.provenance).toMatchObject({ source: 'cache', stale: false });
    await removeCard();
  });

  it('keeps archived records off the screen (past deadline, repaired)', async () => {
    const session = await placeCard('card-lin');
    const r = await api.lookupEnterprise({ sessionId: session.id, uscc: '91370303MA3C7K2P1R' });
    if (!r.ok) throw new Error(r.error.message);
    const penalties = r.value.records.filter((x) => x.category === 'penalty');
    expect(penalties).toHaveLength(1);
    expect(penalties.every((p) => !p.disclosureDeadline || p.disclosureDeadline >= new Date().toISOString().slice(0, 10))).toBe(true);
    await removeCard();
  });

  it('opens an enterprise only for its registered legal representative', async () => {
    const lin = await placeCard('card-lin');
    const mine = await api.listMyEnterprises({ sessionId: lin.id });
    expect(mine).toEqual({ ok: true, value: [{ code: '91370303MA3C7K2P1R', name: expect.stringContaining('青禾') }] });
    expect(await api.lookupEnterprise({ sessionId: lin.id, uscc: '91370302MA3D8N5Q2G' })).toMatchObject({ ok: false, error: { code: 'NOT_THE_SUBJECT' } });
    expect(await api.lookupEnterprise({ sessionId: lin.id, uscc: '91370302MA3D8N5Q2X' })).toMatchObject({ ok: false, error: { code: 'INVALID_CODE' } });
    expect(await api.printReport({ sessionId: lin.id, uscc: '91370302MA3D8N5Q2G' })).toMatchObject({ ok: false, error: { code: 'NOT_THE_SUBJECT' } });
    await removeCard();
  });

  it('refuses an expired card and a holder with no record, each with its own code', async () => {
    const expired = await placeCard('card-lin-expired');
    expect(expired.holder.expired).toBe(true);
    expect(await api.lookupSelf({ sessionId: expired.id })).toMatchObject({ ok: false, error: { code: 'CARD_EXPIRED' } });
    await removeCard();
    const hmt = await placeCard('card-hmt');
    expect(await api.lookupSelf({ sessionId: hmt.id })).toMatchObject({ ok: false, error: { code: 'SUBJECT_NOT_FOUND' } });
    await removeCard();
  });

  it('ends the session when the card leaves, and the session id stops working', async () => {
    const session = await placeCard('card-zhou');
    const ended = nextEvent('session-ended');
    await api.removeDemoCard({});
    expect(await ended).toMatchObject({ sessionId: session.id, reason: 'card-removed' });
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('ends the session when the screen says so', async () => {
    const session = await placeCard('card-zhou');
    await api.endSession({ sessionId: session.id, reason: 'idle' });
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    await removeCard();
  });

  it('prints a real PDF to the file printer, follows the job to completion, and keeps to the daily quota', async () => {
    const session = await placeCard('card-zhou');
    // The summary says how many free prints are left today, before 打印 is pressed.
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: true, value: { printsLeftToday: 2 } });
    const completed = nextEvent('print-job', (e) => e.job.state === 'completed');
    const first = await api.printReport({ sessionId: session.id });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.reportNumber).toMatch(/^\d{14}[0-9A-Z]{8}$/);
    expect((await completed).job.reportNumber).toBe(first.value.reportNumber);
    const printed = fs.readdirSync(path.join(runtime.config.dataDir, 'printed')).filter((f) => f.endsWith('.pdf'));
    expect(printed.some((f) => f.includes(first.value.reportNumber))).toBe(true);
    expect((await api.printReport({ sessionId: session.id })).ok).toBe(true);
    expect(await api.printReport({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'QUOTA_REACHED' } });
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: true, value: { printsLeftToday: 0 } });
    await removeCard();
  });
});
