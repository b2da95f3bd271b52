import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src-main/common/encoding/canonicalJson';
import { buildReportModel, type ReportInput, type ReportModel } from '../../../../src-main/common/report/reportModel';
import { REPORT_TEXTS } from '../../../../src-main/common/report/reportTexts';
import { COMPANY, companyRecords, GENERATED_AT, PERSON, PROVENANCE, record, REPORT_NUMBER, TODAY } from './reportFixtures';

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    subject: COMPANY,
    records: companyRecords(),
    audience: 'public',
    edition: 'standard',
    generatedAt: GENERATED_AT,
    today: TODAY,
    reportNumber: REPORT_NUMBER,
    issuer: '演示市公共信用信息中心',
    kioskId: 'DEMO-KIOSK-01',
    provenance: PROVENANCE,
    ...over,
  };
}

function build(over: Partial<ReportInput> = {}): ReportModel {
  const r = buildReportModel(input(over));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const allText = (m: ReportModel) => JSON.stringify(m);

describe('buildReportModel', () => {
  it('carries only records the disclosure policy lets through', () => {
    const m = build();
    const text = allText(m);
    expect(text).toContain('演张市监处罚〔2026〕118号');
    expect(text).not.toContain('演张市监处罚〔2023〕042号'); // past its 公示截止期
    expect(text).not.toContain('已修复的处罚'); // repaired
    expect(m.visibleRecords).toBe(4);
    expect(m.summary?.items.find((i) => i.category === 'administration')?.count).toBe(2);
    expect(m.summary?.items).toHaveLength(8);
  });

  it('prints a penalty’s 公示截止期 capped by 令第36号’s maximum, not the data’s longer one', () => {
    const fine = record(COMPANY, { category: 'penalty', title: '超期公示的处罚', severity: 'ordinary', decisionDate: '2026-02-10', disclosureDeadline: '2028-02-10', documentNumber: '演张市监处罚〔2026〕009号' });
    const text = allText(build({ records: [...companyRecords(), fine] }));
    expect(text).toContain('2027-02-10');
    expect(text).not.toContain('2028-02-10');
  });

  it('follows the 2022 standard: header, ten numbered sections, data cut-off and provenance', () => {
    const m = build();
    expect(m.sections.map((s) => `${s.number}${s.title}`)).toEqual([
      '一登记注册基础信息',
      '二行政管理信息',
      '三诚实守信相关荣誉信息',
      '四严重失信主体名单信息',
      '五经营（活动）异常名录',
      '六信用承诺信息',
      '七信用评价信息',
      '八司法判决及执行信息',
      '九其他信息',
      '十信用状况提升建议',
    ]);
    expect(m.header.map((f) => f.label)).toEqual(expect.arrayContaining(['报告编号', '生成时间', '出具机构']));
    expect(m.generatedAt).toBe('2026-11-21 10:03:04');
    expect(m.statusTags).toEqual(['守信激励对象', '存续']);
    expect(m.dataCutoff).toBe(PROVENANCE.source === 'cache' ? PROVENANCE.dataAsOf : '');
    expect(m.notes.paragraphs.join('')).toMatch(/异议/);
    expect(m.notes.paragraphs.join('')).toMatch(/信用修复/);
    expect(m.staleWarning).toBeNull();
  });

  it('says 无 for an empty section, and for an empty table inside a section', () => {
    const m = build();
    const section = (id: string) => m.sections.find((s) => s.id === id)!;
    expect(section('serious-dishonesty').blocks).toEqual([{ kind: 'none', text: '无' }]);
    expect(section('judicial').blocks).toEqual([{ kind: 'none', text: '无' }]);
    const admin = section('administration').blocks;
    expect(admin.find((b) => b.kind === 'none' && b.caption === REPORT_TEXTS.tables.enforcement)).toBeDefined();
    const empty = build({ records: [] });
    expect(empty.sections.filter((s) => s.id !== 'registration' && s.id !== 'advice').every((s) => s.blocks.length === 1 && s.blocks[0]!.kind === 'none')).toBe(true);
    expect(empty.sections.at(-1)!.blocks[0]).toMatchObject({ kind: 'paragraphs', paragraphs: [REPORT_TEXTS.advice.clean, REPORT_TEXTS.advice.objection] });
  });

  it('fills the penalty table with its 双公示 columns', () => {
    const table = build().sections[1]!.blocks.find((b) => b.kind === 'table' && b.caption === '行政处罚信息');
    expect(table?.kind).toBe('table');
    if (table?.kind !== 'table') return;
    expect(table.columns.map((c) => c.label)).toEqual(expect.arrayContaining(['处罚决定书文号', '违法事实', '处罚依据', '罚款金额（万元）', '公示截止期', '处罚机关']));
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toEqual(expect.arrayContaining(['演张市监处罚〔2026〕118号', '0.5', '2027-09-20']));
  });

  it('refuses a natural person’s report to anyone but the subject', () => {
    for (const audience of ['public', 'staff'] as const) {
      const r = buildReportModel(input({ subject: PERSON, records: [], audience }));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('NOT_THE_SUBJECT');
    }
    const own = build({ subject: PERSON, records: [record(PERSON, { category: 'serious-dishonesty', title: '失信被执行人', decisionDate: '2026-01-05' })], audience: 'subject' });
    expect(own.kind).toBe('natural-person');
    expect(own.subject.code).toBe('1101**********002X');
    expect(allText(own)).not.toContain(PERSON.code);
    expect(own.statusTags).toEqual(['失信惩戒对象']);
  });

  it('marks records under objection and warns when the data is stale', () => {
    const records = [record(COMPANY, { category: 'penalty', title: '超范围经营', severity: 'ordinary', decisionDate: '2026-10-01', status: 'objection-pending' })];
    const m = build({ records, provenance: { ...PROVENANCE, stale: true } as typeof PROVENANCE });
    expect(allText(m)).toContain('超范围经营（异议处理中）');
    expect(m.staleWarning).toBe(REPORT_TEXTS.staleWarning);
  });

  it('ignores records of another subject and is deterministic', () => {
    const stray = record(PERSON, { category: 'serious-dishonesty', title: '别人的记录' });
    const a = build({ records: [...companyRecords(), stray] });
    expect(allText(a)).not.toContain('别人的记录');
    const shuffled = build({ records: companyRecords().reverse() });
    expect(canonicalJson(shuffled)).toBe(canonicalJson(build({ records: companyRecords() })));
  });

  it('refuses a malformed report number or date', () => {
    expect(buildReportModel(input({ reportNumber: 'X' })).ok).toBe(false);
    expect(buildReportModel(input({ today: '2026-13-01' })).ok).toBe(false);
  });
});
