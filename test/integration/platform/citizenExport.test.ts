// `platform export` on each store: received commitments become their subject's 信用承诺
// rows (the subject found by keying the feed's codes, as the events carry no code), each
// objection marks its record objection-pending (unless the feed has repaired or revoked it
// since: named as settled), the feed's other rows pass unchanged, and
// what the feed cannot carry (unknown subject or record) is named as unmatched, not written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEALED_ALG, type EventPayload } from '../../../src-main/common/platform/platformEvents';
import { keyerFrom } from '../../../src-main/node/keys/subjectKeyer';
import { exportCitizenRows } from '../../../src-main/node/platform/citizenExport';
import { STORE_KINDS, storeMaker, testKiosk, type StoreMaker } from './platformFixtures';

const keyer = keyerFrom(crypto.randomBytes(32));
const ORG = { id: 's-org', kind: 'enterprise', code: '91370303MA3C7K2P1R', formerCodes: [], name: '演示公司' };
const FINE = { id: 'r-fine', subjectId: 's-org', category: 'administrative-penalty', title: '罚款', status: 'active', fields: {} };
const REPAIRED = { id: 'r-repaired', subjectId: 's-org', category: 'administrative-penalty', title: '罚款（已修复）', status: 'repaired', fields: {} };
const OLD_COMMITMENT = { id: 'commitment-20261101100000AAAAAAAA', subjectId: 's-org', category: 'commitment', title: '行业自律型', status: 'active', fields: {} };

const commitment = (commitmentNumber: string, code: string): EventPayload<'commitment'> => ({
  commitmentNumber,
  kindId: 'voluntary-disclosure',
  commitmentType: '主动公开型',
  catalogueVersion: '2026.1',
  subject: { kind: 'enterprise', maskedCode: '91370303MA******1R', key: keyer.reportSubject(code) },
  acceptingUnit: '演示市行政审批服务局',
  fields: { area: '诚信经营' },
  signedAt: '2026-12-07T09:00:00+08:00',
  validUntil: '2027-12-07',
  signature: 'drawn',
  channel: 'kiosk',
  contentHash: 'ab'.repeat(32),
});

const objection = (applicationNumber: string, recordId: string): EventPayload<'objection'> => ({
  applicationNumber,
  subject: { kind: 'enterprise', maskedCode: '91370303MA******1R', key: keyer.reportSubject(ORG.code) },
  subjectId: 's-org',
  recordId,
  recordCategory: 'administrative-penalty',
  reasonCode: 'content-wrong',
  applicant: 'legal-representative',
  phone: { alg: SEALED_ALG, kid: '0123456789abcdef', epk: 'AAAA', iv: 'BBBB', ct: 'CCCC', tag: 'DDDD' },
  answerWorkingDays: 10,
  submittedAt: '2026-12-07T09:00:00+08:00',
});

const makers: StoreMaker[] = [];
afterAll(async () => {
  for (const m of makers) await m.close();
});

const readRows = (file: string): Array<Record<string, unknown>> =>
  fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe.each(STORE_KINDS)('platform export on %s', (kind) => {
  it('merges commitments and objection marks into the feed, and names what it could not place', async () => {
    const maker = await storeMaker(kind);
    makers.push(maker);
    const { store } = await maker.open();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-citizen-export-'));
    try {
      const feed = path.join(dir, 'feed');
      fs.mkdirSync(feed);
      fs.writeFileSync(path.join(feed, 'subjects.ndjson'), `${JSON.stringify(ORG)}\n`);
      fs.writeFileSync(path.join(feed, 'administrative-penalty.ndjson'), `${JSON.stringify(FINE)}\n\n${JSON.stringify(REPAIRED)}\n`);
      fs.writeFileSync(path.join(feed, 'commitment.ndjson'), `${JSON.stringify(OLD_COMMITMENT)}\n`);
      const k = testKiosk('ZB-ZD-0001', dir);
      await store.registerKiosk({ kioskId: k.id, token: k.token });
      await store.ingest(
        k.id,
        [
          k.event('commitment', commitment('20261207100000ABCDEFGH', ORG.code)),
          k.event('commitment', commitment('20261207100000UNKNOWN1', '91110000MA00000000')),
          // Redelivered as the feed already has it: not written twice.
          k.event('commitment', commitment('20261101100000AAAAAAAA', ORG.code)),
          k.event('objection', objection('20261207100000OBJECT01', FINE.id)),
          k.event('objection', objection('20261207100000OBJECT02', 'r-gone')),
          // The authority repaired the record after the objection was filed: its word stands.
          k.event('objection', objection('20261207100000OBJECT03', REPAIRED.id)),
          k.event('heartbeat', { appVersion: '1', dataVersion: 1, dataAsOf: null, reader: 'ok', printer: 'ok', outboxBacklog: 0, oldestPendingAt: null, configVersion: null }),
        ],
        new Date(),
      );

      const out = path.join(dir, 'out');
      const result = await exportCitizenRows({ store, feedDir: feed, outDir: out, keyer });
      expect(result).toEqual({ commitments: 2, objections: 1, unmatched: ['20261207100000OBJECT02', '20261207100000UNKNOWN1'], settled: ['20261207100000OBJECT03'] });
      expect(readRows(path.join(out, 'subjects.ndjson'))).toEqual([ORG]);
      expect(readRows(path.join(out, 'administrative-penalty.ndjson'))).toEqual([{ ...FINE, status: 'objection-pending' }, REPAIRED]);
      const commitments = readRows(path.join(out, 'commitment.ndjson'));
      expect(commitments.map((c) => c.id)).toEqual([OLD_COMMITMENT.id, 'commitment-20261207100000ABCDEFGH']);
      expect(commitments[1]).toMatchObject({ subjectId: 's-org', category: 'commitment', documentNumber: '20261207100000ABCDEFGH', authority: '演示市行政审批服务局', validTo: '2027-12-07', status: 'active' });
      expect(commitments[1]).not.toHaveProperty('dataVersion');

      // A second export never writes over a folder already holding one.
      await expect(exportCitizenRows({ store, feedDir: feed, outDir: out, keyer })).rejects.toThrow('输出目录不为空');
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
