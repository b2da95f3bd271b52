// The admin console of a kiosk (behind a staff sign-in with the kiosk-admin right):
// what the devices and the data are doing, and the few actions an operator takes.
import { z } from 'zod';
import { StaffToken } from './staffApi';
import type { StatsView } from './staffViews';
import type { SyncRunView, SyncStatusView } from './syncApi';
import { ImportPath } from './syncApi';
import type { KioskStatus, PrintJobView } from './views';

export const ADMIN_INPUTS = {
  getAdminOverview: z.object({ token: StaffToken }).strict(),
  adminAction: z.discriminatedUnion('action', [
    z.object({ token: StaffToken, action: z.literal('run-sync') }).strict(),
    z.object({ token: StaffToken, action: z.literal('import-usb'), path: ImportPath }).strict(),
    z.object({ token: StaffToken, action: z.literal('leave-kiosk') }).strict(),
  ]),
} as const;

export interface DiagnosticEntry {
  at: string;
  source: 'reader' | 'printer' | 'service' | 'sync';
  code: string;
  message: string;
}

export interface AdminOverview {
  status: KioskStatus;
  sync: SyncStatusView | null;
  recentErrors: DiagnosticEntry[];
  recentJobs: PrintJobView[];
  /** Today's figures for this kiosk. */
  today: StatsView | null;
}

export type AdminActionResult = { action: 'run-sync' | 'import-usb'; run: SyncRunView } | { action: 'leave-kiosk'; requested: true };

export interface AdminOutputs {
  getAdminOverview: AdminOverview;
  adminAction: AdminActionResult;
}
