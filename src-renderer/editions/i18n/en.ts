// English: choosing the edition of an enterprise's report.
import type { editionZhCN } from './zh-CN';

export const editionEn: Record<keyof typeof editionZhCN, string> = {
  label: 'Report edition',
  standard: 'Standard edition',
  'no-violation': 'No-violation certificate edition',
  noViolationHint: 'The no-violation certificate edition states, field by field, whether any violation is on record in the period checked; it replaces the enterprise’s certificates of no violations in those fields.',
};
