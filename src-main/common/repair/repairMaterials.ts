// What a credit repair application (信用修复申请) asks for, kept as data
// (resources/repair/materials.json): the materials per case, the answer period, and the
// bounds of a photographed page. Pure: the journey asks which materials this penalty
// needs; the service checks the photos it is given against the same list.
import { z } from 'zod';
import { SEVERITIES } from '../domain/creditRecord';
import type { PenaltySeverity } from '../rules/disclosurePeriods';
import { PenaltyPeriodsOverrideSchema } from '../rules/disclosurePeriods';
import { UnrepairableListSchema } from '../rules/repairEligibility';

const Bilingual = z.object({ 'zh-CN': z.string().min(1).max(120), en: z.string().min(1).max(200) }).strict();

export const RepairMaterialSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: Bilingual,
    /** What the person is told to bring or show. */
    hint: Bilingual.optional(),
    /** signed: the 信用修复承诺书 signed on the screen here; photo: a page shown to the document camera. */
    source: z.enum(['signed', 'photo']),
    /** Only for these severities (e.g. the authority's repair form for ordinary failures); absent: every case. */
    severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
    /** For an enterprise only (the registration certificate), or a person only. */
    subjects: z.enum(['enterprise', 'person']).optional(),
  })
  .strict();
export type RepairMaterial = z.infer<typeof RepairMaterialSchema>;

export const RepairConfigSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1).max(40),
    /** Working days the platform has to answer, printed on the receipt. */
    answerWorkingDays: z.number().int().min(1).max(90),
    /** One photographed page at most this many bytes (JPEG as the camera gives it). */
    maxPhotoBytes: z.number().int().min(10_000).max(2_000_000),
    /** The 令第36号 periods where the city's rules differ (absent: the regulation's). */
    periods: PenaltyPeriodsOverrideSchema.optional(),
    unrepairable: z.array(UnrepairableListSchema).max(50),
    materials: z.array(RepairMaterialSchema).min(1).max(20),
  })
  .strict()
  .superRefine((c, ctx) => {
    const codes = c.materials.map((m) => m.code);
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: 'duplicate material code', path: ['materials'] });
    if (c.materials.filter((m) => m.source === 'signed').length !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one material is the letter signed here', path: ['materials'] });
  });
export type RepairConfig = z.infer<typeof RepairConfigSchema>;

/** The materials this case needs, in the configured order. */
export function repairChecklist(materials: readonly RepairMaterial[], severity: PenaltySeverity, subject: 'enterprise' | 'person'): RepairMaterial[] {
  return materials.filter((m) => (m.severities === undefined || m.severities.includes(severity)) && (m.subjects === undefined || m.subjects === subject));
}

/** The checklist's pages to photograph (the signed letter is made here). */
export function photoMaterials(checklist: readonly RepairMaterial[]): RepairMaterial[] {
  return checklist.filter((m) => m.source === 'photo');
}
