// The data a counter check runs on: business items (事项), joint punishment measures
// (the national basic list, 全国失信惩戒措施基础清单: three types, 14 measures, plus
// local supplements) and incentives for good credit. Shipped as a starter set and
// replaced by sync data, so it is validated here (zod) wherever it comes from.
import { z } from 'zod';
import { HIT_KINDS } from './hits';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'catalogue id');
const Text = z.string().min(1).max(2000);
const HitKindSchema = z.enum(HIT_KINDS);

export const LegalBasisSchema = z
  .object({
    /** 《中华人民共和国政府采购法》, 国发〔2016〕33号 … */
    title: Text,
    /** 第二十二条 … */
    article: z.string().max(200).optional(),
  })
  .strict();
export type LegalBasis = z.infer<typeof LegalBasisSchema>;

export const MeasureSchema = z
  .object({
    id: Id,
    /** 1: 减损权益或增加义务 (by public bodies under law); 2: 管理措施 (by public bodies in their duties); 3: 由其他主体实施. */
    type: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    /** 'national' = the basic list; 'local' = a municipal supplement (地方补充). */
    scope: z.enum(['national', 'local']),
    /** Number in the national list (1–14); local supplements have none. */
    listNumber: z.number().int().min(1).max(14).optional(),
    name: Text,
    /** 具体措施 as a staff member would apply it. */
    measure: Text,
    legalBasis: z.array(LegalBasisSchema).min(1),
    /** 实施主体. */
    implementingBody: Text,
    /** 实施对象, in words. */
    target: Text,
    /** The hits that trigger it. */
    triggeredBy: z.array(HitKindSchema.exclude(['red-list'])).min(1),
  })
  .strict();
export type Measure = z.infer<typeof MeasureSchema>;

export const IncentiveSchema = z
  .object({
    id: Id,
    name: Text,
    measure: Text,
    legalBasis: z.array(LegalBasisSchema).min(1),
    implementingBody: Text,
    target: Text,
    /** 'red-list': granted on a red-list hit; 'clean': also to subjects with no negative hit. */
    grantedOn: z.array(z.enum(['red-list', 'clean'])).min(1),
  })
  .strict();
export type Incentive = z.infer<typeof IncentiveSchema>;

export const BusinessItemSchema = z
  .object({
    id: Id,
    name: Text,
    /** 政府采购, 招标投标, 行政审批, 评优评先, 财政资金 … */
    category: z.string().min(1).max(100),
    /** 实施部门. */
    department: z.string().max(200).optional(),
    measures: z.array(Id),
    incentives: z.array(Id),
  })
  .strict();
export type BusinessItem = z.infer<typeof BusinessItemSchema>;

export const CatalogueSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1).max(64),
    measures: z.array(MeasureSchema).min(1),
    incentives: z.array(IncentiveSchema),
    items: z.array(BusinessItemSchema).min(1),
  })
  .strict()
  .superRefine((cat, ctx) => {
    // Every reference resolves and every id is unique: a broken catalogue is refused whole.
    const measureIds = new Set<string>();
    for (const m of cat.measures) {
      if (measureIds.has(m.id)) ctx.addIssue({ code: 'custom', message: `duplicate measure id ${m.id}`, path: ['measures'] });
      measureIds.add(m.id);
    }
    const incentiveIds = new Set(cat.incentives.map((i) => i.id));
    if (incentiveIds.size !== cat.incentives.length) ctx.addIssue({ code: 'custom', message: 'duplicate incentive id', path: ['incentives'] });
    const itemIds = new Set<string>();
    cat.items.forEach((item, i) => {
      if (itemIds.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate item id ${item.id}`, path: ['items', i, 'id'] });
      itemIds.add(item.id);
      for (const id of item.measures) if (!measureIds.has(id)) ctx.addIssue({ code: 'custom', message: `unknown measure ${id}`, path: ['items', i, 'measures'] });
      for (const id of item.incentives) if (!incentiveIds.has(id)) ctx.addIssue({ code: 'custom', message: `unknown incentive ${id}`, path: ['items', i, 'incentives'] });
    });
  });
export type Catalogue = z.infer<typeof CatalogueSchema>;

/** Parses a catalogue from untrusted JSON (file or sync package); the message names the first problem. */
export function parseCatalogue(value: unknown): { ok: true; catalogue: Catalogue } | { ok: false; message: string } {
  const parsed = CatalogueSchema.safeParse(value);
  if (parsed.success) return { ok: true, catalogue: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, message: first ? `${first.path.join('.') || '(catalogue)'}: ${first.message}` : 'invalid catalogue' };
}
