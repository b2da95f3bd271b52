// The services behind the counter-staff part of KioskApi (信用核查), assembled from
// one file per capability: accounts (staffAccounts), checks and decisions
// (staffChecks), batch checks (staffBatch) and statistics (staffStats), over the
// context they share (staffContext). Inputs arrive validated (dispatchKioskCall);
// every answer is a Result. Each call but signIn is authorised by its token (idle
// sessions end) and by the role's grants; every check, display of personal data,
// decision and account change goes into the audit chain.
import type { Result } from '../../common/contract/result';
import { ok } from '../../common/contract/result';
import type { StaffMethods } from '../../common/contract/staffApi';
import type { StaffSessionView } from '../../common/contract/staffViews';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import type { Catalogue } from '../../common/staff/catalogue';
import type { StaffAction } from '../../common/staff/roles';
import type { RecordedUse } from '../../common/staff/statsPeriods';
import { DEFAULT_TIME_ZONE } from '../../common/time/displayTime';
import type { LocalCreditCache } from '../cache/creditCache';
import type { EventHub } from '../kiosk/eventHub';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { Logger } from '../logging/logger';
import { AuditLog, verifyAuditChain, type AuditAlg, type ChainVerification } from './auditLog';
import { CardWatch, type CardEvents } from './cardWatch';
import { counterCardApplicant, type CounterCardApplicant } from './counterCardApplicant';
import { loadCatalogue, readDemoStaff } from './catalogueFiles';
import { auditAnchorEvent } from '../outbox/auditAnchor';
import type { Outbox } from '../outbox/outbox';
import { usageDailyPayload, usageDayId } from '../outbox/usageDaily';
import { ensureReportKey } from '../report/reportKeys';
import { reportPaths } from '../report/reportIssuer';
import { moveLegacyFeedback } from './outbox';
import { usageStats } from './usageStats';
import { DEFAULT_DELIVERED_RETENTION_DAYS, purgeDeliveredOutbox } from './outboxPurge';
import { loadPinPepper } from './pinHash';
import { staffAccounts } from './staffAccounts';
import { staffBatch } from './staffBatch';
import { staffChecks, type CounterApplicant } from './staffChecks';
import { auditEntry, authorised, isSession, sessionView, type StaffContext } from './staffContext';
import { openStaffDb, staffDbFile } from './staffDb';
import { StaffSessions } from './staffSessions';
import { staffStats } from './staffStats';
import { StaffStore, type LockoutPolicy } from './staffStore';

export interface StaffServiceDeps {
  /** The local credit cache (findByCode for checks, search for names, dataInfo for provenance). */
  cache: Pick<LocalCreditCache, 'findByCode' | 'findHitsByCode' | 'search' | 'dataInfo'>;
  /** The kiosk's event hub: batch progress and staff sign-outs go to the same stream. */
  hub: EventHub;
  logger: Logger;
  /** Holds staff.sqlite (accounts, audit chain, outbox) and a synced catalogue. */
  dataDir: string;
  /** Holds the subject key and the PIN pepper. */
  keys: KeyStore;
  /** Holds staff/catalogue.json (and staff/demo-staff.json). */
  resourcesDir: string;
  kioskId: string;
  /** The counter's card reader (the one the kiosk service listens to): card sign-in and checks by card. */
  reader?: CardEvents;
  /** Seeds the demo accounts (resources/staff/demo-staff.json) into an empty account table. */
  demo?: boolean;
  /** Inactivity before a staff session ends (default 600 s). */
  idleSeconds?: number;
  /** Inactivity before an admin-console session on a public screen ends (default 120 s). */
  adminIdleSeconds?: number;
  /** The zone times are shown in on exports (default Asia/Shanghai). */
  timeZone?: string;
  lockout?: LockoutPolicy;
  /** Hash of new audit entries (default sha256; 'sm3' for 国密). */
  auditAlg?: AuditAlg;
  /** Delivered feedback rows of the old staff outbox are deleted after this many days (default 30). */
  deliveredOutboxDays?: number;
  /** The kiosk's one outbox: checks, decisions, audit anchors and daily usage go there. */
  outbox?: Pick<Outbox, 'enqueue' | 'has'>;
  /** Data older than this is marked stale in provenance (default 48 h). */
  maxDataAgeHours?: number;
  disclosurePolicy?: DisclosurePolicy;
  /** scrypt cost; tests lower it. */
  scrypt?: { N: number; r: number; p: number };
  now?: () => Date;
}

export interface StaffService extends StaffMethods {
  /** For other services (the admin console): the signed-in staff member allowed to do `action`, or the refusal. */
  authorise(token: string, action: StaffAction): Result<StaffSessionView>;
  /** Records, in the audit chain, an action another service carried out for a staff member. */
  auditAction(staffNo: string, action: string, result: string, detail?: Record<string, unknown>): void;
  /** For the commitment room: the applicant of this staff member's check, where its item allows a commitment. */
  commitmentApplicant(token: string, checkId: string): Promise<Result<CounterApplicant>>;
  /** For the repair room: the card holder on the counter's reader, for a repair application staff start for them. */
  repairApplicant(token: string): Promise<Result<CounterCardApplicant>>;
  /** Counts a self-service function use (the lead calls this from the kiosk service). */
  recordUsage(fn: RecordedUse, subject?: { kind: string; code: string }): void;
  verifyAudit(): ChainVerification;
  /** Re-reads the catalogue (after sync placed a new one); false when the new one was refused. */
  reloadCatalogue(): boolean;
  /** Enqueues the audit chain's signed head (periodically and at each sign-out); false when the head was anchored already or there is no outbox. */
  anchorAudit(): boolean;
  /** Enqueues usage-daily for each finished day of the last `days` not yet enqueued (idempotent per day); returns the days added. */
  enqueueUsageDays(days?: number): string[];
  /** Settles when a batch has finished (tests, CLI). */
  batchFinished(batchId: string): Promise<void>;
  close(): Promise<void>;
}

export async function createStaffService(deps: StaffServiceDeps): Promise<StaffService> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const pepper = loadPinPepper(deps.keys);
  const db = openStaffDb(staffDbFile(deps.dataDir), { pepper });
  const audit = new AuditLog(db, deps.auditAlg ?? 'sha256');
  const outbox = deps.outbox ?? null;
  if (outbox) moveLegacyFeedback(db, outbox, now());
  purgeDeliveredOutbox(db, 'staff_outbox', deps.deliveredOutboxDays ?? DEFAULT_DELIVERED_RETENTION_DAYS, now());
  const keyer = loadSubjectKeyer(deps.keys);
  const store = new StaffStore(db, { now, pepper, ...(deps.lockout && { lockout: deps.lockout }), ...(deps.scrypt && { scrypt: deps.scrypt }) });
  const idleSeconds = deps.idleSeconds ?? 600;
  let catalogue: Catalogue = loadCatalogue({ resourcesDir: deps.resourcesDir, dataDir: deps.dataDir }).catalogue;

  const sessions = new StaffSessions({
    idleMs: idleSeconds * 1000,
    now,
    onEnded: (s, reason) => {
      audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'sign-out', result: reason }));
      log.info({ event: 'staff-signed-out', staffNo: s.staffNo, reason }, 'staff signed out');
      deps.hub.emit({ type: 'staff-signed-out', staffNo: s.staffNo, reason });
      anchorAudit();
    },
  });
  const ctx: StaffContext = {
    cache: deps.cache,
    hub: deps.hub,
    log,
    db,
    audit,
    store,
    keyer,
    card: new CardWatch(deps.reader),
    sessions,
    kioskId: deps.kioskId,
    dataDir: deps.dataDir,
    keys: deps.keys,
    now,
    catalogue: () => catalogue,
    ...(deps.disclosurePolicy && { disclosurePolicy: deps.disclosurePolicy }),
    maxDataAgeHours: deps.maxDataAgeHours ?? 48,
    idleSeconds,
    adminIdleSeconds: deps.adminIdleSeconds ?? 120,
    timeZone: deps.timeZone ?? DEFAULT_TIME_ZONE,
  };

  if (deps.demo && store.count() === 0) {
    for (const a of readDemoStaff(deps.resourcesDir)) {
      await store.add({ staffNo: a.staffNo, name: a.name, role: a.role, pin: a.pin });
      if (a.cardIdNumber) store.linkCard(a.staffNo, keyer.cardKey(a.cardIdNumber));
    }
  }

  function anchorAudit(): boolean {
    if (!outbox) return false;
    const head = audit.current();
    if (head.seq === 0) return false;
    const { id, payload } = auditAnchorEvent(deps.kioskId, head, ensureReportKey(deps.keys, reportPaths(deps.dataDir).keyDir));
    if (outbox.has(id)) return false;
    try {
      outbox.enqueue('audit-anchor', payload, { id });
    } catch (err) {
      log.warn({ event: 'audit-anchor-failed', err }, 'audit anchor not queued');
      return false;
    }
    return true;
  }

  function enqueueUsageDays(days = 7): string[] {
    if (!outbox) return [];
    const added: string[] = [];
    // No figures for days before this kiosk's chain began (a new kiosk does not report a week of zeros).
    const first = (db.prepare('SELECT min(at) AS at FROM audit_log').get() as { at: string | null }).at?.slice(0, 10);
    // Finished days only (UTC, like the statistics): a day is sent once, complete.
    for (let back = days; back >= 1; back--) {
      const day = new Date(now().getTime() - back * 86_400_000).toISOString().slice(0, 10);
      if (first === undefined || day < first || outbox.has(usageDayId(day))) continue;
      outbox.enqueue('usage-daily', usageDailyPayload(day, usageStats(db, { from: day, to: day, granularity: 'day' })), { id: usageDayId(day), at: `${day}T23:59:59.999Z` });
      added.push(day);
    }
    return added;
  }

  const checks = staffChecks(ctx, outbox);
  const { finished, settle, ...batch } = staffBatch(ctx);

  return {
    ...staffAccounts(ctx),
    listBusinessItems: checks.listBusinessItems,
    searchSubjects: checks.searchSubjects,
    checkSubject: checks.checkSubject,
    recordDecision: checks.recordDecision,
    printCheckSlip: checks.printCheckSlip,
    commitmentApplicant: checks.commitmentApplicant,
    repairApplicant: (token) => counterCardApplicant(ctx, token),
    ...batch,
    ...staffStats(ctx),

    authorise: (token, action) => {
      const s = authorised(ctx, token, action);
      return isSession(s) ? ok(sessionView(ctx, s)) : s;
    },

    auditAction: (staffNo, action, result, detail) => {
      audit.append(auditEntry(ctx, { staffNo, action, result, ...(detail !== undefined && { detail }) }));
    },

    verifyAudit: () => verifyAuditChain(db),

    reloadCatalogue: () => {
      const loaded = loadCatalogue({ resourcesDir: deps.resourcesDir, dataDir: deps.dataDir });
      catalogue = loaded.catalogue;
      if (loaded.refused) log.warn({ event: 'catalogue-refused', why: loaded.refused }, 'synced catalogue refused');
      return loaded.refused === undefined;
    },

    anchorAudit,
    enqueueUsageDays,

    batchFinished: finished,

    close: async () => {
      await settle();
      sessions.close();
      ctx.card.close();
      checks.forget();
      db.close();
    },
  };
}
