// The pure rules of counter checks: catalogue validation, hits, measures per item,
// roles, CSV, batch rows and reporting periods.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CreditRecord } from '../../../../src-main/common/domain/creditRecord';
import { applicableTo } from '../../../../src-main/common/staff/applicable';
import { tableToBatchRows } from '../../../../src-main/common/staff/batchRows';
import { parseCatalogue, type Catalogue } from '../../../../src-main/common/staff/catalogue';
import { csvLine, parseCsv } from '../../../../src-main/common/staff/csvText';
import { hitKindOf } from '../../../../src-main/common/staff/hits';
import { can, canUnlock } from '../../../../src-main/common/staff/roles';
import { periodOf } from '../../../../src-main/common/staff/statsPeriods';

const shipped = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/staff/catalogue.json'), 'utf8')) as unknown;
const TODAY = '2026-05-15';
const rec = (r: Partial<CreditRecord>): CreditRecord => ({ id: 'r', subjectId: 's', category: 'penalty', title: 't', status: 'active', dataVersion: 1, fields: {}, ...r });

describe('catalogue', () => {
  it('the shipped starter set is valid: the 14 national measures in three types, local supplements, incentives', () => {
    const parsed = parseCatalogue(shipped);
    if (!parsed.ok) throw new Error(parsed.message);
    const national = parsed.catalogue.measures.filter((m) => m.scope === 'national');
    expect(national.map((m) => m.listNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(new Set(national.map((m) => m.type))).toEqual(new Set([1, 2, 3]));
    expect(parsed.catalogue.measures.some((m) => m.scope === 'local')).toBe(true);
    expect(parsed.catalogue.incentives.map((i) => i.name)).toEqual(expect.arrayContaining(['容缺受理', '告知承诺', '绿色通道']));
  });

  it('refuses a catalogue whose item names a measure that does not exist', () => {
    const broken = structuredClone(shipped) as Catalogue;
    broken.items[0]!.measures.push('no-such-measure');
    const parsed = parseCatalogue(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('no-such-measure');
  });
});

describe('hits and measures', () => {
  it('tells defaulters from other serious-dishonesty lists; archive records are no hits', () => {
    expect(hitKindOf(rec({ category: 'serious-dishonesty', title: '失信被执行人' }), TODAY)).toBe('judgment-defaulter');
    expect(hitKindOf(rec({ category: 'serious-dishonesty', title: '重大税收违法失信主体' }), TODAY)).toBe('serious-dishonesty');
    expect(hitKindOf(rec({ category: 'penalty', severity: 'ordinary', decisionDate: '2026-01-01' }), TODAY)).toBe('penalty');
    expect(hitKindOf(rec({ category: 'penalty', severity: 'ordinary', decisionDate: '2024-01-01' }), TODAY)).toBeNull();
    expect(hitKindOf(rec({ category: 'penalty', status: 'repaired', decisionDate: '2026-01-01' }), TODAY)).toBeNull();
    expect(hitKindOf(rec({ category: 'honour' }), TODAY)).toBe('red-list');
    expect(hitKindOf(rec({ category: 'licence' }), TODAY)).toBeNull();
  });

  it('applies only the measures the item lists; punishment lists cancel incentives', () => {
    const parsed = parseCatalogue(shipped);
    if (!parsed.ok) throw new Error(parsed.message);
    const cat = parsed.catalogue;
    const procurement = cat.items.find((i) => i.id === 'government-procurement')!;
    const a = applicableTo(procurement, cat, ['judgment-defaulter', 'red-list']);
    expect(a.measures.map((m) => m.measure.id)).toContain('restrict-government-procurement');
    expect(a.measures.map((m) => m.measure.id)).not.toContain('restrict-exit');
    expect(a.incentives).toEqual([]);
    expect(a.verdict).toBe('punish');
    expect(applicableTo(cat.items.find((i) => i.id === 'honours-selection')!, cat, ['penalty']).verdict).toBe('attention');
    const licence = cat.items.find((i) => i.id === 'business-licence')!;
    const honoured = applicableTo(licence, cat, ['red-list']);
    expect(honoured.verdict).toBe('incentive');
    expect(honoured.incentives.map((i) => i.id)).toEqual(['tolerance-acceptance', 'notice-commitment', 'green-channel']);
    const clean = applicableTo(licence, cat, []);
    expect([clean.verdict, clean.incentives.map((i) => i.id)]).toEqual(['clear', ['notice-commitment']]);
  });
});

describe('roles', () => {
  it('staff check and decide; only admins manage accounts; supervisors unlock staff only', () => {
    expect(can('staff', 'check')).toBe(true);
    expect(can('staff', 'manage-staff')).toBe(false);
    expect(can('supervisor', 'manage-staff')).toBe(false);
    expect(can('admin', 'manage-staff')).toBe(true);
    expect(can('staff', 'stats-all')).toBe(false);
    expect(canUnlock('supervisor', 'staff')).toBe(true);
    expect(canUnlock('supervisor', 'admin')).toBe(false);
  });
});

describe('CSV and batch rows', () => {
  it('parses quotes, doubled quotes, CRLF and a BOM; defuses formulas on the way out', () => {
    expect(parseCsv('\ufeffa,"b,1","c ""q"""\r\nd,,e\n')).toEqual([
      ['a', 'b,1', 'c "q"'],
      ['d', '', 'e'],
    ]);
    expect(csvLine(['=cmd()', 'a,b', 3])).toBe(`'=cmd(),"a,b",3`);
  });

  it('finds the code column from the header and keeps file row numbers; blank lines are layout', () => {
    const t = tableToBatchRows([['序号', '单位名称', '统一社会信用代码'], ['1', '甲公司', '91350100M000100Y43'], [], ['3', '乙公司', ' ']]);
    expect(t.header).toBe(true);
    expect(t.rows).toEqual([
      { row: 2, code: '91350100M000100Y43', name: '甲公司' },
      { row: 4, code: '', name: '乙公司' },
    ]);
    const bare = tableToBatchRows([['91350100M000100Y43', '甲'], ['11010519491231002X', '乙']]);
    expect([bare.header, bare.rows[1]]).toEqual([false, { row: 2, code: '11010519491231002X', name: '乙' }]);
  });
});

describe('periods', () => {
  it('day, ISO week (Monday first, Thursday decides the year), month', () => {
    expect(periodOf('2026-05-15', 'day')).toBe('2026-05-15');
    expect(periodOf('2026-05-15', 'week')).toBe('2026-W20');
    expect(periodOf('2027-01-01', 'week')).toBe('2026-W53');
    expect(periodOf('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodOf('2026-05-15', 'month')).toBe('2026-05');
  });
});
