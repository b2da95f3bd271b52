// A citizen's ID number or phone never sits in clear in the staff store: a staff-number
// field refuses one, a decision note has it masked before it is queued or audited, and
// delivered feedback is deleted after the configured period.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STAFF_INPUTS } from '../../../src-main/common/contract/staffApi';
import { purgeDeliveredOutbox } from '../../../src-main/node/staff/outboxPurge';
import { openStaffDb, staffDbFile } from '../../../src-main/node/staff/staffDb';
import { DINGSHENG_USCC, removeTempDirs, tempDir } from '../cache/cacheTestFiles';
import { signIn, STAFF, staffFixture } from './staffFixture';

const CITIZEN_ID = '370302199001011234';
afterAll(() => removeTempDirs());

describe('personal data typed where it does not belong', () => {
  it('refuses an ID number or a phone number as a staff number', () => {
    const signInWith = (staffNo: string) => STAFF_INPUTS.signIn.safeParse({ by: 'pin', staffNo, pin: '123456' }).success;
    expect(signInWith('D001')).toBe(true);
    expect(signInWith('00123')).toBe(true);
    expect(signInWith(CITIZEN_ID)).toBe(false);
    expect(signInWith('370302900101123')).toBe(false);
    expect(signInWith('13812345678')).toBe(false);
  });

  it('masks an ID number and a phone in a decision note before it is queued, and the staff store holds neither in clear', async () => {
    const fx = await staffFixture();
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const c = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
    if (!c.ok) throw new Error(c.error.message);
    const d = await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: c.value.subject.code, decision: 'measure-applied', measureIds: ['restrict-government-procurement'], note: `申请人周建国 ${CITIZEN_ID}，电话13812345678` });
    if (!d.ok) throw new Error(d.error.message);
    expect(fx.outbox.pendingEvents().find((e) => e.id === d.value.feedbackEventId)?.payload).toMatchObject({ note: '申请人周建国 3703**********1234，电话138****5678' });
    await fx.close();
    // The staff store and the outbox (whose payloads are sealed as well).
    const files = [path.dirname(staffDbFile(fx.dataDir)), fx.dataDir].flatMap((dir) => fs.readdirSync(dir).map((n) => path.join(dir, n)));
    for (const f of files.filter((file) => fs.statSync(file).isFile())) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(CITIZEN_ID), f).toBe(false);
      expect(bytes.includes('13812345678'), f).toBe(false);
    }
  });
});

describe('delivered feedback', () => {
  it('is deleted after the configured days; pending and recent rows stay', () => {
    const db = openStaffDb(staffDbFile(tempDir('outbox-')), { pepper: Buffer.alloc(32, 7) });
    const now = new Date('2026-12-07T00:00:00Z');
    // Rows of the old staff outbox, as an older kiosk left them.
    const insert = db.prepare('INSERT INTO staff_outbox (event_id, kind, created_at, payload, pending, delivered_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('old', 'k', '2026-10-01T00:00:00Z', '{}', 0, '2026-10-20T00:00:00Z');
    insert.run('recent', 'k', '2026-10-01T00:00:00Z', '{}', 0, '2026-12-01T00:00:00Z');
    insert.run('pending', 'k', '2026-10-01T00:00:00Z', '{}', 1, null);
    expect(purgeDeliveredOutbox(db, 'staff_outbox', 30, now)).toBe(1);
    const left = (db.prepare('SELECT event_id FROM staff_outbox ORDER BY event_id').all() as Array<{ event_id: string }>).map((r) => r.event_id);
    expect(left).toEqual(['pending', 'recent']);
    db.close();
  });
});
