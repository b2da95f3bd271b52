// The batch check reads only the records of HIT_CATEGORIES: that is safe only while no
// other category can ever be a hit, which this test holds hitKindOf to.
import { describe, expect, it } from 'vitest';
import { RECORD_CATEGORIES, type CreditRecord } from '../../../../src-main/common/domain/creditRecord';
import { HIT_CATEGORIES, hitKindOf } from '../../../../src-main/common/staff/hits';

const TODAY = '2026-05-15';
const visible = (category: CreditRecord['category']): CreditRecord => ({
  id: 'r1',
  subjectId: 's1',
  category,
  title: '记录',
  status: 'active',
  severity: 'serious',
  decisionDate: '2026-05-01',
  dataVersion: 1,
  fields: {},
});

describe('the categories a hit can come from', () => {
  it('are exactly those hitKindOf names a hit for', () => {
    for (const category of RECORD_CATEGORIES) {
      expect({ category, hit: hitKindOf(visible(category), TODAY) !== null }).toEqual({ category, hit: HIT_CATEGORIES.includes(category) });
    }
  });
});
