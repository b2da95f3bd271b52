// Staff accounts: sign-in (PIN or the staff member's own card), sign-out, the
// session as it stands, and the account administration (add, update, reset PIN,
// unlock, link a card). Every sign-in attempt and account change is audited.
import { ok, type Result } from '../../common/contract/result';
import type { StaffInput, StaffMethods, StaffOutputs } from '../../common/contract/staffApi';
import type { SignInOutcome } from '../../common/contract/staffViews';
import { can, canUnlock, type StaffRole } from '../../common/staff/roles';
import { auditEntry, deny, guard, sessionView, type StaffContext } from './staffContext';
import { accountView, StaffStoreError } from './staffStore';

export type StaffAccountMethods = Pick<StaffMethods, 'signIn' | 'signOut' | 'staffSession' | 'manageStaff'>;

export function staffAccounts(ctx: StaffContext): StaffAccountMethods {
  const { audit, store, sessions, card, keyer, log } = ctx;

  /** A session for a checked account, unless it was asked for the admin console without the right. */
  function open(account: { staffNo: string; name: string; role: StaffRole }, input: StaffInput<'signIn'>): Result<SignInOutcome> {
    if (input.purpose === 'kiosk-admin') {
      if (!can(account.role, 'kiosk-admin')) {
        audit.append(auditEntry(ctx, { staffNo: account.staffNo, action: 'sign-in', result: 'no-right', detail: { by: input.by, purpose: 'kiosk-admin' } }));
        log.warn({ event: 'staff-sign-in-refused', staffNo: account.staffNo, reason: 'no-right' }, 'admin console sign-in without the right');
        return ok({ signedIn: false, reason: 'no-right' });
      }
      return ok({ signedIn: true, session: sessionView(ctx, sessions.start(account, ctx.adminIdleSeconds * 1000)) });
    }
    return ok({ signedIn: true, session: sessionView(ctx, sessions.start(account)) });
  }

  return {
    signIn: (input: StaffInput<'signIn'>) =>
      guard<StaffOutputs['signIn']>(ctx, 'signIn', async () => {
        if (input.by === 'pin') {
          const checked = await store.checkPin(input.staffNo, input.pin);
          audit.append(auditEntry(ctx, { staffNo: input.staffNo, action: 'sign-in', result: checked.ok ? 'ok' : checked.reason, detail: { by: 'pin' } }));
          if (!checked.ok) {
            log.warn({ event: 'staff-sign-in-refused', staffNo: input.staffNo, reason: checked.reason }, 'staff sign-in refused');
            if (checked.reason === 'bad-credentials') return ok({ signedIn: false, reason: 'bad-credentials', attemptsLeft: checked.attemptsLeft });
            if (checked.reason === 'locked') return ok({ signedIn: false, reason: 'locked', lockedUntil: checked.lockedUntil });
            return ok({ signedIn: false, reason: 'inactive' });
          }
          return open(checked.account, input);
        }
        const held = card.current();
        if (!held) return ok({ signedIn: false, reason: 'no-card' });
        const account = store.findByCard(keyer.cardKey(held.idNumber));
        const state = account ? store.usable(account) : null;
        audit.append(auditEntry(ctx, { staffNo: account?.staffNo ?? '', action: 'sign-in', result: !state ? 'unknown-card' : state.ok ? 'ok' : state.reason, detail: { by: 'card' } }));
        if (!account || !state) return ok({ signedIn: false, reason: 'unknown-card' });
        if (!state.ok) return ok(state.reason === 'locked' ? { signedIn: false, reason: 'locked', lockedUntil: state.lockedUntil } : { signedIn: false, reason: 'inactive' });
        return open(account, input);
      }),

    signOut: async ({ token }) => {
      sessions.end(token, 'user');
      return ok(null);
    },

    staffSession: async ({ token }) => {
      const s = sessions.touch(token);
      return s ? ok(sessionView(ctx, s)) : deny('NO_SESSION');
    },

    manageStaff: (input: StaffInput<'manageStaff'>) =>
      guard<StaffOutputs['manageStaff']>(ctx, 'manageStaff', async () => {
        const s = sessions.touch(input.token);
        if (!s) return deny('NO_SESSION');
        const admin = can(s.role, 'manage-staff');
        const list = () => ok(store.list().map(accountView));
        if (input.action === 'list') return admin || can(s.role, 'unlock') ? list() : deny('UNAUTHORIZED');
        if (input.action === 'unlock') {
          const target = store.get(input.staffNo);
          if (!target) return deny('INVALID_INPUT', 'staffNo');
          if (!canUnlock(s.role, target.role)) return deny('UNAUTHORIZED');
          store.unlock(input.staffNo);
        } else {
          if (!admin) {
            audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'staff-managed', result: 'refused', detail: { action: input.action } }));
            return deny('UNAUTHORIZED');
          }
          try {
            if (input.action === 'add') await store.add(input);
            else if (input.action === 'reset-pin') await store.resetPin(input.staffNo, input.pin);
            else if (input.action === 'link-card') {
              const held = card.current();
              if (!held) return deny('NO_SESSION', '请在读卡器上放置该工作人员的身份证 / place the staff member’s card on the reader');
              store.linkCard(input.staffNo, keyer.cardKey(held.idNumber));
            } else {
              const target = store.get(input.staffNo);
              if (!target) return deny('INVALID_INPUT', 'staffNo');
              const losesAdmin = target.role === 'admin' && target.active && ((input.role !== undefined && input.role !== 'admin') || input.active === false);
              const activeAdmins = store.list().filter((a) => a.role === 'admin' && a.active).length;
              if (losesAdmin && activeAdmins <= 1) return deny('INVALID_INPUT', '至少保留一名管理员 / the last admin must stay');
              store.update(input.staffNo, { ...(input.name !== undefined && { name: input.name }), ...(input.role !== undefined && { role: input.role }), ...(input.active !== undefined && { active: input.active }) });
              // A changed role or a deactivation takes effect now, not at the next sign-in.
              if (input.active === false || (input.role !== undefined && input.role !== target.role)) sessions.endStaff(input.staffNo, 'deactivated');
            }
          } catch (err) {
            if (err instanceof StaffStoreError) return deny('INVALID_INPUT', err.code === 'EXISTS' ? '工号已存在 / staff number exists' : 'staffNo');
            throw err;
          }
        }
        audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'staff-managed', result: input.action, detail: { target: input.staffNo } }));
        return list();
      }),
  };
}
