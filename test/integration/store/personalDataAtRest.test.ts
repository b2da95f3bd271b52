// No store the kiosk keeps gives away a natural person: after staff checks and decides
// on a person and the kiosk issues a person's own report, no SQLite file in the data
// folder (nor its write-ahead log) holds a demo person's ID number, a plain hash of
// it, or the name. The cache has its own test (cache/personalDataAtRest.test.ts).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrintQuotaStore } from '../../../src-main/node/printing/printQuota';
import { loadSubjectKeyer } from '../../../src-main/node/keys/subjectKeyer';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { reportIssuedPayload } from '../../../src-main/node/outbox/reportIssuedEvent';
import { LIN_ID, removeTempDirs, ZHOU_ID } from '../cache/cacheTestFiles';
import { issue } from '../report/reportTestKit';
import { signIn, STAFF, staffFixture } from '../staff/staffFixture';
import { expectNoPersonalData } from './storeTestFiles';

afterEach(removeTempDirs);

describe('personal data at rest in the stores', () => {
  it('holds no demo person’s ID number, plain hash of it, or name in any store file', async () => {
    const fx = await staffFixture();
    const quota = new PrintQuotaStore(path.join(fx.dataDir, 'print-quota.sqlite'), 2);
    try {
      const token = await signIn(fx.service, STAFF.staffNo, STAFF.pin);
      const check = await fx.service.checkSubject({ token, itemId: 'director-filing', by: 'code', code: ZHOU_ID });
      if (!check.ok) throw new Error(check.error.message);
      const decided = await fx.service.recordDecision({ token, checkId: check.value.checkId, subjectCode: check.value.subject.code, decision: 'measure-applied', measureIds: ['restrict-positions'] });
      expect(decided.ok).toBe(true);

      // Lin at the self-service screen: her own report, counted against her quota, announced upstream.
      const lin = await fx.cache.findByCode(LIN_ID);
      if (!lin) throw new Error('no demo subject for Lin');
      const report = await issue(fx.dataDir, { subject: lin.subject, records: lin.records, audience: 'subject' });
      expect(await quota.tryConsume(lin.subject.id, '2026-05-15')).toBe(true);
      const keyer = loadSubjectKeyer(fileKeyStore(fx.dataDir));
      fx.outbox.enqueue('report-issued', reportIssuedPayload(keyer, { reportNumber: report.reportNumber, edition: 'standard', issuedAt: '2026-05-15T08:00:00Z', contentHash: report.contentHash, subject: lin.subject }));

      expectNoPersonalData(fx.dataDir); // open, with their write-ahead logs
    } finally {
      quota.close();
      await fx.close();
    }
    expectNoPersonalData(fx.dataDir);
  });
});
