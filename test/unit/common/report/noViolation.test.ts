import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNoViolationConfig } from '../../../../src-main/common/report/noViolationConfig';
import { buildReportModel, type ReportModel } from '../../../../src-main/common/report/reportModel';
import { COMPANY, GENERATED_AT, PROVENANCE, record, REPORT_NUMBER, TODAY } from './reportFixtures';
import type { CreditRecord } from '../../../../src-main/common/domain/creditRecord';

const config = parseNoViolationConfig(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/report/no-violation-domains.json'), 'utf8')));

function build(records: CreditRecord[], domainIds?: string[]): ReportModel {
  const r = buildReportModel({
    subject: COMPANY,
    records,
    audience: 'staff',
    edition: 'no-violation',
    generatedAt: GENERATED_AT,
    today: TODAY,
    reportNumber: REPORT_NUMBER,
    issuer: '演示市公共信用信息中心',
    kioskId: 'DEMO-KIOSK-01',
    provenance: PROVENANCE,
    noViolationScope: { config, ...(domainIds && { domainIds }) },
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('no-violation edition', () => {
  it('ships a valid Shandong subset with the 2025 national scope', () => {
    const names = config.domains.map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['人力资源社会保障', '生态环境', '安全生产', '市场监管', '税务', '严重失信主体名单', '刑事判决']));
    expect(config.nationalScope.categories).toEqual(expect.arrayContaining(['penalty', 'enforcement', 'serious-dishonesty', 'judicial']));
    expect(config.nationalScope.includeSummaryProcedure).toBe(true);
  });

  it('says 无违法违规记录 for every domain of a clean subject', () => {
    const m = build([record(COMPANY, { category: 'licence', title: '许可', decisionDate: '2026-01-01' })]);
    expect(m.noViolation?.domains.every((d) => d.clean)).toBe(true);
    expect(m.title).toContain('无违法违规记录证明版');
    expect(m.summary).toBeNull();
    const overview = m.sections[1]!.blocks[1]!;
    expect(overview.kind === 'table' && overview.rows.every((r) => r[3] === '无违法违规记录')).toBe(true);
    expect(m.sections[2]!.blocks).toEqual([{ kind: 'none', text: '无' }]);
  });

  it('lists a visible penalty in its domain, within the lookback, matched by authority', () => {
    const env = record(COMPANY, { category: 'penalty', title: '超标排放大气污染物', authority: '演示市生态环境局', decisionDate: '2026-02-01', severity: 'serious', documentNumber: '演环罚〔2026〕3号' });
    const old = record(COMPANY, { category: 'penalty', title: '旧的税务处罚', authority: '国家税务总局演示市税务局', decisionDate: '2023-01-01', severity: 'serious', disclosureDeadline: '2027-01-01' });
    const m = build([env, old]);
    const by = (id: string) => m.noViolation!.domains.find((d) => d.id === id)!;
    expect(by('ecology-environment')).toMatchObject({ clean: false, recordIds: [env.id], from: '2023-11-21', to: TODAY });
    expect(by('taxation').clean).toBe(true); // visible, but older than the 36-month lookback
    expect(by('market-regulation').clean).toBe(true);
    expect(JSON.stringify(m.sections[2])).toContain('演环罚〔2026〕3号');
  });

  it('counts serious-dishonesty lists whoever listed them, and criminal judgments by title', () => {
    const m = build([
      record(COMPANY, { category: 'serious-dishonesty', title: '失信被执行人', authority: '演示市淄川区人民法院', decisionDate: '2026-03-01' }),
      record(COMPANY, { category: 'judicial', title: '刑事判决书', authority: '演示市中级人民法院', decisionDate: '2025-06-01' }),
      record(COMPANY, { category: 'judicial', title: '民事判决书', authority: '演示市中级人民法院', decisionDate: '2025-06-01' }),
    ]);
    const by = (id: string) => m.noViolation!.domains.find((d) => d.id === id)!;
    expect(by('serious-dishonesty-lists').recordIds).toHaveLength(1);
    expect(by('criminal-judgments').recordIds).toHaveLength(1);
  });

  it('never counts what the disclosure policy hides', () => {
    const repaired = record(COMPANY, { category: 'penalty', title: '已修复', authority: '演示市生态环境局', decisionDate: '2026-02-01', severity: 'serious', status: 'repaired' });
    expect(build([repaired]).noViolation!.domains.every((d) => d.clean)).toBe(true);
  });

  it('narrows to the requested domains and refuses unknown ones', () => {
    expect(build([], ['taxation']).noViolation!.domains.map((d) => d.id)).toEqual(['taxation']);
    const r = buildReportModel({ subject: COMPANY, records: [], audience: 'staff', edition: 'no-violation', generatedAt: GENERATED_AT, today: TODAY, reportNumber: REPORT_NUMBER, issuer: 'x', kioskId: 'k', provenance: PROVENANCE, noViolationScope: { config, domainIds: ['nope'] } });
    expect(r.ok).toBe(false);
  });

  it('rejects a config with a domain that matches nothing', () => {
    const raw = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../resources/report/no-violation-domains.json'), 'utf8'));
    raw.domains.push({ id: 'empty', name: '空', lookbackMonths: 12, match: { categories: ['penalty'] } });
    expect(() => parseNoViolationConfig(raw)).toThrow(/keywords/);
  });
});
