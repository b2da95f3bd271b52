// The catalogue of standard credit commitment letters (信用承诺书): the six kinds of the
// municipal plans, each a title, items of text with {{fields}}, and the fields a holder
// chooses. Kept as data (resources/commitments/catalogue.json) and checked here, so a
// letter that names a field it does not define never reaches a screen or a PDF.
import { z } from 'zod';
import { fail, ok, type Result } from '../contract/result';

/** The kinds of the plans, by stable id (the catalogue may reword their names). */
export const COMMITMENT_KIND_IDS = ['approval-substitution', 'voluntary-disclosure', 'industry-self-discipline', 'credit-repair', 'certificate-notification', 'government-service'] as const;
export type CommitmentKindId = (typeof COMMITMENT_KIND_IDS)[number];

/** The incentives of the business-item catalogue under which an applicant may proceed on a signed promise (告知承诺, 容缺受理). */
export const COMMITMENT_INCENTIVE_IDS: readonly string[] = ['notice-commitment', 'tolerance-acceptance'];

/** Filled by the kiosk, never chosen: who commits, and when. */
export const AUTO_FIELDS = ['subjectName', 'subjectCode', 'signerName', 'date'] as const;

const Text = (max: number) => z.string().min(1).max(max);
const Bilingual = (max: number) => z.object({ 'zh-CN': Text(max), en: Text(max) }).strict();
const FIELD_ID = /^[a-z][A-Za-z0-9]{0,29}$/;
const PLACEHOLDER = /\{\{([A-Za-z0-9]+)\}\}/g;

const FieldSchema = z
  .object({
    id: z.string().regex(FIELD_ID),
    label: Bilingual(40),
    options: z.array(z.object({ value: Text(60), en: Text(80) }).strict()).min(1).max(20),
  })
  .strict();

const KindSchema = z
  .object({
    id: z.enum(COMMITMENT_KIND_IDS),
    /** As the report's 承诺类型 column prints it. */
    type: Text(20),
    name: Bilingual(60),
    summary: Bilingual(200),
    title: Text(40),
    fields: z.array(FieldSchema).max(8),
    items: z.array(Bilingual(400)).min(1).max(20),
    /** How long the commitment stands from signing: a second identical one inside it is refused. */
    validMonths: z.number().int().min(1).max(120),
  })
  .strict();

export const CommitmentCatalogueSchema = z
  .object({
    $comment: z.string().optional(),
    version: Text(40),
    /** 受理单位: who the commitments are made to. */
    acceptingUnit: Text(60),
    kinds: z.array(KindSchema).min(1).max(COMMITMENT_KIND_IDS.length),
  })
  .strict()
  .superRefine((cat, ctx) => {
    const ids = new Set(cat.kinds.map((k) => k.id));
    if (ids.size !== cat.kinds.length) ctx.addIssue({ code: 'custom', message: 'duplicate kind id', path: ['kinds'] });
    cat.kinds.forEach((kind, k) => {
      const known = new Set<string>([...AUTO_FIELDS, ...kind.fields.map((f) => f.id)]);
      kind.items.forEach((item, i) => {
        for (const text of [item['zh-CN'], item.en]) {
          for (const [, name] of text.matchAll(PLACEHOLDER)) {
            if (!known.has(name!)) ctx.addIssue({ code: 'custom', message: `unknown field {{${name}}}`, path: ['kinds', k, 'items', i] });
          }
        }
      });
    });
  });
export type CommitmentCatalogue = z.infer<typeof CommitmentCatalogueSchema>;
export type CommitmentKind = CommitmentCatalogue['kinds'][number];

/** The chosen values of a kind's fields, by field id (the input's shape; checked by chosenFields). */
export const ChosenFieldsSchema = z.record(z.string().regex(FIELD_ID), z.string().max(60)).refine((r) => Object.keys(r).length <= 8, 'too many fields');
export type ChosenFields = Record<string, string>;

/** Every field chosen, each from its options, and nothing else: the values in the kind's field order. */
export function chosenFields(kind: CommitmentKind, chosen: ChosenFields): Result<ChosenFields> {
  const out: ChosenFields = {};
  for (const field of kind.fields) {
    const value = chosen[field.id];
    if (value === undefined) return fail('INVALID_INPUT', `请选择“${field.label['zh-CN']}” / choose “${field.label.en}”`);
    if (!field.options.some((o) => o.value === value)) return fail('INVALID_INPUT', `“${field.label['zh-CN']}”的选项无效 / not an option of “${field.label.en}”`);
    out[field.id] = value;
  }
  const extra = Object.keys(chosen).filter((id) => !kind.fields.some((f) => f.id === id));
  if (extra.length > 0) return fail('INVALID_INPUT', `未知的字段 / unknown fields: ${extra.join(', ')}`);
  return ok(out);
}

/** An item's text with its fields filled (a field not given stays as a blank line for the eye). */
export function fillItem(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? '______');
}

/** English items show the chosen options' English words. */
export function englishValues(kind: CommitmentKind, values: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...values };
  for (const field of kind.fields) {
    const option = field.options.find((o) => o.value === values[field.id]);
    if (option) out[field.id] = option.en;
  }
  return out;
}

export function findKind(catalogue: CommitmentCatalogue, id: string): CommitmentKind | null {
  return catalogue.kinds.find((k) => k.id === id) ?? null;
}
