// The plans' functions as a person reads them, in both languages: the fleet view's screens
// and the platform's CSV/XLSX exports name them from this one table.
import type { UsageFunction } from './platformEvents';

export const USAGE_FUNCTION_LABELS: Readonly<Record<UsageFunction, { zh: string; en: string }>> = {
  'self-query': { zh: '自助查询', en: 'Self-service query' },
  'report-print': { zh: '报告打印', en: 'Report printed' },
  'report-verify': { zh: '报告核验', en: 'Report verified' },
  'credit-check': { zh: '信用核查', en: 'Credit check' },
  'joint-measures': { zh: '联合奖惩', en: 'Joint reward/punishment' },
  'batch-check': { zh: '批量核查', en: 'Batch check' },
  objection: { zh: '异议申请', en: 'Objection' },
  repair: { zh: '信用修复', en: 'Credit repair' },
  commitment: { zh: '信用承诺', en: 'Credit commitment' },
  'face-check': { zh: '人脸核验', en: 'Face check' },
};

export function usageFunctionLabel(fn: string, language: 'zh' | 'en'): string {
  return (USAGE_FUNCTION_LABELS as Record<string, { zh: string; en: string }>)[fn]?.[language] ?? fn;
}
