// Where a subject's records sit in the records table. Row id = subject's sid × 2^20 +
// the record's position in display order, so one subject's records are one contiguous
// range of the table: a lookup reads them with a single range scan (usually one or
// two pages), with no secondary index on sid to consult and no sort. A delta that
// replaces a subject keeps its sid and so writes the new records into the same range.
import type { CreditRecord } from '../../common/domain/creditRecord';

export const RECORD_SLOT_BITS = 20;
/** More records than this for one subject would spill into the next subject's range. */
export const MAX_RECORDS_PER_SUBJECT = 2 ** RECORD_SLOT_BITS;

/** The first and last row id a subject's records may have. */
export function recordRowRange(sid: number): { first: number; last: number } {
  const first = sid * MAX_RECORDS_PER_SUBJECT;
  return { first, last: first + MAX_RECORDS_PER_SUBJECT - 1 };
}

/**
 * The order records are shown and stored in: by category, newest decision first (records
 * without a date after the dated ones), then as given. Migration 3 renumbers older files
 * with the same order in SQL (ORDER BY category, decision_date DESC, rid).
 */
export function sortForDisplay<T extends Pick<CreditRecord, 'category' | 'decisionDate'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => {
    if (a.category !== b.category) return a.category < b.category ? -1 : 1;
    const da = a.decisionDate;
    const db = b.decisionDate;
    if (da === db) return 0;
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da > db ? -1 : 1;
  });
}
