// The face check's counter fallback (已人工核验身份): a person who cannot use the kiosk's
// camera is checked by card at the counter, and the staff member confirms comparing them
// with the card photo by sight. The confirmation goes on the audit chain under the staff
// number with the keyed subject only, and counts as a face check in the statistics.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FACE_AUDIT_ACTION, FACE_STAFF_VERIFIED } from '../../../src-main/common/face/faceDecision';
import { STAFF_DB_FILE } from '../../../src-main/node/staff/staffDb';
import { ZHOU_ID } from '../cache/cacheTestFiles';
import { ADMIN, demoCard as card, eachStaffFixture, signIn, STAFF, type Fixture } from './staffFixture';

interface AuditRow {
  staff_no: string;
  item_id: string;
  subject_key: string;
  result: string;
  detail: string;
}

function faceEntries(fx: Fixture = fixture()): AuditRow[] {
  const db = new Database(path.join(fx.dataDir, STAFF_DB_FILE), { readonly: true });
  try {
    return db.prepare('SELECT staff_no, item_id, subject_key, result, detail FROM audit_log WHERE action = ? ORDER BY seq').all(FACE_AUDIT_ACTION) as AuditRow[];
  } finally {
    db.close();
  }
}

const fixture = eachStaffFixture();

describe('identity verified by sight at the counter', () => {
  it('records the confirmation with the staff number and the keyed subject, and counts it as a face check', async () => {
    const fx = fixture();
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    fx.reader.place(card('card-zhou'));
    const checked = await fx.service.checkSubject({ token, itemId: 'fiscal-funds', by: 'card', sightVerified: true });
    if (!checked.ok) throw new Error(checked.error.message);

    const [entry, ...more] = faceEntries();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ staff_no: STAFF.staffNo, item_id: 'fiscal-funds', result: FACE_STAFF_VERIFIED });
    expect(JSON.parse(entry!.detail)).toEqual({ by: 'sight', checkId: checked.value.checkId });
    // No personal data in clear: the subject is keyed, the entry names no one.
    expect(entry!.subject_key).toMatch(/\S/);
    expect(JSON.stringify(entry)).not.toContain(ZHOU_ID);
    expect(JSON.stringify(entry)).not.toContain('周建国');

    const admin = await signIn(fx.service, ADMIN.staffNo, ADMIN.pin);
    const day = fx.clock.now.toISOString().slice(0, 10);
    const stats = await fx.service.getStats({ token: admin, from: day, to: day, granularity: 'day' });
    if (!stats.ok) throw new Error(stats.error.message);
    expect(stats.value.rows.filter((r) => r.function === 'face-check').map((r) => [r.staffNo, r.count])).toEqual([[STAFF.staffNo, 1]]);
  });

  it('records nothing for a card check without the confirmation', async () => {
    const fx = fixture();
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    fx.reader.place(card('card-zhou'));
    expect((await fx.service.checkSubject({ token, itemId: 'fiscal-funds', by: 'card' })).ok).toBe(true);
    expect(faceEntries()).toEqual([]);
  });

  it('is refused, and records nothing, without a staff sign-in', async () => {
    const fx = fixture();
    fx.reader.place(card('card-zhou'));
    const r = await fx.service.checkSubject({ token: 'NoSuchStaffSessionToken0', itemId: 'fiscal-funds', by: 'card', sightVerified: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    await fx.service.signOut({ token });
    expect(await fx.service.checkSubject({ token, itemId: 'fiscal-funds', by: 'card', sightVerified: true })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(faceEntries()).toEqual([]);
  });
});
