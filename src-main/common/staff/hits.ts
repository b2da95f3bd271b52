// What a check calls a "hit": a record visible now (publicVisibility) that puts the
// subject on a punishment list or a red list. Archive records (repaired, past their
// disclosure period) never count: "不再作为失信惩戒的依据".
import type { CreditRecord, RecordCategory } from '../domain/creditRecord';
import { publicVisibility, type DisclosurePolicy, DEFAULT_DISCLOSURE_POLICY } from '../rules/disclosurePolicy';

export const HIT_KINDS = [
  'serious-dishonesty', // 严重失信主体名单
  'judgment-defaulter', // 失信被执行人
  'abnormal-operation', // 经营异常名录
  'penalty', // 行政处罚 within its disclosure period
  'watch-list', // 重点关注名单
  'red-list', // 红名单 / 守信激励 / 荣誉
] as const;
export type HitKind = (typeof HIT_KINDS)[number];

/** Kinds that call for punishment measures; the rest (red-list) for incentives. */
export const NEGATIVE_HIT_KINDS: ReadonlySet<HitKind> = new Set(['serious-dishonesty', 'judgment-defaulter', 'abnormal-operation', 'penalty', 'watch-list']);

export interface Hit<R = CreditRecord> {
  kind: HitKind;
  record: R;
}

/** The categories hitKindOf can find a hit in: a check that counts only hits needs only these records (the batch's hits-only lookups). */
export const HIT_CATEGORIES: readonly RecordCategory[] = ['serious-dishonesty', 'abnormal-operation', 'penalty', 'watch-list', 'honour'];

/** What a hit is decided by: the batch's hits-only lookups carry only these fields. */
export type HitRecord = Pick<CreditRecord, 'category' | 'title' | 'status' | 'severity' | 'decisionDate' | 'disclosureDeadline' | 'validTo'>;

/** The hit kind of one record, or null when it is not a hit (or not visible today). */
export function hitKindOf(record: HitRecord, today: string, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): HitKind | null {
  if (!publicVisibility(record, today, policy).visible) return null;
  switch (record.category) {
    case 'serious-dishonesty':
      // Court defaulters travel in the serious-dishonesty category; the list name tells them apart.
      return /失信被执行人|judgment defaulter/i.test(record.title) ? 'judgment-defaulter' : 'serious-dishonesty';
    case 'abnormal-operation':
      return 'abnormal-operation';
    case 'penalty':
      return 'penalty';
    case 'watch-list':
      return 'watch-list';
    case 'honour':
      return 'red-list';
    default:
      return null;
  }
}

export function hitsOf<R extends HitRecord>(records: readonly R[], today: string, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): Array<Hit<R>> {
  const hits: Array<Hit<R>> = [];
  for (const record of records) {
    const kind = hitKindOf(record, today, policy);
    if (kind) hits.push({ kind, record });
  }
  return hits;
}
