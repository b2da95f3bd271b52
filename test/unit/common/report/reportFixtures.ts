// Subjects and records for report tests: fictitious, with valid check characters.
import type { Provenance } from '../../../../src-main/common/contract/views';
import type { CreditRecord } from '../../../../src-main/common/domain/creditRecord';
import type { Subject } from '../../../../src-main/common/domain/subject';

export const TODAY = '2026-11-21';
export const GENERATED_AT = new Date('2026-11-21T02:03:04Z');
export const REPORT_NUMBER = '20261121100304A1B2C3D4';
export const PROVENANCE: Provenance = { source: 'cache', dataVersion: 7, dataAsOf: '2026-11-20T18:00:00Z', stale: false };

export const COMPANY: Subject = {
  id: 's-qinghe',
  kind: 'enterprise',
  code: '91350100M000100Y43',
  formerCodes: [],
  name: '演示市青禾智能科技有限公司',
  legalRepresentative: '林晓岚',
  entityType: '有限责任公司（自然人投资或控股）',
  registeredCapital: '500万元人民币',
  establishedOn: '2016-08-18',
  address: '山东省演示市张店区新村西路166号',
  registrationAuthority: '演示市张店区市场监督管理局',
  registrationStatus: '存续',
};

export const PERSON: Subject = { id: 's-zhou', kind: 'natural-person', code: '11010519491231002X', formerCodes: [], name: '周建国' };

let seq = 0;
export function record(subject: Subject, partial: Partial<CreditRecord> & Pick<CreditRecord, 'category' | 'title'>): CreditRecord {
  seq += 1;
  return { id: `r-${seq}`, subjectId: subject.id, status: 'active', dataVersion: 1, fields: {}, ...partial };
}

export function companyRecords(): CreditRecord[] {
  return [
    record(COMPANY, {
      category: 'licence',
      title: '食品经营许可证',
      documentNumber: 'JY23703030184562',
      authority: '演示市张店区市场监督管理局',
      decisionDate: '2025-03-01',
      validFrom: '2025-03-01',
      validTo: '2030-02-28',
      content: '预包装食品销售',
      sourceDepartment: '演示市张店区市场监督管理局',
      fields: { 许可类别: '01普通', 许可证书名称: '食品经营许可证', 许可编号: 'JY23703030184562' },
    }),
    record(COMPANY, {
      category: 'penalty',
      title: '未按规定公示企业信息',
      documentNumber: '演张市监处罚〔2026〕118号',
      authority: '演示市张店区市场监督管理局',
      decisionDate: '2026-09-20',
      content: '罚款人民币伍仟元整',
      severity: 'ordinary',
      disclosureDeadline: '2027-09-20',
      sourceDepartment: '演示市张店区市场监督管理局',
      fields: { 违法事实: '未按规定期限公示年度报告中的社保信息', 处罚依据: '《企业信息公示暂行条例》第十八条', 处罚类别: '罚款', '罚款金额（万元）': 0.5 },
    }),
    // Past its 公示截止期: archive only, never in a report.
    record(COMPANY, {
      category: 'penalty',
      title: '广告中使用绝对化用语',
      documentNumber: '演张市监处罚〔2023〕042号',
      authority: '演示市张店区市场监督管理局',
      decisionDate: '2023-05-10',
      severity: 'ordinary',
      disclosureDeadline: '2024-05-10',
      fields: { 处罚类别: '罚款' },
    }),
    // Repaired (信用修复): archive only.
    record(COMPANY, { category: 'penalty', title: '已修复的处罚', documentNumber: '演张税罚〔2026〕9号', authority: '国家税务总局演示市张店区税务局', decisionDate: '2026-06-01', severity: 'ordinary', status: 'repaired' }),
    record(COMPANY, { category: 'honour', title: '纳税信用A级纳税人', authority: '国家税务总局演示市税务局', decisionDate: '2026-08-13', validTo: '2027-08-12', fields: { 荣誉类型: '红名单' } }),
    record(COMPANY, { category: 'commitment', title: '审批替代型承诺', documentNumber: 'CN-370303-2026-00871', authority: '演示市张店区行政审批服务局', decisionDate: '2026-04-15', content: '申请人承诺所提交材料真实有效', fields: { 承诺类型: '审批替代型', 履约状态: '已履约' } }),
  ];
}
