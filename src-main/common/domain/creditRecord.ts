// Records held for a subject, in the categories of the national catalogue of public
// credit information (全国公共信用信息基础目录, 2024 edition).

export const RECORD_CATEGORIES = [
  'judicial', // 司法裁判及执行
  'licence', // 行政管理 · 行政许可
  'penalty', // 行政管理 · 行政处罚
  'enforcement', // 行政管理 · 行政强制
  'admin-other', // 行政管理 · 确认/征收/给付/裁决/补偿/奖励/监督检查
  'qualification', // 职称和职业资格
  'abnormal-operation', // 经营（活动）异常名录
  'serious-dishonesty', // 严重失信主体名单 (incl. 失信被执行人)
  'watch-list', // 重点关注名单
  'contract', // 合同履行
  'commitment', // 信用承诺及履行
  'evaluation', // 信用评价结果
  'compliance', // 遵守法律法规情况
  'honour', // 诚实守信相关荣誉 (红名单, A 级纳税人 …)
  'intellectual-property', // 知识产权
  'voluntary', // 市场主体自愿提供
] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export const RECORD_STATUSES = ['active', 'repaired', 'revoked', 'objection-pending'] as const;
/** repaired (信用修复) and revoked records are archive only: never shown publicly. */
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const SEVERITIES = ['minor', 'ordinary', 'serious'] as const;
/** 轻微 / 一般 / 严重 failures, after 信用修复管理办法 (NDRC 令第36号). */
export type Severity = (typeof SEVERITIES)[number];

export type RecordFieldValue = string | number | null;

export interface CreditRecord {
  id: string;
  subjectId: string;
  category: RecordCategory;
  /** Licence name, violation type, list name, honour name … the line a person reads first. */
  title: string;
  /** 决定文书号 / 处罚决定书文号 / 案号. */
  documentNumber?: string;
  /** 许可机关 / 处罚机关 / 执行法院 / 决定机关. */
  authority?: string;
  decisionDate?: string;
  validFrom?: string;
  validTo?: string;
  content?: string;
  severity?: Severity;
  status: RecordStatus;
  /** 公示截止期 as the data supplies it; past it the record is archive only. */
  disclosureDeadline?: string;
  /** 数据来源单位. */
  sourceDepartment?: string;
  dataVersion: number;
  /** The category's further 双公示 fields (罚款金额, 处罚依据, 许可类别 …), by field key. */
  fields: Record<string, RecordFieldValue>;
}
