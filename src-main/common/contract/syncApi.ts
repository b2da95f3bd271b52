// The sync part of KioskApi: the status anyone may read. A pull now and an import
// from a folder (USB media) are privileged: they are adminAction's 'run-sync' and
// 'import-usb' (adminApi.ts), behind a staff token, and nowhere else. A refused
// sync is not an API failure: it answers a SyncRunView with its own stable code
// (SYNC_*) and message.
import { z } from 'zod';
import type { Freshness } from '../sync/freshness';
import type { SyncErrorCode } from '../sync/syncErrors';

/** An absolute folder path, no NUL, no parent steps: the service further limits it to the configured import roots. */
export const ImportPath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => !p.includes('\u0000') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) && !/(^|[\\/])\.\.([\\/]|$)/.test(p), 'absolute folder path');

export const SYNC_INPUTS = {
  getSyncStatus: z.object({}).strict(),
} as const;

export type SyncOutcome = 'applied' | 'up-to-date' | 'refreshed' | 'refused' | 'failed';

export interface SyncRunView {
  ok: boolean;
  outcome: SyncOutcome;
  /** Set when refused or failed. */
  code?: SyncErrorCode;
  message: string;
  /** The data version after the run (null: no data). */
  version: number | null;
  kind?: 'full' | 'delta';
  subjects?: number;
  records?: number;
  tombstones?: number;
  at: string;
  source: 'http' | 'folder';
}

export interface SyncStatusView {
  version: number | null;
  dataAsOf: string | null;
  timestampExpires: string | null;
  stale: boolean;
  staleReason: Freshness['reason'];
  ageHours: number | null;
  /** Chinese-first sentence to show next to stale data (empty when fresh). */
  notice: string;
  running: boolean;
  platformConfigured: boolean;
  lastRun: SyncRunView | null;
}

export interface SyncOutputs {
  getSyncStatus: SyncStatusView;
}
