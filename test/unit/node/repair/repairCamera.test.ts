// The document camera (高拍仪) is granted only while a live session's repair photo step is
// open: the Electron host's permission handler asks the runtime, which asks this.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { grantsCamera } from '../../../../src-main/hosts/electron/cameraPermission';
import type { CitizenAccess } from '../../../../src-main/node/citizen/citizenAccess';
import { loadCommitmentCatalogue } from '../../../../src-main/node/commitment/commitmentCatalogueFile';
import type { CommitmentIssuerOptions } from '../../../../src-main/node/commitment/issueCommitment';
import { silentLogger } from '../../../../src-main/node/logging/logger';
import { loadRepairConfig } from '../../../../src-main/node/repair/repairConfigFile';
import { createRepairService } from '../../../../src-main/node/repair/repairService';
import type { RepairStore } from '../../../../src-main/node/repair/repairStore';

const RESOURCES = path.resolve(__dirname, '../../../../resources');
const SESSION = 'session-0123456789abcdef';

/** `staff`: signed-in tokens, each with its staff number. */
function room(live: Set<string>, staff = new Map<string, string>()) {
  const access: CitizenAccess = { alive: (id) => live.has(id), subjectFor: () => Promise.reject(new Error('not used')), printSealed: () => Promise.resolve(null) };
  return createRepairService({
    access,
    config: loadRepairConfig(RESOURCES),
    letters: { catalogue: loadCommitmentCatalogue(RESOURCES) } as CommitmentIssuerOptions,
    store: {} as RepairStore,
    keyer: { reportSubject: (code) => code },
    outbox: { enqueue: () => 'id' },
    phoneKey: null,
    sendPages: () => Promise.resolve({ sent: 0, left: 0 }),
    audit: () => undefined,
    staffOf: (token) => Promise.resolve(staff.get(token) ?? null),
    counter: { repairApplicant: () => Promise.reject(new Error('not used')) },
    logger: silentLogger(),
  });
}

const APP = { requestingUrl: 'app://kiosk/index.html', securityOrigin: 'app://kiosk/', mediaTypes: ['video'] };

describe('the repair journey’s document camera', () => {
  it('is allowed only between opening and closing the photo step of a live session', async () => {
    const live = new Set([SESSION]);
    const r = room(live);
    expect(r.cameraAllowed()).toBe(false);
    expect(await r.repairCameraStep({ sessionId: SESSION, open: true })).toEqual({ ok: true, value: { open: true } });
    expect(r.cameraAllowed()).toBe(true);
    expect(await r.repairCameraStep({ sessionId: SESSION, open: false })).toEqual({ ok: true, value: { open: false } });
    expect(r.cameraAllowed()).toBe(false);
  });

  it('at the counter: allowed while a signed-in staff member’s photo step is open; an unknown token opens nothing', async () => {
    const staff = new Map([['staff-token-0123456789abcdef', 'D001']]);
    const r = room(new Set(), staff);
    expect(await r.repairCounterCameraStep({ token: 'unknown-token-0123456789abcd', open: true })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(r.cameraAllowed()).toBe(false);
    expect(await r.repairCounterCameraStep({ token: 'staff-token-0123456789abcdef', open: true })).toEqual({ ok: true, value: { open: true } });
    expect(r.cameraAllowed()).toBe(true);
    // Signed out meanwhile: closing still ends the grant.
    staff.clear();
    expect(await r.repairCounterCameraStep({ token: 'staff-token-0123456789abcdef', open: false })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(r.cameraAllowed()).toBe(false);
  });

  it('at the counter: a sign-out (by hand or idle) ends the grant at once; another staff member’s does not', async () => {
    const staff = new Map([['staff-token-0123456789abcdef', 'D001']]);
    const r = room(new Set(), staff);
    await r.repairCounterCameraStep({ token: 'staff-token-0123456789abcdef', open: true });
    r.staffSignedOut('D002');
    expect(r.cameraAllowed()).toBe(true);
    r.staffSignedOut('D001');
    expect(r.cameraAllowed()).toBe(false);
  });

  it('is no longer allowed once the card is lifted, and a dead session cannot open it', async () => {
    const live = new Set([SESSION]);
    const r = room(live);
    await r.repairCameraStep({ sessionId: SESSION, open: true });
    live.delete(SESSION);
    expect(r.cameraAllowed()).toBe(false);
    expect(await r.repairCameraStep({ sessionId: SESSION, open: true })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
  });

  it('drives the host’s grant: video for the app while the step is open, nothing otherwise', async () => {
    const live = new Set([SESSION]);
    const r = room(live);
    expect(grantsCamera('media', APP, () => r.cameraAllowed())).toBe(false);
    await r.repairCameraStep({ sessionId: SESSION, open: true });
    expect(grantsCamera('media', APP, () => r.cameraAllowed())).toBe(true);
    expect(grantsCamera('media', { ...APP, mediaTypes: ['audio'] }, () => r.cameraAllowed())).toBe(false);
  });
});
