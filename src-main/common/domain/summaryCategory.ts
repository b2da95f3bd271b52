// The eight counts of a report's 信用信息概要, and which catalogue categories feed each.
import type { RecordCategory } from './creditRecord';

export const SUMMARY_CATEGORIES = [
  'administration', // 行政管理
  'honesty', // 诚实守信
  'serious-dishonesty', // 严重失信
  'abnormal-operation', // 经营异常
  'commitment', // 信用承诺
  'evaluation', // 信用评价
  'judicial', // 司法判决
  'other', // 其他
] as const;
export type SummaryCategory = (typeof SUMMARY_CATEGORIES)[number];

const MAP: Record<RecordCategory, SummaryCategory> = {
  licence: 'administration',
  penalty: 'administration',
  enforcement: 'administration',
  'admin-other': 'administration',
  honour: 'honesty',
  'serious-dishonesty': 'serious-dishonesty',
  'abnormal-operation': 'abnormal-operation',
  commitment: 'commitment',
  evaluation: 'evaluation',
  judicial: 'judicial',
  qualification: 'other',
  'watch-list': 'other',
  contract: 'other',
  compliance: 'other',
  'intellectual-property': 'other',
  voluntary: 'other',
};

export function summaryCategoryOf(category: RecordCategory): SummaryCategory {
  return MAP[category];
}

export function countBySummaryCategory(records: ReadonlyArray<{ category: RecordCategory }>): Record<SummaryCategory, number> {
  const counts = Object.fromEntries(SUMMARY_CATEGORIES.map((c) => [c, 0])) as Record<SummaryCategory, number>;
  for (const r of records) counts[summaryCategoryOf(r.category)] += 1;
  return counts;
}
