// What the counter owes the platform, from the staff service into the one outbox: the
// audit head signed with the kiosk's key at each sign-out (verifiable with the public key
// the platform registers), and each finished day's usage, once per day.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE_FUNCTIONS, type EventPayload } from '../../../src-main/common/platform/platformEvents';
import { auditAnchorSignedBy } from '../../../src-main/node/platform/auditAnchorSeal';
import { PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { DINGSHENG_USCC } from '../cache/cacheTestFiles';
import { ADMIN, eachStaffFixture, signIn, STAFF } from '../staff/staffFixture';

const fixture = eachStaffFixture();

describe('audit anchors', () => {
  it('signs the audit head at sign-out with the kiosk key; an unchanged head is anchored once', async () => {
    const fx = fixture();
    const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
    await fx.service.signOut({ token });
    const anchors = fx.outbox.pendingEvents().filter((e) => e.type === 'audit-anchor');
    expect(anchors).toHaveLength(1);
    const anchor = anchors[0]!.payload as EventPayload<'audit-anchor'>;
    expect(anchor.entries).toBe(fx.service.verifyAudit().entries);
    const publicKey = fs.readFileSync(path.join(reportPaths(fx.dataDir).keyDir, PUBLIC_KEY_FILE), 'utf8');
    expect(auditAnchorSignedBy('KIOSK-T1', anchor, publicKey)).toBe(true);
    // A cut chain would have to match this head: a different one does not verify.
    expect(auditAnchorSignedBy('KIOSK-T1', { ...anchor, entries: anchor.entries - 1 }, publicKey)).toBe(false);
    expect(fx.service.anchorAudit()).toBe(false);
  });
});

/** A counter check with a measure applied: one credit-check and one joint-measures use. */
async function checkAndApplyMeasure(fx: ReturnType<typeof fixture>): Promise<void> {
  const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
  const c = await fx.service.checkSubject({ token, itemId: 'government-procurement', by: 'code', code: DINGSHENG_USCC });
  if (!c.ok) throw new Error(c.error.message);
  await fx.service.recordDecision({ token, checkId: c.value.checkId, subjectCode: DINGSHENG_USCC, decision: 'measure-applied', measureIds: ['restrict-government-procurement'] });
}

describe('daily usage', () => {
  it('sends each finished day once, counted from the audit chain per function and staff member', async () => {
    const fx = fixture();
    await checkAndApplyMeasure(fx);
    const day = fx.clock.now.toISOString().slice(0, 10);
    // Today is not finished, and nothing before the chain began is reported.
    expect(fx.service.enqueueUsageDays(7)).toEqual([]);
    fx.clock.advance(86_400_000);
    expect(fx.service.enqueueUsageDays(1)).toEqual([day]);
    expect(fx.service.enqueueUsageDays(1)).toEqual([]);
    const usage = fx.outbox.pendingEvents().find((e) => e.id === `usage-daily-${day}`);
    expect(usage?.payload).toEqual({
      day,
      rows: expect.arrayContaining([
        { fn: 'credit-check', staffId: STAFF.staffNo, count: 1 },
        { fn: 'joint-measures', staffId: STAFF.staffNo, count: 1 },
      ]),
    });
  });

  it('counts every function the platform knows, from the entries each service writes to the audit chain', async () => {
    const fx = fixture();
    await checkAndApplyMeasure(fx);
    // What the kiosk screen, the citizen services and the face check record (kioskRuntime.ts wires them to these calls).
    for (const fn of ['self-service-query', 'report-printed', 'report-verified', 'report-verified', 'objection-submitted'] as const) fx.service.recordUsage(fn);
    fx.service.auditAction('', 'face-check', 'pass', { fn: 'print-report', band: 'high' });
    fx.service.auditAction('', 'face-check', 'fallback', { fn: 'print-report', band: 'low' });
    fx.service.auditAction(STAFF.staffNo, 'batch-check', 'ok');
    // The commitment journey's entries: a signature counts, a refusal to sign does not.
    fx.service.auditAction(STAFF.staffNo, 'commitment', 'handwritten', { kindId: 'k1' });
    fx.service.auditAction(STAFF.staffNo, 'commitment', 'refused', { kindId: 'k1' });
    // The credit-repair journey's entry for a submitted application (the action agreed with its owner).
    fx.service.auditAction('', 'repair-application-submitted', 'ok');
    const day = fx.clock.now.toISOString().slice(0, 10);

    // Everyone's figures (the kiosk's own uses carry no staff number): the administrator's view.
    const stats = await fx.service.getStats({ token: await signIn(fx.service, ADMIN.staffNo, ADMIN.pin), from: day, to: day, granularity: 'day' });
    if (!stats.ok) throw new Error(stats.error.message);
    expect(stats.value.totals).toMatchObject({ 'report-verified': 2, 'objection-submitted': 1, 'commitment-signed': 1, 'repair-submitted': 1, 'face-check': 2, 'batch-check': 1 });

    fx.clock.advance(86_400_000);
    expect(fx.service.enqueueUsageDays(1)).toEqual([day]);
    const usage = fx.outbox.pendingEvents().find((e) => e.id === `usage-daily-${day}`)!.payload as EventPayload<'usage-daily'>;
    const total = (fn: string): number => usage.rows.filter((r) => r.fn === fn).reduce((n, r) => n + r.count, 0);
    expect(Object.fromEntries(USAGE_FUNCTIONS.map((fn) => [fn, total(fn)]))).toEqual({
      'self-query': 1,
      'report-print': 1,
      'report-verify': 2,
      'credit-check': 1,
      'joint-measures': 1,
      'batch-check': 1,
      objection: 1,
      repair: 1,
      commitment: 1,
      'face-check': 2,
    });
  });
});
