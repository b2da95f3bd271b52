// Where an objection stands, as the person sees it on placing their card again: filed
// (queued, not yet marked), 异议处理中 once sync brings the platform's mark, answered
// once the mark is lifted or the record corrected away — and it stays answered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../src-main/common/contract/result';
import type { CreditRecord } from '../../../../src-main/common/domain/creditRecord';
import type { Subject } from '../../../../src-main/common/domain/subject';
import { DEFAULT_OBJECTION_CONFIG } from '../../../../src-main/common/rules/objectionRules';
import { createObjectionService } from '../../../../src-main/node/citizen/objectionService';
import { ObjectionStore } from '../../../../src-main/node/citizen/objectionStore';
import { fileKeyStore } from '../../../../src-main/node/keys/fileKeyStore';
import type { CitizenAccess } from '../../../../src-main/node/citizen/citizenAccess';
import { silentLogger } from '../../../../src-main/node/logging/logger';

const SESSION = 'session-abcdefghijklmnop';
const subject: Subject = { id: 's-zhou', kind: 'natural-person', code: '370302197211051532', formerCodes: [], name: '周建国' };
const fine: CreditRecord = { id: 'r-fine', subjectId: 's-zhou', category: 'penalty', title: '违规占用消防车通道', status: 'active', severity: 'ordinary', decisionDate: '2026-10-01', dataVersion: 1, fields: {} };
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function setUp() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'objection-state-'));
  let shown: CreditRecord[] = [fine];
  const access: CitizenAccess = {
    alive: () => true,
    subjectFor: async () => ok({ subject, shown, provenance: { source: 'cache', dataVersion: 1, dataAsOf: '2026-11-20T00:00:00Z', stale: false }, holderName: '周建国', applicant: 'subject' }),
    printSealed: async () => null,
  };
  const store = new ObjectionStore(path.join(dir, 'objections.sqlite'));
  const service = createObjectionService({
    access,
    config: DEFAULT_OBJECTION_CONFIG,
    store,
    keyer: { reportSubject: (code) => `k:${code.length}` },
    outbox: { enqueue: () => 'event-0001' },
    phoneKey: null,
    keys: fileKeyStore(dir),
    dataDir: dir,
    issuer: '演示',
    kioskId: 'K1',
    logger: silentLogger(),
  });
  store.add({ applicationNumber: '20261121100304A1B2C3D4', eventId: 'event-0001', subjectKey: 'k:18', recordId: 'r-fine', reasonCode: 'content-wrong', submittedAt: '2026-11-21T02:03:04Z' });
  const stateNow = async () => {
    const r = await service.objectionList({ sessionId: SESSION });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.map((a) => a.state);
  };
  return { service, store, stateNow, setShown: (records: CreditRecord[]) => (shown = records) };
}

describe('objection state', () => {
  it('filed → 异议处理中 when sync marks the record → answered when the mark is lifted', async () => {
    const { stateNow, setShown, store } = setUp();
    expect(await stateNow()).toEqual(['submitted']);
    setShown([{ ...fine, status: 'objection-pending' }]);
    expect(await stateNow()).toEqual(['processing']);
    setShown([fine]);
    expect(await stateNow()).toEqual(['answered']);
    // Answered for good: the record may be objected to again.
    setShown([{ ...fine, status: 'objection-pending' }]);
    expect(await stateNow()).toEqual(['answered']);
    store.close();
  });

  it('answered when the record was corrected away', async () => {
    const { stateNow, setShown, store } = setUp();
    setShown([]);
    expect(await stateNow()).toEqual(['answered']);
    store.close();
  });

  it('refuses to file without the platform’s key for the phone (not configured)', async () => {
    const { service, store } = setUp();
    expect(await service.objectionSubmit({ sessionId: SESSION, recordId: 'r-fine', reasonCode: 'content-wrong', phone: '13912345678' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    store.close();
  });
});
