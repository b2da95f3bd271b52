// The admin console of a kiosk (behind a staff sign-in with the kiosk-admin right):
// what the devices and the data are doing, and the few actions an operator takes.
import { z } from 'zod';
import { StaffToken } from './staffApi';
import type { OutboxStatusView } from './outboxViews';
import type { StatsView } from './staffViews';
import type { SyncRunView, SyncStatusView } from './syncApi';
import { ImportPath } from './syncApi';
import type { KioskStatus, PrintJobView } from './views';

export const ADMIN_INPUTS = {
  getAdminOverview: z.object({ token: StaffToken }).strict(),
  /** The removable media under the configured import roots that hold a sync repository. */
  listImportMedia: z.object({ token: StaffToken }).strict(),
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
  /** What the platform has not yet received; `alarm` when the backlog passed its threshold. */
  outbox: OutboxStatusView | null;
}

export interface ImportMedium {
  /** The folder to import from (under one of the import roots). */
  path: string;
  /** What the operator reads: the folder below its root (e.g. 'user/U盘/credit-sync'). */
  label: string;
}

export interface ImportMediaView {
  /** The configured import roots; empty when USB import is not set up. */
  roots: string[];
  media: ImportMedium[];
}

export type AdminActionResult = { action: 'run-sync' | 'import-usb'; run: SyncRunView } | { action: 'leave-kiosk'; requested: true };

export interface AdminOutputs {
  getAdminOverview: AdminOverview;
  listImportMedia: ImportMediaView;
  adminAction: AdminActionResult;
}
