// Counter staff roles and what each may do: the one place that decides it, so the
// service, the CLI and the screens agree (screens only hide what the service refuses).

export const STAFF_ROLES = ['staff', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_ACTIONS = [
  'check', // 信用核查 of one subject
  'decide', // record the decision of a check
  'batch', // batch check of an imported list
  'print-slip', // 核查单
  'stats-own', // own usage figures
  'stats-all', // every staff member's and kiosk's figures
  'unlock', // lift a lockout of a staff-role account
  'manage-staff', // add, change, reset PINs, deactivate
  'kiosk-admin', // the kiosk's admin console: device status, sync, USB import, leave kiosk mode
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const GRANTS: Record<StaffRole, ReadonlySet<StaffAction>> = {
  staff: new Set(['check', 'decide', 'batch', 'print-slip', 'stats-own']),
  supervisor: new Set(['check', 'decide', 'batch', 'print-slip', 'stats-own', 'stats-all', 'unlock', 'kiosk-admin']),
  admin: new Set(STAFF_ACTIONS),
};

/** Rows one batch may hold, by role: a counter clerk checks a tender's bidders, not a city. */
export const MAX_BATCH_ROWS: Record<StaffRole, number> = { staff: 5_000, supervisor: 50_000, admin: 50_000 };

export function can(role: StaffRole, action: StaffAction): boolean {
  return GRANTS[role].has(action);
}

/** Lifting a lockout: supervisors only for plain staff, admins for anyone. */
export function canUnlock(actor: StaffRole, target: StaffRole): boolean {
  if (actor === 'admin') return true;
  return actor === 'supervisor' && target === 'staff';
}
