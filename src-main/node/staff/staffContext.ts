// What every staff capability (accounts, checks, batch, statistics) shares: the
// stores, the signed-in check of each call, the audit entry, the error guard and the
// answers' small shapes. Built once by createStaffService.
import type Database from 'better-sqlite3';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../common/contract/errorCodes';
import { fail, type Result } from '../../common/contract/result';
import type { FileView, StaffSessionView } from '../../common/contract/staffViews';
import type { Provenance } from '../../common/contract/views';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import type { Catalogue } from '../../common/staff/catalogue';
import { can, type StaffAction } from '../../common/staff/roles';
import type { LocalCreditCache } from '../cache/creditCache';
import type { EventHub } from '../kiosk/eventHub';
import type { Logger } from '../logging/logger';
import type { AuditEntryInput, AuditLog } from './auditLog';
import type { CardWatch } from './cardWatch';
import type { StaffSession, StaffSessions } from './staffSessions';
import type { StaffStore } from './staffStore';
import type { KeyStore } from '../keys/keyStore';
import type { SubjectKeyer } from '../keys/subjectKeyer';

export interface StaffContext {
  cache: Pick<LocalCreditCache, 'findByCode' | 'findHitsByCode' | 'search' | 'dataInfo'>;
  hub: EventHub;
  log: Logger;
  db: Database.Database;
  audit: AuditLog;
  store: StaffStore;
  keyer: SubjectKeyer;
  card: CardWatch;
  sessions: StaffSessions;
  kioskId: string;
  /** The data folder (the check slip is sealed with the report key kept for it). */
  dataDir: string;
  /** Holds the report signing key, among others. */
  keys: KeyStore;
  now: () => Date;
  /** The catalogue in force (it changes when sync places a new one). */
  catalogue: () => Catalogue;
  disclosurePolicy?: DisclosurePolicy;
  maxDataAgeHours: number;
  /** Idle seconds of a counter session and of an admin-console session. */
  idleSeconds: number;
  adminIdleSeconds: number;
  /** The zone times are shown in on slips and exports. */
  timeZone: string;
}

export const deny = (code: ErrorCode, detail?: string): Result<never> => fail(code, detail ? `${DEFAULT_ERROR_MESSAGES[code]}: ${detail}` : DEFAULT_ERROR_MESSAGES[code]);

export function auditEntry(ctx: StaffContext, e: Omit<AuditEntryInput, 'at' | 'kioskId'>): AuditEntryInput {
  return { at: ctx.now().toISOString(), kioskId: ctx.kioskId, ...e };
}

/** The live session of `token` allowed to do `action` (its idle clock reset), or the refusal. */
export function authorised(ctx: StaffContext, token: string, action: StaffAction): StaffSession | Result<never> {
  const session = ctx.sessions.touch(token);
  if (!session) return deny('NO_SESSION', '请重新登录 / sign in again');
  if (!can(session.role, action)) return deny('UNAUTHORIZED', `角色 ${session.role} 无此权限 / role may not ${action}`);
  return session;
}

export const isSession = (s: StaffSession | Result<never>): s is StaffSession => 'token' in s;

export function sessionView(ctx: StaffContext, s: StaffSession): StaffSessionView {
  return { token: s.token, staffNo: s.staffNo, name: s.name, role: s.role, idleSeconds: Math.round(s.idleMs / 1000), kioskId: ctx.kioskId };
}

export async function provenance(ctx: StaffContext): Promise<Provenance & { source: 'cache' }> {
  const info = await ctx.cache.dataInfo();
  const age = ctx.now().getTime() - new Date(info.dataAsOf).getTime();
  return { source: 'cache', dataVersion: info.dataVersion, dataAsOf: info.dataAsOf, stale: age > ctx.maxDataAgeHours * 3_600_000 };
}

/** Runs a call; a thrown error becomes a coded refusal (logged without its message, which may hold data). */
export async function guard<T>(ctx: StaffContext, what: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await body();
  } catch (err) {
    const code: ErrorCode = (err as { code?: string }).code === 'CACHE_CORRUPT' ? 'CACHE_CORRUPT' : (err as { code?: string }).code === 'SQLITE_FULL' ? 'DISK_FULL' : 'INTERNAL';
    ctx.log.error({ event: 'staff-service-error', what, code, err: (err as Error).name }, 'staff service call failed');
    return fail(code, DEFAULT_ERROR_MESSAGES[code]);
  }
}

/** An authorised call about one business item: the session, the catalogue in force and the item; or the refusal. */
export function authorisedItem(
  ctx: StaffContext,
  token: string,
  action: StaffAction,
  itemId: string,
): { session: StaffSession; catalogue: Catalogue; item: Catalogue['items'][number] } | Result<never> {
  const session = authorised(ctx, token, action);
  if (!isSession(session)) return session;
  const catalogue = ctx.catalogue();
  const item = catalogue.items.find((i) => i.id === itemId);
  return item ? { session, catalogue, item } : deny('INVALID_INPUT', 'itemId');
}

export function fileView(fileName: string, mimeType: string, bytes: Buffer): FileView {
  return { fileName, mimeType, dataBase64: bytes.toString('base64'), bytes: bytes.length };
}
