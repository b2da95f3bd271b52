// One authorisation path: every KioskApi method is either part of the citizen's
// journey (public by design) or takes a staff token that the staff sessions check.
// A sync on request exists only as the admin console's action, behind that check.
import { CITIZEN_INPUTS } from '../../../src-main/common/contract/citizenApi';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatchKioskCall } from '../../../src-main/common/contract/dispatch';
import { KIOSK_INPUTS, KIOSK_METHODS, type KioskApi, type KioskMethod } from '../../../src-main/common/contract/kioskApi';
import { DEMO_INPUTS, SELF_SERVICE_INPUTS } from '../../../src-main/common/contract/selfServiceApi';
import { COMMITMENT_SELF_SERVICE_INPUTS } from '../../../src-main/common/contract/commitmentApi';
import { FACE_INPUTS } from '../../../src-main/common/contract/faceApi';
import { REPAIR_SELF_SERVICE_INPUTS } from '../../../src-main/common/contract/repairApi';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';

const RESOURCES = path.resolve(__dirname, '../../../resources');
/** What a person at the screen may call with no sign-in: their own journey, the demo panel, a staff sign-in, the data's age. */
// Citizen services belong to the public journey: a card's session (objections) or no card at all (报告核验).
const PUBLIC: ReadonlySet<string> = new Set([...Object.keys(SELF_SERVICE_INPUTS), ...Object.keys(DEMO_INPUTS), ...Object.keys(CITIZEN_INPUTS), ...Object.keys(COMMITMENT_SELF_SERVICE_INPUTS), ...Object.keys(FACE_INPUTS), ...Object.keys(REPAIR_SELF_SERVICE_INPUTS), 'signIn', 'getSyncStatus']);
const UNKNOWN_TOKEN = 'a'.repeat(32);

function takesToken(schema: z.ZodType): boolean {
  if (schema instanceof z.ZodDiscriminatedUnion) return (schema.options as z.ZodType[]).every(takesToken);
  if (schema instanceof z.ZodObject) return 'token' in schema.shape;
  return false;
}

let runtime: KioskRuntime;
let api: KioskApi;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-auth-'));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {} }), resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
});

afterAll(async () => {
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('one authorisation path for every privileged call', () => {
  it('has no method outside the public journey that does without a staff token', () => {
    const unguarded = KIOSK_METHODS.filter((m) => !PUBLIC.has(m) && !takesToken(KIOSK_INPUTS[m]));
    expect(unguarded).toEqual([]);
  });

  it('refuses every token-bearing method called with no valid sign-in', async () => {
    const guarded = KIOSK_METHODS.filter((m) => takesToken(KIOSK_INPUTS[m]) && m !== 'signOut');
    expect(guarded.length).toBeGreaterThan(10);
    for (const method of guarded) {
      const call = api[method] as (input: unknown) => ReturnType<KioskApi[KioskMethod]>;
      const answer = await call({ token: UNKNOWN_TOKEN, action: 'run-sync' });
      expect(answer, method).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    }
  });

  it('starts a sync on request only through the admin console, and not without a sign-in', async () => {
    expect(await dispatchKioskCall(api, 'runSync', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchKioskCall(api, 'importSyncFolder', { path: '/media' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchKioskCall(api, 'adminAction', { action: 'run-sync' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatchKioskCall(api, 'adminAction', { token: UNKNOWN_TOKEN, action: 'import-usb', path: '/media/usb' })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });
});
