// The one insert path of the builder and the applier: it enforces the catalogue's
// values itself (the connection's CHECK constraints are off for speed), and a
// refused subject leaves no half-built file behind.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreditRecord } from '../../../src-main/common/domain/creditRecord';
import { deriveCacheKeys } from '../../../src-main/node/cache/cacheKeys';
import { buildCacheFile, type SubjectBundle } from '../../../src-main/node/cache/cacheWriter';
import { createFieldCipher } from '../../../src-main/node/cache/fieldCipher';
import { migrate } from '../../../src-main/node/cache/migrations';
import { MAX_RECORDS_PER_SUBJECT, recordRowRange } from '../../../src-main/node/cache/recordLayout';
import { createSubjectInserter } from '../../../src-main/node/cache/subjectInserter';
import { removeTempDirs, tempDir } from './cacheTestFiles';

afterEach(removeTempDirs);

const KEY = Buffer.alloc(32, 5);
const codec = (() => {
  const keys = deriveCacheKeys(KEY);
  return { keys, cipher: createFieldCipher('aes-256-gcm', keys.field) };
})();

const enterprise: SubjectBundle = {
  subject: { id: 'e1', kind: 'enterprise', code: '91350100M000100Y43', formerCodes: [], name: '演示市插入测试有限公司' },
  records: [{ id: 'e1-r1', subjectId: 'e1', category: 'penalty', title: '行政处罚', status: 'active', severity: 'ordinary', dataVersion: 1, fields: { 罚款金额: 5000 } }],
};

function withBad(record: Partial<Record<keyof CreditRecord, unknown>>): SubjectBundle {
  return { ...enterprise, records: [{ ...enterprise.records[0]!, ...record } as CreditRecord] };
}

describe('the subject inserter', () => {
  it('writes a subject with its records, code hashes and name grams', () => {
    const db = new Database(':memory:');
    migrate(db);
    const { sid, name } = createSubjectInserter(db, codec).insert(enterprise.subject, enterprise.records, 1);
    expect(name).toBe('演示市插入测试有限公司');
    expect(db.prepare('SELECT count(*) FROM records WHERE sid = ?').pluck().get(sid)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM subject_codes WHERE sid = ?').pluck().get(sid)).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM name_grams WHERE sid = ? AND gram = '插入'`).pluck().get(sid)).toBe(1);
    db.close();
  });

  it('places the records in display order at the subject’s own row ids, and a replacement at the same ones', () => {
    const db = new Database(':memory:');
    migrate(db);
    const inserter = createSubjectInserter(db, codec);
    const rec = (id: string, category: CreditRecord['category'], decisionDate?: string): CreditRecord => ({
      id, subjectId: 'e1', category, title: id, status: 'active', dataVersion: 1, fields: {}, ...(decisionDate && { decisionDate }),
    });
    const given = [rec('pen', 'penalty', '2024-01-01'), rec('lic-undated', 'licence'), rec('lic-2020', 'licence', '2020-05-01'), rec('lic-2023', 'licence', '2023-05-01')];
    inserter.insert({ ...enterprise.subject, id: 'e0', code: '91350100M000200Y20' }, [], 1);
    const { sid } = inserter.insert(enterprise.subject, given, 1);
    const { first, last } = recordRowRange(sid);
    const rows = () => db.prepare('SELECT rid, id FROM records WHERE sid = ? ORDER BY rid').all(sid) as Array<{ rid: number; id: string }>;
    expect(rows()).toEqual([
      { rid: first, id: 'lic-2023' },
      { rid: first + 1, id: 'lic-2020' },
      { rid: first + 2, id: 'lic-undated' },
      { rid: first + 3, id: 'pen' },
    ]);
    expect(last - first + 1).toBe(MAX_RECORDS_PER_SUBJECT);
    // A delta replaces a subject under its sid: the new records take the same range.
    db.prepare('DELETE FROM records WHERE rid BETWEEN ? AND ?').run(first, last);
    db.prepare('DELETE FROM subjects WHERE sid = ?').run(sid);
    inserter.insert(enterprise.subject, [rec('pen', 'penalty', '2024-01-01')], 2, sid);
    expect(rows()).toEqual([{ rid: first, id: 'pen' }]);
    db.close();
  });

  it.each([
    ['category', { category: 'gossip' }],
    ['status', { status: 'forgotten' }],
    ['severity', { severity: 'catastrophic' }],
  ])('refuses an unknown %s with INVALID_INPUT, though SQLite no longer checks it', (_, bad) => {
    const db = new Database(':memory:');
    migrate(db);
    const inserter = createSubjectInserter(db, codec);
    expect(db.pragma('ignore_check_constraints', { simple: true })).toBe(1);
    const b = withBad(bad);
    expect(() => inserter.insert(b.subject, b.records, 1)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(db.prepare('SELECT count(*) FROM records').pluck().get()).toBe(0);
    db.close();
  });

  it('a bad record mid-build leaves the previous file byte for byte', () => {
    const file = path.join(tempDir(), 'cache.sqlite');
    buildCacheFile({ file, key: KEY, dataVersion: 1, dataAsOf: '2026-01-01T00:00:00.000Z', source: 'test', subjects: [enterprise] });
    const before = fs.readFileSync(file);
    const next = [enterprise, { ...withBad({ category: 'gossip' }), subject: { ...enterprise.subject, id: 'e2', code: '91350100M000200Y20' } }];
    expect(() => buildCacheFile({ file, key: KEY, dataVersion: 2, dataAsOf: '2026-02-01T00:00:00.000Z', source: 'test', subjects: next })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['cache.sqlite']);
  });
});
