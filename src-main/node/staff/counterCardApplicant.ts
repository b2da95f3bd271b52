// The person whose ID card lies on the counter's reader, for a service a staff member
// starts for them (a repair application): their subject, the records shown to them now
// (the one visibility rule), and whether that same card still lies there. Read as the
// counter check by card reads it; the screen never sends card data.
import { ok, type Result } from '../../common/contract/result';
import type { Provenance } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isCardExpired } from '../../common/domain/idCard';
import type { Subject } from '../../common/domain/subject';
import { isPubliclyVisible } from '../../common/rules/disclosurePolicy';
import { toIsoDate } from '../../common/time/isoDate';
import { auditEntry, authorised, deny, guard, isSession, provenance, type StaffContext } from './staffContext';

export interface CounterCardApplicant {
  staff: { staffNo: string; name: string };
  subject: Subject;
  shown: CreditRecord[];
  provenance: Provenance;
  /** The card holder: the one who signs. */
  holderName: string;
  /** The same card still lies on the counter's reader (lifted: nothing is filed). */
  stillThere(): boolean;
  /** Appends what was done for them to the audit chain, with the staff number. */
  audit(action: string, result: string, detail: Record<string, unknown>): void;
}

export function counterCardApplicant(ctx: StaffContext, token: string): Promise<Result<CounterCardApplicant>> {
  return guard<CounterCardApplicant>(ctx, 'counterCardApplicant', async () => {
    const s = authorised(ctx, token, 'decide');
    if (!isSession(s)) return s;
    const held = ctx.card.current();
    if (!held) return deny('NO_SESSION', '请在读卡器上放置身份证 / place the ID card on the reader');
    const today = toIsoDate(ctx.now());
    if (isCardExpired(held, today)) return deny('CARD_EXPIRED');
    const code = held.idNumber;
    const found = await ctx.cache.findByCode(code);
    if (!found) return deny('SUBJECT_NOT_FOUND');
    const subjectKey = ctx.keyer.subjectKey(found.subject);
    return ok({
      staff: { staffNo: s.staffNo, name: s.name },
      subject: found.subject,
      shown: found.records.filter((r) => isPubliclyVisible(r, today, ctx.disclosurePolicy)),
      provenance: await provenance(ctx),
      holderName: held.name,
      stillThere: () => ctx.card.current()?.idNumber === code,
      audit: (action, result, detail) => ctx.audit.append(auditEntry(ctx, { staffNo: s.staffNo, action, subjectKey, result, detail })),
    });
  });
}
