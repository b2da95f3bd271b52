// The signature as the pad sends it: bounded, with some ink, in the pad's own units.
import { describe, expect, it } from 'vitest';
import { CommitmentCatalogueSchema, chosenFields, fillItem } from '../../../../src-main/common/commitment/commitmentCatalogue';
import { MAX_POINTS_PER_STROKE, MAX_STROKES, SIGNATURE_BOX, SignatureStrokesSchema, toSignatureUnits } from '../../../../src-main/common/signature/signatureStrokes';

describe('signature strokes', () => {
  it('takes a few strokes of ink', () => {
    expect(SignatureStrokesSchema.safeParse([[[10, 10], [200, 300]], [[400, 50]]]).success).toBe(true);
  });

  it('refuses a tap, points outside the box, and more strokes or points than bounded', () => {
    expect(SignatureStrokesSchema.safeParse([[[10, 10], [20, 10]]]).success).toBe(false);
    expect(SignatureStrokesSchema.safeParse([[[10, 10], [SIGNATURE_BOX.width + 1, 10]]]).success).toBe(false);
    expect(SignatureStrokesSchema.safeParse([[[10.5, 10], [500, 10]]]).success).toBe(false);
    const line: Array<[number, number]> = [[0, 0], [500, 300]];
    expect(SignatureStrokesSchema.safeParse(Array.from({ length: MAX_STROKES + 1 }, () => line)).success).toBe(false);
    const long = Array.from({ length: MAX_POINTS_PER_STROKE + 1 }, (_, i): [number, number] => [i % 1000, 200]);
    expect(SignatureStrokesSchema.safeParse([long]).success).toBe(false);
    // Many strokes of many points each: the total is bounded too.
    const many = Array.from({ length: 11 }, () => long.slice(0, MAX_POINTS_PER_STROKE));
    expect(SignatureStrokesSchema.safeParse(many).success).toBe(false);
  });

  it('maps a pad of any size to its units, clamping a finger that slid over the edge', () => {
    expect(toSignatureUnits(250, 100, 500, 200)).toEqual([500, 200]);
    expect(toSignatureUnits(-8, 260, 500, 200)).toEqual([0, SIGNATURE_BOX.height]);
  });
});

describe('commitment catalogue', () => {
  const kind = {
    id: 'government-service',
    type: '政务服务承诺型',
    name: { 'zh-CN': '政务服务信用承诺', en: 'Government service commitment' },
    summary: { 'zh-CN': '摘要', en: 'Summary' },
    title: '信用承诺书',
    fields: [{ id: 'deadline', label: { 'zh-CN': '期限', en: 'Within' }, options: [{ value: '5个工作日', en: '5 working days' }] }],
    items: [{ 'zh-CN': '{{subjectName}}在{{deadline}}内补齐。', en: '{{subjectName}} within {{deadline}}.' }],
    validMonths: 6,
  };

  it('refuses a letter whose text names a field it does not define', () => {
    const bad = { version: '1', acceptingUnit: '中心', kinds: [{ ...kind, items: [{ 'zh-CN': '{{deadlines}}', en: 'x' }] }] };
    const parsed = CommitmentCatalogueSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('{{deadlines}}');
    expect(CommitmentCatalogueSchema.safeParse({ version: '1', acceptingUnit: '中心', kinds: [kind] }).success).toBe(true);
  });

  it('takes only the options offered, every field chosen', () => {
    const parsed = CommitmentCatalogueSchema.parse({ version: '1', acceptingUnit: '中心', kinds: [kind] });
    const k = parsed.kinds[0]!;
    expect(chosenFields(k, { deadline: '5个工作日' })).toEqual({ ok: true, value: { deadline: '5个工作日' } });
    expect(chosenFields(k, {}).ok).toBe(false);
    expect(chosenFields(k, { deadline: '明年' }).ok).toBe(false);
    expect(chosenFields(k, { deadline: '5个工作日', extra: 'x' }).ok).toBe(false);
    expect(fillItem(k.items[0]!['zh-CN'], { subjectName: '周建国', deadline: '5个工作日' })).toBe('周建国在5个工作日内补齐。');
  });
});
