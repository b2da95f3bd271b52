// The counter-staff service end to end over a real demo cache and a real staff.sqlite.
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DINGSHENG_USCC, QINGHE_USCC, removeTempDirs, ZHOU_ID } from '../cache/cacheTestFiles';
import { ADMIN, demoCard, signIn, STAFF, staffFixture, SUPERVISOR, type Fixture } from './staffFixture';

const card = demoCard;

let fx: Fixture;
beforeEach(async () => {
  fx = await staffFixture();
});
afterEach(async () => {
  await fx.close();
});
afterAll(() => removeTempDirs());

describe('sign-in', () => {
  it('signs in by staff number and PIN, and by the staff member’s own card', async () => {
    const r = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: STAFF.pin });
    expect(r.ok && r.value.signedIn && r.value.session.role).toBe('staff');
    expect(await fx.service.signIn({ by: 'card' })).toEqual({ ok: true, value: { signedIn: false, reason: 'no-card' } });
    fx.reader.place(card('card-lin')); // linked to D001 in the demo accounts
    const byCard = await fx.service.signIn({ by: 'card' });
    expect(byCard.ok && byCard.value.signedIn && byCard.value.session.staffNo).toBe('D001');
    fx.reader.remove();
    fx.reader.place(card('card-zhou'));
    expect(await fx.service.signIn({ by: 'card' })).toEqual({ ok: true, value: { signedIn: false, reason: 'unknown-card' } });
  });

  it('locks an account after five wrong PINs, even against the right PIN, until the lock ends', async () => {
    for (let i = 4; i >= 1; i--) {
      const r = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: '000000' });
      expect(r).toEqual({ ok: true, value: { signedIn: false, reason: 'bad-credentials', attemptsLeft: i } });
    }
    const locked = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: '000000' });
    expect(locked.ok && !locked.value.signedIn && locked.value.reason).toBe('locked');
    const right = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: STAFF.pin });
    expect(right.ok && !right.value.signedIn && right.value.reason).toBe('locked');
    fx.clock.advance(15 * 60_000 + 1);
    const after = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: STAFF.pin });
    expect(after.ok && after.value.signedIn).toBe(true);
  });

  it('a supervisor may lift a staff member’s lockout', async () => {
    for (let i = 0; i < 5; i++) await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: '111111' });
    const sup = await signIn(fx.service, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const r = await fx.service.manageStaff({ token: sup, action: 'unlock', staffNo: STAFF.staffNo });
    expect(r.ok).toBe(true);
    expect((await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: STAFF.pin })).ok).toBe(true);
  });

  it('refuses an admin-console sign-in to staff without the kiosk-admin right, and starts no session', async () => {
    const r = await fx.service.signIn({ by: 'pin', staffNo: STAFF.staffNo, pin: STAFF.pin, purpose: 'kiosk-admin' });
    expect(r).toEqual({ ok: true, value: { signedIn: false, reason: 'no-right' } });
    fx.reader.place(card('card-lin')); // D001's own card
    expect(await fx.service.signIn({ by: 'card', purpose: 'kiosk-admin' })).toEqual({ ok: true, value: { signedIn: false, reason: 'no-right' } });
    const admin = await fx.service.signIn({ by: 'pin', staffNo: ADMIN.staffNo, pin: ADMIN.pin, purpose: 'kiosk-admin' });
    expect(admin.ok && admin.value.signedIn && admin.value.session.role).toBe('admin');
  });

  it('ends an admin-console session after two idle minutes (a counter session keeps its own idle time)', async () => {
    const desk = await fx.service.signIn({ by: 'pin', staffNo: ADMIN.staffNo, pin: ADMIN.pin, purpose: 'kiosk-admin' });
    if (!desk.ok || !desk.value.signedIn) throw new Error('sign-in failed');
    expect(desk.value.session.idleSeconds).toBe(120);
    const counter = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    fx.clock.advance(2 * 60_000 + 1);
    expect(fx.service.authorise(desk.value.session.token, 'kiosk-admin')).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect((await fx.service.staffSession({ token: counter })).ok).toBe(true);
  });

  it('signs a session out after the idle time, with an event', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    fx.clock.advance(9 * 60_000);
    expect((await fx.service.staffSession({ token })).ok).toBe(true); // activity resets the idle clock
    fx.clock.advance(10 * 60_000 + 1);
    const r = await fx.service.listBusinessItems({ token });
    expect(!r.ok && r.error.code).toBe('NO_SESSION');
    expect(fx.events).toContainEqual({ type: 'staff-signed-out', staffNo: 'D001', reason: 'idle' });
  });
});

describe('role limits', () => {
  it('staff cannot manage accounts; an admin can, and a new account signs in', async () => {
    const staff = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    for (const input of [
      { token: staff, action: 'list' as const },
      { token: staff, action: 'add' as const, staffNo: 'X1', name: '新人', role: 'admin' as const, pin: '123456' },
      { token: staff, action: 'reset-pin' as const, staffNo: 'D900', pin: '123456' },
    ]) {
      const r = await fx.service.manageStaff(input);
      expect(!r.ok && r.error.code).toBe('UNAUTHORIZED');
    }
    const sup = await signIn(fx.service, SUPERVISOR.staffNo, SUPERVISOR.pin);
    const supAdd = await fx.service.manageStaff({ token: sup, action: 'add', staffNo: 'X1', name: '新人', role: 'staff', pin: '123456' });
    expect(!supAdd.ok && supAdd.error.code).toBe('UNAUTHORIZED');
    const admin = await signIn(fx.service, ADMIN.staffNo, ADMIN.pin);
    const added = await fx.service.manageStaff({ token: admin, action: 'add', staffNo: 'X1', name: '新人', role: 'staff', pin: '123456' });
    expect(added.ok && added.value.map((a) => a.staffNo)).toContain('X1');
    expect((await fx.service.signIn({ by: 'pin', staffNo: 'X1', pin: '123456' })).ok).toBe(true);
    const lastAdmin = await fx.service.manageStaff({ token: admin, action: 'update', staffNo: 'D900', role: 'staff' });
    expect(!lastAdmin.ok && lastAdmin.error.code).toBe('INVALID_INPUT');
  });

  it('staff see only their own statistics', async () => {
    const staff = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const r = await fx.service.getStats({ token: staff, from: '2026-05-01', to: '2026-05-31', granularity: 'day', staffNo: 'D002' });
    expect(!r.ok && r.error.code).toBe('UNAUTHORIZED');
  });
});

describe('checks', () => {
  it('a judgment defaulter checked for government procurement: hits, the measures of this item with legal basis, provenance', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const items = await fx.service.listBusinessItems({ token });
    expect(items.ok && items.value.length).toBeGreaterThanOrEqual(6);
    const r = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC.toLowerCase() });
    if (!r.ok) throw new Error(r.error.message);
    const c = r.value;
    expect(c.hits.map((h) => h.kind).sort()).toEqual(['abnormal-operation', 'judgment-defaulter']); // the repaired penalty is no hit
    expect(c.verdict).toBe('punish');
    const procurement = c.measures.find((m) => m.id === 'restrict-government-procurement')!;
    expect(procurement.legalBasis.map((b) => b.title).join()).toContain('政府采购法');
    expect(procurement.triggeredBy).toEqual(['judgment-defaulter']);
    // Only this item's measures: high-consumption limits belong to other items.
    expect(c.measures.map((m) => m.id)).not.toContain('restrict-high-consumption');
    expect(c.incentives).toEqual([]);
    expect(c.provenance.source).toBe('cache');
  });

  it('an honoured organisation gets the item’s incentives; a person is masked; unknown codes are told apart', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const centre = await fx.service.checkSubject({ token, itemId: 'business-licence', by: 'code', code: '12370303MB1F3K6Y81' });
    expect(centre.ok && centre.value.verdict).toBe('incentive');
    expect(centre.ok && centre.value.incentives.map((i) => i.id)).toContain('tolerance-acceptance');
    const person = await fx.service.checkSubject({ token, itemId: 'director-filing', by: 'code', code: ZHOU_ID });
    if (!person.ok) throw new Error(person.error.message);
    expect(person.value.subject.code).not.toContain(ZHOU_ID.slice(6, 14));
    expect(person.value.measures.map((m) => m.id)).toContain('restrict-positions');
    const bad = await fx.service.checkSubject({ token, itemId: 'director-filing', by: 'code', code: '91350100M000100Y44' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_CODE');
    const missing = await fx.service.checkSubject({ token, itemId: 'director-filing', by: 'code', code: '91350100M000100Y43' });
    expect(!missing.ok && missing.error.code).toBe('SUBJECT_NOT_FOUND');
  });

  it('checks the applicant’s card on the reader (the screen never sends card data)', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const none = await fx.service.checkSubject({ token, itemId: 'fiscal-funds', by: 'card' });
    expect(!none.ok && none.error.code).toBe('NO_SESSION');
    fx.reader.place(card('card-zhou'));
    const r = await fx.service.checkSubject({ token, itemId: 'fiscal-funds', by: 'card' });
    expect(r.ok && r.value.subject.name).toBe('周建国');
    expect(r.ok && r.value.hits.map((h) => h.kind).sort()).toEqual(['judgment-defaulter', 'penalty', 'penalty']);
  });

  it('finds organisations by name', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const r = await fx.service.searchSubjects({ token, text: '青禾' });
    expect(r.ok && r.value.candidates[0]?.code).toBe(QINGHE_USCC);
  });

  it('refuses a decision that names another subject than its check (a form left over from an earlier subject)', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const first = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
    const second = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: QINGHE_USCC });
    if (!first.ok || !second.ok) throw new Error('check failed');
    // The screen shows 青禾 but the decision form still holds 鼎盛's check.
    const stale = await fx.service.recordDecision({ token, checkId: first.value.checkId, subjectCode: second.value.subject.code, decision: 'none' });
    expect(!stale.ok && stale.error.code).toBe('INVALID_INPUT');
    expect(!stale.ok && stale.error.message).toContain('主体');
    expect(fx.outbox.pendingEvents().filter((e) => e.type === 'check-decision')).toHaveLength(0);
    const right = await fx.service.recordDecision({ token, checkId: second.value.checkId, subjectCode: QINGHE_USCC, decision: 'none' });
    expect(right.ok).toBe(true);
  });

  it('records a decision into the audit chain and the feedback outbox; prints a slip', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const c = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
    if (!c.ok) throw new Error(c.error.message);
    const wrong = await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: DINGSHENG_USCC, decision: 'measure-applied', measureIds: ['restrict-exit'] });
    expect(!wrong.ok && wrong.error.code).toBe('INVALID_INPUT');
    const d = await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: DINGSHENG_USCC, decision: 'measure-applied', measureIds: ['restrict-government-procurement'], note: '拒绝其参与本次采购' });
    if (!d.ok) throw new Error(d.error.message);
    const again = await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: DINGSHENG_USCC, decision: 'none' });
    expect(again.ok).toBe(false);
    // 核查留痕 and 联合奖惩反馈 for the platform: the check, then its decision, in the checks stream's order; the subject masked and keyed.
    const queued = fx.outbox.pendingEvents().filter((e) => e.payload.checkId === c.value.checkId);
    expect(queued.map((e) => e.type)).toEqual(['check-record', 'check-decision']);
    expect(queued[1]!.seq).toBe(queued[0]!.seq + 1);
    expect(queued[0]!.payload).toMatchObject({ itemCode: 'government-procurement', staffId: STAFF.staffNo, subject: { kind: 'enterprise', maskedCode: `${DINGSHENG_USCC.slice(0, 4)}**********${DINGSHENG_USCC.slice(-4)}` } });
    expect(queued[1]!.id).toBe(d.value.feedbackEventId);
    expect(queued[1]!.payload).toEqual({ checkId: c.value.checkId, decision: 'measure-applied', measuresApplied: ['restrict-government-procurement'], staffId: STAFF.staffNo, note: '拒绝其参与本次采购' });
    const slip = await fx.service.printCheckSlip({ token, checkId: c.value.checkId });
    expect(slip.ok && Buffer.from(slip.value.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Its times as the hall reads them: the test clock stands at 08:00Z, 16:00 in China.
    if (!slip.ok) throw new Error(slip.error.message);
    const slipText = execFileSync('pdftotext', ['-', '-'], { input: Buffer.from(slip.value.dataBase64, 'base64'), encoding: 'utf8' });
    expect(slipText).toContain('2026-05-15 16:00');
    expect(slipText).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    const v = fx.service.verifyAudit();
    expect(v.valid).toBe(true);
    expect(v.entries).toBeGreaterThanOrEqual(4); // sign-in, check, decision, slip display
  });
});

describe('statistics', () => {
  it('counts checks, decisions and self-service use per day and per staff member', async () => {
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    const c = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
    if (!c.ok) throw new Error('check failed');
    await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: DINGSHENG_USCC, decision: 'measure-applied', measureIds: ['prudent-review'] });
    fx.clock.advance(86_400_000);
    const nextDay = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    await fx.service.checkSubject({ token: nextDay, itemId: 'business-licence', by: 'code', code: QINGHE_USCC });
    fx.service.recordUsage('self-service-query', { kind: 'natural-person', code: ZHOU_ID });
    fx.service.recordUsage('report-printed');
    const admin = await signIn(fx.service, ADMIN.staffNo, ADMIN.pin);
    const r = await fx.service.getStats({ token: admin, from: '2026-05-15', to: '2026-05-16', granularity: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.totals).toMatchObject({ 'counter-check': 2, 'measure-applied': 1, 'self-service-query': 1, 'report-printed': 1 });
    expect(r.value.rows.filter((x) => x.function === 'counter-check').map((x) => [x.period, x.staffNo, x.count])).toEqual([
      ['2026-05-15', 'D001', 1],
      ['2026-05-16', 'D001', 1],
    ]);
    const month = await fx.service.getStats({ token: admin, from: '2026-05-01', to: '2026-05-31', granularity: 'month' });
    expect(month.ok && month.value.rows.find((x) => x.function === 'counter-check')?.count).toBe(2);
    const csv = await fx.service.exportStats({ token: admin, from: '2026-05-01', to: '2026-05-31', granularity: 'week' });
    expect(csv.ok && Buffer.from(csv.value.dataBase64, 'base64').toString('utf8')).toContain('2026-W20,counter-check,KIOSK-T1,D001,2');
  });
});
