// The caller's side of a lookup: the records arrive as the JSON text SQLite made.
import { describe, expect, it } from 'vitest';
import { decodeBundle, type RecordTuple } from '../../../../src-main/node/cache/cacheRows';

const subject = { id: 's1', kind: 'enterprise' as const, code: '91350100M000100Y43', formerCodes: [], name: '演示市解码测试有限公司' };
const tuple = (id: string, rid: number, over: Partial<Record<number, unknown>> = {}): RecordTuple => {
  const t: RecordTuple = [id, 'licence', '食品经营许可', null, '演示市市场监督管理局', '2024-01-02', null, null, '预包装食品销售', null, 'active', null, null, 3, { 许可证号: 'JY1' }, rid];
  for (const [i, v] of Object.entries(over)) (t as unknown[])[Number(i)] = v;
  return t;
};

describe('decodeBundle', () => {
  it('makes records with only the fields that are set, in row-id order', () => {
    const wire = { subject, records: JSON.stringify([tuple('r2', 1_048_577), tuple('r1', 1_048_576, { 14: null })]), facts: null };
    const { records } = decodeBundle(wire);
    expect(records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(records[0]).toEqual({
      id: 'r1',
      subjectId: 's1',
      category: 'licence',
      title: '食品经营许可',
      authority: '演示市市场监督管理局',
      decisionDate: '2024-01-02',
      content: '预包装食品销售',
      status: 'active',
      dataVersion: 3,
      fields: {},
    });
    expect(records[1]!.fields).toEqual({ 许可证号: 'JY1' });
  });

  it("takes a person's record facts from the sealed facts, not the clear columns", () => {
    const wire = { subject, records: JSON.stringify([tuple('r1', 1, { 8: null, 14: null })]), facts: { r1: { content: '已履行', fields: { 执行标的: 1000 } } } };
    expect(decodeBundle(wire).records[0]).toMatchObject({ content: '已履行', fields: { 执行标的: 1000 } });
  });

  it('an empty record set is an empty list', () => {
    expect(decodeBundle({ subject, records: '[]', facts: null })).toEqual({ subject, records: [] });
  });
});
