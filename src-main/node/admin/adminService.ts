// The admin console's services: one overview of devices, data and recent trouble,
// the USB media it may import from, and the operator's actions (sync now, import
// from USB media, leave kiosk mode).
// Every call needs a staff sign-in with the kiosk-admin right, and every action is
// written to the audit chain. This is the only door to a sync on request.
import type { AdminMethods, KioskInput } from '../../common/contract/kioskApi';
import { ok, type Result } from '../../common/contract/result';
import type { AdminActionResult } from '../../common/contract/adminApi';
import type { KioskStatus } from '../../common/contract/views';
import { toIsoDate } from '../../common/time/isoDate';
import type { EventHub } from '../kiosk/eventHub';
import type { KioskService } from '../kiosk/kioskService';
import type { StaffService } from '../staff/staffService';
import type { OutboxStatusView } from '../../common/contract/outboxViews';
import type { SyncActions, SyncMethods } from '../sync/syncService';
import { findImportMedia } from './importMedia';

export interface AdminServiceDeps {
  /** The one outbox's backlog and alarm (none: not shown). */
  outbox?: () => OutboxStatusView;
  kiosk: Pick<KioskService, 'getStatus' | 'diagnostics'>;
  staff: Pick<StaffService, 'authorise' | 'auditAction' | 'getStats'>;
  sync: SyncMethods & SyncActions;
  hub: EventHub;
  /** The configured import roots (sync.importRoots): where USB media are looked for. */
  importRoots?: readonly string[];
  now?: () => Date;
}

export function createAdminService(deps: AdminServiceDeps): AdminMethods {
  const now = deps.now ?? (() => new Date());
  return {
    getAdminOverview: async ({ token }: KioskInput<'getAdminOverview'>) => {
      const who = deps.staff.authorise(token, 'kiosk-admin');
      if (!who.ok) return who;
      const [status, sync] = await Promise.all([deps.kiosk.getStatus({}), deps.sync.getSyncStatus({})]);
      if (!status.ok) return status;
      const today = toIsoDate(now());
      const stats = await deps.staff.getStats({ token, from: today, to: today, granularity: 'day' });
      const { recentErrors, recentJobs } = deps.kiosk.diagnostics();
      // The overview must not carry the current card holder's name to an operator.
      const statusView: KioskStatus = { ...status.value, session: status.value.session ? { ...status.value.session, holder: { ...status.value.session.holder, name: '' } } : null };
      return ok({ status: statusView, sync: sync.ok ? sync.value : null, recentErrors, recentJobs, today: stats.ok ? stats.value : null, outbox: deps.outbox?.() ?? null });
    },

    listImportMedia: async ({ token }: KioskInput<'listImportMedia'>) => {
      const who = deps.staff.authorise(token, 'kiosk-admin');
      if (!who.ok) return who;
      const roots = [...(deps.importRoots ?? [])];
      return ok({ roots, media: findImportMedia(roots) });
    },

    adminAction: async (input: KioskInput<'adminAction'>): Promise<Result<AdminActionResult>> => {
      const who = deps.staff.authorise(input.token, 'kiosk-admin');
      if (!who.ok) return who;
      const staffNo = who.value.staffNo;
      switch (input.action) {
        case 'run-sync': {
          const run = await deps.sync.pullNow();
          deps.staff.auditAction(staffNo, 'admin-run-sync', run.ok ? run.value.outcome : run.error.code);
          return run.ok ? ok({ action: 'run-sync', run: run.value }) : run;
        }
        case 'import-usb': {
          const run = await deps.sync.importFolder(input.path);
          deps.staff.auditAction(staffNo, 'admin-import-usb', run.ok ? run.value.outcome : run.error.code);
          return run.ok ? ok({ action: 'import-usb', run: run.value }) : run;
        }
        case 'leave-kiosk':
          deps.staff.auditAction(staffNo, 'admin-leave-kiosk', 'requested');
          deps.hub.emit({ type: 'host-command', command: 'leave-kiosk' });
          return ok({ action: 'leave-kiosk', requested: true });
      }
    },
  };
}
