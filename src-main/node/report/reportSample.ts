// A fictitious enterprise's report with n records across the categories: what the
// warm-up draws at start so the first real print finds fonts parsed, widths cached and
// the drawing code compiled, and what the report bench measures.
import type { CreditRecord, RecordCategory } from '../../common/domain/creditRecord';
import type { Subject } from '../../common/domain/subject';
import { buildReportModel, type ReportModel } from '../../common/report/reportModel';

const SUBJECT: Subject = { id: 'sample', kind: 'enterprise', code: '91350100M000100Y43', formerCodes: [], name: '演示市样例科技有限公司', legalRepresentative: '张三', registrationStatus: '存续' };
const CATEGORIES: RecordCategory[] = ['penalty', 'licence', 'honour', 'commitment', 'abnormal-operation', 'serious-dishonesty', 'judicial', 'evaluation'];

export function sampleReportModel(records: number): ReportModel {
  const list: CreditRecord[] = Array.from({ length: records }, (_, i) => ({
    id: `sample-${i}`,
    subjectId: SUBJECT.id,
    category: CATEGORIES[i % CATEGORIES.length]!,
    title: `记录名称第${i + 1}条`,
    documentNumber: `演市监罚〔2026〕${1000 + i}号`,
    authority: '演示市市场监督管理局',
    decisionDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    content: '罚款人民币壹万元整，责令改正违法行为',
    severity: 'serious',
    status: 'active',
    sourceDepartment: '演示市市场监督管理局',
    dataVersion: 1,
    fields: { 违法事实: '当事人未按规定履行义务', 处罚依据: '《中华人民共和国某某法》第十条', 处罚类别: '罚款', '罚款金额（万元）': 1 },
  }));
  const built = buildReportModel({
    subject: SUBJECT,
    records: list,
    audience: 'public',
    edition: 'standard',
    generatedAt: new Date('2026-11-21T02:03:04Z'),
    today: '2026-11-21',
    reportNumber: '20261121100304SAMPLE01',
    issuer: '演示市公共信用信息中心',
    kioskId: 'SAMPLE-01',
    provenance: { source: 'cache', dataVersion: 1, dataAsOf: '2026-11-20T18:00:00Z', stale: false },
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.value;
}
