// Which record a subject may object to (异议) at the kiosk, and the configured form:
// the reasons offered, the categories excluded and the platform's answer period. Pure:
// the objection service asks it for a record on the summary the holder sees now.
import { z } from 'zod';
import type { ObjectionCheckView, ObjectionReason } from '../contract/citizenApi';
import { RECORD_CATEGORIES, type CreditRecord, type RecordCategory } from '../domain/creditRecord';

export const ObjectionReasonSchema = z
  .object({ code: z.string().regex(/^[a-z0-9-]{1,40}$/), zh: z.string().min(1).max(60), en: z.string().min(1).max(120) })
  .strict();

/** The reasons a person chooses from; halls may replace them in config.objection.reasons. */
export const DEFAULT_OBJECTION_REASONS: readonly ObjectionReason[] = [
  { code: 'not-mine', zh: '该信息不属于本人（本企业）', en: 'This information is not about me (my enterprise)' },
  { code: 'content-wrong', zh: '信息内容有误', en: 'The content is wrong' },
  { code: 'revoked', zh: '处罚或决定已被撤销、变更', en: 'The decision was revoked or changed' },
  { code: 'repaired', zh: '已完成信用修复，仍在公示', en: 'Already repaired but still shown' },
  { code: 'past-period', zh: '已超过公示期限，仍在公示', en: 'Shown past its disclosure period' },
  { code: 'other', zh: '其他原因（由工作人员联系说明）', en: 'Another reason (staff will call you)' },
];

export const ObjectionConfigSchema = z
  .object({
    reasons: z.array(ObjectionReasonSchema).min(1).max(20).default([...DEFAULT_OBJECTION_REASONS]),
    /** Working days the platform has to answer, printed on the receipt. */
    answerWorkingDays: z.number().int().min(1).max(90).default(10),
    /**
     * Categories the kiosk takes no objection for: what the subject supplied itself
     * (自愿提供) and its own commitments (信用承诺, whose keeping is settled with the unit
     * that accepted them) are changed there, not disputed with the platform.
     */
    excludedCategories: z.array(z.enum(RECORD_CATEGORIES)).default(['voluntary', 'commitment']),
    /** PEM file of the platform's X25519 public key: the contact phone is sealed to it (demo: the demo key). */
    phoneKeyFile: z.string().min(1).optional(),
  })
  .strict();
export type ObjectionConfig = z.output<typeof ObjectionConfigSchema>;

export const DEFAULT_OBJECTION_CONFIG: ObjectionConfig = ObjectionConfigSchema.parse({});

/**
 * Whether `recordId` may be objected to: it must be among the records shown to the
 * holder now (`shown`), of a category objections are taken for, and not already
 * pending — marked by the platform, or filed here (`filedHere`) and not answered.
 */
export function objectionCheck(
  recordId: string,
  shown: ReadonlyArray<Pick<CreditRecord, 'id' | 'category' | 'status'>>,
  filedHere: ReadonlySet<string>,
  excluded: readonly RecordCategory[],
): ObjectionCheckView {
  const record = shown.find((r) => r.id === recordId);
  if (!record) return { allowed: false, reason: 'not-shown' };
  if (excluded.includes(record.category)) return { allowed: false, reason: 'category-excluded', category: record.category };
  if (record.status === 'objection-pending' || filedHere.has(recordId)) return { allowed: false, reason: 'pending' };
  return { allowed: true };
}
