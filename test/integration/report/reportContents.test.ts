// What the printed report carries beyond the records themselves: the penalty table's
// 没收违法所得 and 暂扣或吊销证照 columns and the bodies' codes, and a person's own ID number
// masked or whole as the policy says (the issuer's seal image: sealImage.test.ts).
// The demo and synthetic data supply those fields. Read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUscc } from '../../../src-main/common/codes/uscc';
import { PENALTY_FIELDS } from '../../../src-main/common/report/reportModel';
import { findResourcesDir } from '../../../src-main/node/config/resourcesDir';
import { readDemoData } from '../../../src-main/node/cache/demoData';
import { syntheticSubjects } from '../../../src-main/node/cache/syntheticData';
import { COMPANY, PERSON, record } from '../../unit/common/report/reportFixtures';
import { issue, tempDir } from './reportTestKit';

let dir: string;
beforeAll(() => {
  dir = tempDir('report-contents');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The text in drawing order (-raw), so a table cell's wrapped lines read on as one. */
function textOf(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const PENALTY = record(COMPANY, {
  category: 'penalty',
  title: '销售过期食品',
  documentNumber: '演张市监处罚〔2026〕201号',
  authority: '演示市张店区市场监督管理局',
  decisionDate: '2026-10-09',
  content: '没收违法所得，罚款',
  sourceDepartment: '演示市张店区市场监督管理局',
  fields: { 处罚类别: '罚款；没收违法所得', '罚款金额（万元）': 2, [PENALTY_FIELDS.confiscated]: 0.35, [PENALTY_FIELDS.licenceSuspended]: '暂扣食品经营许可证JY23703030184562', [PENALTY_FIELDS.authorityCode]: '11370303MB2853006W', [PENALTY_FIELDS.sourceCode]: '11370303MB2853014P' },
});

describe('report contents', () => {
  it('prints the penalty table with 没收违法所得, 暂扣或吊销证照 and the codes of 处罚机关 and 数据来源单位', async () => {
    const report = await issue(dir, { records: [PENALTY] });
    const text = textOf(report.pdf, 'penalty.pdf');
    for (const expected of ['没收违法所得、非法财物（万元）', '暂扣或吊销证照', '处罚机关', '数据来源单位', '0.35', '暂扣食品经营许可证JY23703030184562', '11370303MB2853006W', '11370303MB2853014P']) expect(text, expected).toContain(expected);
  });

  it('masks a person’s own ID number by default and prints it whole only where the policy says', async () => {
    const masked = await issue(dir, { subject: PERSON, records: [], audience: 'subject' });
    expect(textOf(masked.pdf, 'masked.pdf')).not.toContain(PERSON.code);
    const whole = await issue(dir, { subject: PERSON, records: [], audience: 'subject', maskOwnIdNumber: false });
    expect(textOf(whole.pdf, 'whole.pdf')).toContain(PERSON.code);
  });

  it('finds those fields in the demo data and the synthetic data, with valid codes', () => {
    const { data } = readDemoData(path.join(findResourcesDir(), 'demo'));
    const penalties = data.subjects.flatMap((s) => s.records).filter((r) => r.category === 'penalty');
    expect(penalties.length).toBeGreaterThan(0);
    for (const r of penalties) expect(checkUscc(String(r.fields[PENALTY_FIELDS.authorityCode])).valid).toBe(true);
    expect(penalties.some((r) => r.fields[PENALTY_FIELDS.confiscated] !== undefined && r.fields[PENALTY_FIELDS.licenceSuspended] !== undefined)).toBe(true);
    const synthetic = [...syntheticSubjects({ count: 300 })].flatMap((b) => b.records).filter((r) => r.category === 'penalty');
    expect(synthetic.length).toBeGreaterThan(0);
    for (const r of synthetic) {
      expect(checkUscc(String(r.fields[PENALTY_FIELDS.authorityCode])).valid).toBe(true);
      expect(r.fields[PENALTY_FIELDS.sourceCode]).toBe(r.fields[PENALTY_FIELDS.authorityCode]);
    }
  });
});
