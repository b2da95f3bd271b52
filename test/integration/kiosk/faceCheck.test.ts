// The face check as the services enforce it, whatever the screen does: with the policy
// on, a person's own summary, preview and report, and an enterprise's, are refused until
// a comparison passed in this session; the demo reader's decoded card photo is handed
// out for the step; only outcome and band are recorded; tries run out to the counter.
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
import Database from 'better-sqlite3';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const MATCH = { similarity: 0.82, real: 0.9, live: 0.95 };
const STRANGER = { similarity: 0.21, real: 0.9, live: 0.95 };
let runtime: KioskRuntime;
let api: KioskApi;
let dataDir: string;

async function placeCard(cardId: string): Promise<SessionInfo> {
  const inserted = new Promise<Extract<KioskEvent, { type: 'card-inserted' }>>((resolve) => {
    const off = api.subscribe((e) => {
      if (e.type === 'card-inserted') {
        off();
        resolve(e);
      }
    });
  });
  expect(await api.placeDemoCard({ cardId })).toEqual({ ok: true, value: null });
  return (await inserted).session;
}

async function removeCard(): Promise<void> {
  const removed = new Promise<void>((resolve) => {
    const off = api.subscribe((e) => {
      if (e.type === 'card-removed') {
        off();
        resolve();
      }
    });
  });
  await api.removeDemoCard({});
  await removed;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-face-'));
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ printer: { kind: 'file', dir: path.join(dataDir, 'printed') }, faceCheck: { required: { self: true, enterprise: true, 'citizen-service': false }, maxTries: 2 } }));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {}, configPath: path.join(dataDir, 'config.json') }), resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
});

afterAll(async () => {
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the services refuse personal data without a passed face check', () => {
  it('refuses the summary, preview, report and enterprise until the check passes, then serves them', async () => {
    const session = await placeCard('card-lin');
    for (const answer of [api.lookupSelf({ sessionId: session.id }), api.previewReport({ sessionId: session.id }), api.printReport({ sessionId: session.id }), api.lookupEnterprise({ sessionId: session.id, uscc: '91370303MA3C7K2P1R' })]) {
      expect(await answer).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_REQUIRED' } });
    }
    // No step open yet: no camera for the screen, and an attempt is refused.
    expect(runtime.cameraAllowed?.()).toBe(false);
    expect(await api.submitFaceAttempt({ sessionId: session.id, fn: 'self', scores: MATCH })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const begun = await api.beginFaceCheck({ sessionId: session.id, fn: 'self' });
    expect(begun).toMatchObject({ ok: true, value: { required: true, passed: false, triesLeft: 2, photo: { format: 'jpeg' } } });
    expect(runtime.cameraAllowed?.()).toBe(true);
    // The decoded demo photo is the JPEG the demo decoder stands in with.
    const photo = begun.ok ? Buffer.from(begun.value.photo!.data, 'base64') : Buffer.alloc(0);
    expect(photo.equals(fs.readFileSync(path.join(RESOURCES, 'demo/photos/card-lin.jpg')))).toBe(true);

    expect(await api.submitFaceAttempt({ sessionId: session.id, fn: 'self', scores: MATCH })).toEqual({ ok: true, value: { outcome: 'matched', band: 'high', passed: true, triesLeft: 0 } });
    await api.endFaceCheck({ sessionId: session.id, fn: 'self' });
    expect(runtime.cameraAllowed?.()).toBe(false);
    expect((await api.lookupSelf({ sessionId: session.id })).ok).toBe(true);
    expect((await api.lookupEnterprise({ sessionId: session.id, uscc: '91370303MA3C7K2P1R' })).ok).toBe(true);
    await removeCard();
  });

  it('a pass belongs to its session: the next card starts unchecked', async () => {
    const session = await placeCard('card-lin');
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_REQUIRED' } });
    await removeCard();
  });

  it('after the last refused try the check is over: the counter, and still no data', async () => {
    const session = await placeCard('card-zhou');
    await api.beginFaceCheck({ sessionId: session.id, fn: 'self' });
    expect(await api.submitFaceAttempt({ sessionId: session.id, fn: 'self', scores: STRANGER })).toMatchObject({ ok: true, value: { outcome: 'not-matched', band: 'low', passed: false, triesLeft: 1 } });
    expect(await api.submitFaceAttempt({ sessionId: session.id, fn: 'self', scores: { ...MATCH, real: 0.1 } })).toMatchObject({ ok: true, value: { outcome: 'not-live', passed: false, triesLeft: 0 } });
    expect(await api.submitFaceAttempt({ sessionId: session.id, fn: 'self', scores: MATCH })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_FAILED' } });
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_FAILED' } });
    expect(await api.beginFaceCheck({ sessionId: session.id, fn: 'self' })).toMatchObject({ ok: true, value: { triesLeft: 0, photo: null } });
    await removeCard();
  });

  it('a card whose photo the decoder cannot read: no photo for the step; the screen reports it and the counter takes over', async () => {
    const session = await placeCard('card-hmt');
    expect(await api.beginFaceCheck({ sessionId: session.id, fn: 'self' })).toMatchObject({ ok: true, value: { required: true, photo: null } });
    await api.endFaceCheck({ sessionId: session.id, fn: 'self', unavailable: 'no-card-photo' });
    expect(await api.lookupSelf({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_FAILED' } });
    await removeCard();
  });

  it('records only the outcome and its band, counted in the audit log', () => {
    const db = new Database(path.join(dataDir, 'demo', 'staff.sqlite'), { readonly: true });
    try {
      const rows = db.prepare("SELECT result, detail FROM audit_log WHERE action = 'face-check' ORDER BY seq").all() as Array<{ result: string; detail: string }>;
      expect(rows.map((r) => r.result)).toEqual(['matched', 'not-live', 'unavailable']);
      for (const row of rows) expect(Object.keys(JSON.parse(row.detail) as object).sort()).toEqual(['band', 'fn']);
    } finally {
      db.close();
    }
  });
});
