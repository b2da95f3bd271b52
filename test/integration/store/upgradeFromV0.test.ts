// A kiosk upgraded from the store files of before the store opener (test/fixtures/stores/v0,
// written by that code) keeps all its data: accounts and PINs, the linked card, the audit
// chain, both outboxes, the report registry, today's print counts, the platform's events —
// while the PIN hashes get wrapped under the pepper and the registry's plain subject
// hashes are re-keyed, none of them left behind in the file.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { loadSubjectKeyer, unkeyedReportSubjectHash } from '../../../src-main/node/keys/subjectKeyer';
import { PrintQuotaStore } from '../../../src-main/node/printing/printQuota';
import { ReportRegistry } from '../../../src-main/node/report/reportRegistry';
import { verifyAuditChain } from '../../../src-main/node/staff/auditLog';
import { moveLegacyFeedback } from '../../../src-main/node/staff/outbox';
import { loadPinPepper } from '../../../src-main/node/staff/pinHash';
import { openStaffDb, staffDbFile, STAFF_MIGRATIONS } from '../../../src-main/node/staff/staffDb';
import { StaffStore } from '../../../src-main/node/staff/staffStore';
import { schemaVersionOf } from '../../../src-main/node/store/migrationRunner';
import { loadCacheKey } from '../../../src-main/node/cache/cacheKeys';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { moveRegisteredReports, reportEventId } from '../../../src-main/node/outbox/reportIssuedEvent';
import { openSqlitePlatformStore } from '../../../src-main/node/platform/sqlitePlatformStore';
import { LIN_ID, QINGHE_USCC, removeTempDirs, tempDir } from '../cache/cacheTestFiles';
import { filesBelow } from './storeTestFiles';

const V0 = path.resolve(__dirname, '../../fixtures/stores/v0');
const NOW = new Date('2026-05-15T09:00:00Z');

afterEach(removeTempDirs);

/** A copy of the fixture folder, every file 0644 as a checkout (and, for the stores, the old code) leaves them. */
function upgradedKiosk(): string {
  const dir = tempDir('stores-v0-');
  for (const name of fs.readdirSync(V0)) if (name !== 'README.md') fs.copyFileSync(path.join(V0, name), path.join(dir, name));
  for (const name of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, name), 0o644);
  return dir;
}

const fileBytes = (file: string): Buffer => Buffer.concat(['', '-wal'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));

describe('upgrading the stores of a kiosk from layout v0', () => {
  it('staff.sqlite: accounts sign in with their old PINs and card, the chain verifies, the outbox event waits; no unpeppered hash remains', async () => {
    const dir = upgradedKiosk();
    const file = staffDbFile(dir);
    const before = new Database(file, { readonly: true });
    const oldHashes = (before.prepare('SELECT pin_hash FROM staff_accounts').pluck().all() as string[]).map((h) => h.split('$')[5]!);
    before.close();
    expect(oldHashes).toHaveLength(2);

    const keys = fileKeyStore(dir);
    const pepper = loadPinPepper(keys);
    const db = openStaffDb(file, { pepper });
    try {
      expect(schemaVersionOf(db)).toBe(STAFF_MIGRATIONS.at(-1)!.version);
      const store = new StaffStore(db, { now: () => NOW, pepper });
      expect(store.list().map((a) => [a.staffNo, a.role, a.cardLinked])).toEqual([
        ['D001', 'staff', true],
        ['D900', 'admin', false],
      ]);
      expect(await store.checkPin('D001', '246810')).toMatchObject({ ok: true });
      expect(await store.checkPin('D900', '864200')).toMatchObject({ ok: true });
      expect(await store.checkPin('D900', '864201')).toMatchObject({ ok: false, reason: 'bad-credentials' });
      // The subject key the card was linked with is the one the upgraded kiosk still has.
      expect(store.findByCard(loadSubjectKeyer(keys).cardKey(LIN_ID))?.staffNo).toBe('D001');
      expect(verifyAuditChain(db)).toEqual({ valid: true, entries: 3, firstBroken: null });
      // The old staff outbox's waiting event moves into the one outbox, once.
      const outbox = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: loadCacheKey(keys) });
      expect(moveLegacyFeedback(db, outbox, NOW)).toBe(1);
      expect(moveLegacyFeedback(db, outbox, NOW)).toBe(0);
      expect(outbox.pendingEvents().filter((e) => e.type === 'check-decision').map((e) => e.id)).toEqual(['evt-fixture-1']);
      await outbox.close();
    } finally {
      db.close();
    }
    const after = fileBytes(file);
    for (const old of oldHashes) expect(after.includes(Buffer.from(old, 'latin1')), 'an unpeppered PIN hash').toBe(false);
    expect(after.includes(Buffer.from('scrypt$', 'latin1'))).toBe(false);
  });

  it('reports.sqlite: every report kept and found by its subject; the plain subject hashes are gone', () => {
    const dir = upgradedKiosk();
    const file = path.join(dir, 'reports.sqlite');
    const plain = unkeyedReportSubjectHash(LIN_ID);
    expect(fs.readFileSync(file).includes(Buffer.from(plain))).toBe(true);

    const keyer = loadSubjectKeyer(fileKeyStore(dir));
    const registry = new ReportRegistry(file, { keyer });
    try {
      expect(registry.forSubject(keyer.reportSubject(LIN_ID)).map((r) => r.reportNumber)).toEqual(['CR-20260515-K-FIX-0001']);
      expect(registry.forSubject(keyer.reportSubject(QINGHE_USCC)).map((r) => r.reportNumber)).toEqual(['CR-20260515-K-FIX-0002']);
      expect(registry.find('CR-20260515-K-FIX-0001')).toMatchObject({ pages: 2, edition: 'standard', kind: 'natural-person', contentHash: 'a'.repeat(64), keyId: 'kid-fixture' });
      // The report flagged pending_upload (never sent) moves into the one outbox, once, keyed as the registry keys it.
      expect(registry.registeredBeforeOutbox().map((r) => r.reportNumber)).toEqual(['CR-20260515-K-FIX-0001']);
      const outbox = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: loadCacheKey(fileKeyStore(dir)) });
      expect(moveRegisteredReports(registry, outbox)).toBe(1);
      expect(moveRegisteredReports(registry, outbox)).toBe(0);
      expect(outbox.pendingEvents().find((e) => e.id === reportEventId('CR-20260515-K-FIX-0001'))?.payload).toMatchObject({ subject: { key: keyer.reportSubject(LIN_ID) } });
      void outbox.close();
    } finally {
      registry.close();
    }
    const after = fileBytes(file);
    expect(after.includes(Buffer.from(plain))).toBe(false);
    expect(after.includes(Buffer.from(unkeyedReportSubjectHash(QINGHE_USCC)))).toBe(false);
  });

  it('the outbox, the print quota and the platform’s events keep their rows', async () => {
    const dir = upgradedKiosk();
    const outbox = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: loadCacheKey(fileKeyStore(dir)) });
    expect(outbox.pending()).toBe(2);
    // Moved to the contract's envelope: a stream and a gapless seq each, in their old order.
    expect(outbox.pendingEvents().map((e) => [e.id, e.seq])).toEqual(expect.arrayContaining([expect.arrayContaining([expect.any(String), 1])]));
    const again = { checkId: 'c1', itemCode: 'x', subject: { kind: 'enterprise' as const, maskedCode: '9135****Y43', key: 'a'.repeat(64) }, staffId: 'D001', hits: [] };
    expect(outbox.enqueue('check-record', again, { id: 'evt-outbox-0001' })).toBe('evt-outbox-0001'); // already there: stored once
    expect(outbox.pending()).toBe(2);
    await outbox.close();

    const quota = new PrintQuotaStore(path.join(dir, 'print-quota.sqlite'), 2);
    expect(await quota.tryConsume('demo-s-lin', '2026-05-15')).toBe(false); // two prints already counted that day
    expect(await quota.tryConsume('demo-s-lin', '2026-05-16')).toBe(true);
    quota.close();

    const events = openSqlitePlatformStore(path.join(dir, 'platform-events.sqlite'));
    expect(await events.eventCount()).toBe(1);
    // The kept event redelivered (its body was never hashed): stored once.
    await events.registerKiosk({ kioskId: 'K-FIX', token: 'k-fix-token-abcdefghij' });
    expect(await events.ingest('K-FIX', [{ id: 'evt-outbox-0001', type: 'report-issued', seq: 1, at: '2026-05-15T08:05:00Z', payload: {} }], NOW)).toEqual({ accepted: 0, duplicates: 1, gaps: [] });
    await events.close();
  });

  it('narrows every store and key file an earlier version left readable by others to 0600', async () => {
    const dir = upgradedKiosk();
    const keys = fileKeyStore(dir);
    openStaffDb(staffDbFile(dir), { pepper: loadPinPepper(keys) }).close();
    new ReportRegistry(path.join(dir, 'reports.sqlite'), { keyer: loadSubjectKeyer(keys) }).close();
    await createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: loadCacheKey(keys) }).close();
    new PrintQuotaStore(path.join(dir, 'print-quota.sqlite'), 2).close();
    await openSqlitePlatformStore(path.join(dir, 'platform-events.sqlite')).close();
    const files = filesBelow(dir);
    expect(files.filter((f) => f.endsWith('.sqlite'))).toHaveLength(5);
    for (const f of files) expect({ file: path.basename(f), mode: (fs.statSync(f).mode & 0o777).toString(8) }).toEqual({ file: path.basename(f), mode: '600' });
  });
});
