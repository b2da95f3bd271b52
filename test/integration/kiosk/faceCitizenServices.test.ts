// The face check before what a citizen signs at the kiosk (objections, repair
// applications, commitments), enforced by the services per function whatever the
// screen does: with the policy's 'citizen-service' on and the own summary off, the
// summary is served unchecked while objections and commitments are refused until a
// comparison passed; with 'citizen-service' off they are not asked for one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { SessionInfo } from '../../../src-main/common/contract/views';
import type { FacePolicyInput } from '../../../src-main/common/face/facePolicy';
import type { SignatureStrokes } from '../../../src-main/common/signature/signatureStrokes';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { citizenServiceAction } from '../../../src-renderer/face/citizenServiceStep';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const MATCH = { similarity: 0.82, real: 0.9, live: 0.95 };
const STROKES: SignatureStrokes = [[[100, 300], [200, 100], [300, 300]], [[400, 100], [420, 320]]];
let runtime: KioskRuntime | null = null;
let dataDir = '';

async function kioskWith(faceCheck: FacePolicyInput): Promise<KioskRuntime> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-face-citizen-'));
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ printer: { kind: 'file', dir: path.join(dataDir, 'printed') }, faceCheck }));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {}, configPath: path.join(dataDir, 'config.json') }), resourcesDir: RESOURCES, logger: silentLogger() });
  return runtime;
}

async function placeCard(kiosk: KioskRuntime, cardId: string): Promise<SessionInfo> {
  const inserted = new Promise<Extract<KioskEvent, { type: 'card-inserted' }>>((resolve) => {
    const off = kiosk.api.subscribe((e) => {
      if (e.type === 'card-inserted') {
        off();
        resolve(e);
      }
    });
  });
  expect(await kiosk.api.placeDemoCard({ cardId })).toEqual({ ok: true, value: null });
  return (await inserted).session;
}

afterEach(async () => {
  await runtime?.close();
  runtime = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the 'citizen-service' face check, per function", () => {
  it('refuses an objection without a pass (the port repair applications use too), and serves it after one', async () => {
    const kiosk = await kioskWith({ required: { self: false, enterprise: false, 'citizen-service': true } });
    const session = await placeCard(kiosk, 'card-lin');
    // The own summary is not guarded here: policy is per function.
    expect((await kiosk.api.lookupSelf({ sessionId: session.id })).ok).toBe(true);
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_REQUIRED' } });

    expect(await kiosk.api.beginFaceCheck({ sessionId: session.id, fn: 'citizen-service' })).toMatchObject({ ok: true, value: { required: true, passed: false } });
    expect(await kiosk.api.submitFaceAttempt({ sessionId: session.id, fn: 'citizen-service', scores: MATCH })).toMatchObject({ ok: true, value: { outcome: 'matched', passed: true } });
    await kiosk.api.endFaceCheck({ sessionId: session.id, fn: 'citizen-service' });
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: true, value: [] });
  });

  it('refuses a commitment without a pass, and signs it after one', async () => {
    const kiosk = await kioskWith({ required: { self: false, enterprise: false, 'citizen-service': true } });
    const session = await placeCard(kiosk, 'card-zhou');
    const sign = () => kiosk.api.signCommitment({ sessionId: session.id, kindId: 'voluntary-disclosure', fields: { area: '诚信经营' }, strokes: STROKES });
    expect(await sign()).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_REQUIRED' } });

    await kiosk.api.beginFaceCheck({ sessionId: session.id, fn: 'citizen-service' });
    await kiosk.api.submitFaceAttempt({ sessionId: session.id, fn: 'citizen-service', scores: MATCH });
    await kiosk.api.endFaceCheck({ sessionId: session.id, fn: 'citizen-service' });
    const signed = await sign();
    expect(signed.ok).toBe(true);
  });

  it('an unavailable check (the camera refused) leaves objections and commitments refused: the counter takes over', async () => {
    const kiosk = await kioskWith({ required: { self: false, enterprise: false, 'citizen-service': true } });
    const session = await placeCard(kiosk, 'card-lin');
    await kiosk.api.beginFaceCheck({ sessionId: session.id, fn: 'citizen-service' });
    await kiosk.api.endFaceCheck({ sessionId: session.id, fn: 'citizen-service', unavailable: 'camera-denied' });
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_FAILED' } });
    expect(await kiosk.api.signCommitment({ sessionId: session.id, kindId: 'voluntary-disclosure', fields: { area: '诚信经营' }, strokes: STROKES })).toMatchObject({
      ok: false,
      error: { code: 'FACE_CHECK_FAILED' },
    });
  });

  it("'self' off and 'citizen-service' on: the status names the function still due, whose step gets the person through", async () => {
    const kiosk = await kioskWith({ required: { self: false, enterprise: false, 'citizen-service': true } });
    const session = await placeCard(kiosk, 'card-lin');
    // The summary's step (fn 'self') is skipped by policy and passes nothing the services gate on.
    expect(await kiosk.api.faceCheckStatus({ sessionId: session.id, fn: 'self' })).toEqual({ ok: true, value: { fn: 'self', required: false, passed: false, triesLeft: 3 } });
    expect(await kiosk.api.beginFaceCheck({ sessionId: session.id, fn: 'self' })).toMatchObject({ ok: true, value: { required: false, photo: null } });
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: false, error: { code: 'FACE_CHECK_REQUIRED' } });
    // Asked up front, the services say a 'citizen-service' check is due; asking opens no step.
    expect(await kiosk.api.faceCheckStatus({ sessionId: session.id, fn: 'citizen-service' })).toEqual({ ok: true, value: { fn: 'citizen-service', required: true, passed: false, triesLeft: 3 } });
    expect(kiosk.cameraAllowed?.()).toBe(false);
    // The screen's journey turns that into the step for the citizen service, not the objection.
    expect(await citizenServiceAction(kiosk.api, session.id, 'objection')).toEqual({ type: 'face-first', sessionId: session.id, then: 'objection' });

    expect(await kiosk.api.beginFaceCheck({ sessionId: session.id, fn: 'citizen-service' })).toMatchObject({ ok: true, value: { required: true } });
    await kiosk.api.submitFaceAttempt({ sessionId: session.id, fn: 'citizen-service', scores: MATCH });
    await kiosk.api.endFaceCheck({ sessionId: session.id, fn: 'citizen-service' });
    expect(await kiosk.api.faceCheckStatus({ sessionId: session.id, fn: 'citizen-service' })).toMatchObject({ ok: true, value: { required: true, passed: true } });
    expect(await citizenServiceAction(kiosk.api, session.id, 'objection')).toEqual({ type: 'open-objection' });
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: true, value: [] });
    expect(await kiosk.api.faceCheckStatus({ sessionId: 'ZzZzZzZzZzZzZzZzZzZzZz', fn: 'citizen-service' })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it("with 'citizen-service' off, objections and commitments ask for no check", async () => {
    const kiosk = await kioskWith({ required: { self: false, enterprise: false, 'citizen-service': false } });
    const session = await placeCard(kiosk, 'card-zhou');
    expect(await kiosk.api.objectionList({ sessionId: session.id })).toMatchObject({ ok: true });
    expect((await kiosk.api.signCommitment({ sessionId: session.id, kindId: 'voluntary-disclosure', fields: { area: '诚信经营' }, strokes: STROKES })).ok).toBe(true);
  });
});
