// Usage statistics as staff calls: figures per function and period (one's own, or
// everyone's with the right), their CSV, and the count of a self-service use.
import { ok } from '../../common/contract/result';
import type { StaffMethods } from '../../common/contract/staffApi';
import { can } from '../../common/staff/roles';
import type { RecordedUse } from '../../common/staff/statsPeriods';
import { auditEntry, authorised, deny, fileView, isSession, type StaffContext } from './staffContext';
import { statsCsv, usageStats } from './usageStats';

export type StaffStatsMethods = Pick<StaffMethods, 'getStats' | 'exportStats'>;

export function staffStats(ctx: StaffContext): StaffStatsMethods & { recordUsage(fn: RecordedUse, subject?: { kind: string; code: string }): void } {
  return {
    getStats: async (input) => {
      const s = authorised(ctx, input.token, 'stats-own');
      if (!isSession(s)) return s;
      if (input.from > input.to) return deny('INVALID_INPUT', 'from/to');
      const all = can(s.role, 'stats-all');
      if (!all && input.staffNo !== undefined && input.staffNo !== s.staffNo) return deny('UNAUTHORIZED');
      const staffNo = all ? input.staffNo : s.staffNo;
      return ok(usageStats(ctx.db, { from: input.from, to: input.to, granularity: input.granularity, ...(staffNo !== undefined && { staffNo }) }));
    },

    exportStats: async (input) => {
      const s = authorised(ctx, input.token, 'stats-own');
      if (!isSession(s)) return s;
      if (input.from > input.to) return deny('INVALID_INPUT', 'from/to');
      const view = usageStats(ctx.db, { from: input.from, to: input.to, granularity: input.granularity, ...(!can(s.role, 'stats-all') && { staffNo: s.staffNo }) });
      return ok(fileView(`使用统计-${input.from}-${input.to}.csv`, 'text/csv', Buffer.from(statsCsv(view), 'utf8')));
    },

    recordUsage: (fn, subject) => {
      ctx.audit.append(auditEntry(ctx, { staffNo: '', action: fn, subjectKey: subject ? ctx.keyer.subjectKey(subject) : '', result: 'ok' }));
    },
  };
}
