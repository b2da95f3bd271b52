// The records table's layout: a subject's records are one row-id range, in display order.
import { describe, expect, it } from 'vitest';
import type { RecordCategory } from '../../../../src-main/common/domain/creditRecord';
import { MAX_RECORDS_PER_SUBJECT, recordRowRange, sortForDisplay } from '../../../../src-main/node/cache/recordLayout';

describe('record layout', () => {
  it('gives each subject its own range, next to its neighbours and apart from them', () => {
    expect(recordRowRange(1)).toEqual({ first: MAX_RECORDS_PER_SUBJECT, last: 2 * MAX_RECORDS_PER_SUBJECT - 1 });
    expect(recordRowRange(2).first).toBe(recordRowRange(1).last + 1);
    // Row ids stay exact in a JavaScript number for any sid SQLite will hand out here.
    expect(Number.isSafeInteger(recordRowRange(2 ** 32).last)).toBe(true);
  });

  it('orders by category, newest decision first, undated after dated, ties as given', () => {
    const r = (id: string, category: RecordCategory, decisionDate?: string) => ({ id, category, ...(decisionDate && { decisionDate }) });
    const sorted = sortForDisplay([
      r('p1', 'penalty', '2024-01-01'),
      r('l-undated-a', 'licence'),
      r('l-2020', 'licence', '2020-01-01'),
      r('l-undated-b', 'licence'),
      r('l-2023', 'licence', '2023-01-01'),
      r('l-2023-bis', 'licence', '2023-01-01'),
      r('h1', 'honour', '2019-01-01'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['h1', 'l-2023', 'l-2023-bis', 'l-2020', 'l-undated-a', 'l-undated-b', 'p1']);
  });

  it('leaves the input as it was', () => {
    const input: Array<{ category: RecordCategory }> = [{ category: 'penalty' }, { category: 'licence' }];
    sortForDisplay(input);
    expect(input.map((x) => x.category)).toEqual(['penalty', 'licence']);
  });
});
