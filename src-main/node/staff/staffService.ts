// The services behind the counter-staff part of KioskApi (信用核查). Inputs arrive
// validated (dispatchKioskCall); every answer is a Result. Each call but signIn is
// authorised by its token (idle sessions end) and by the role's grants; every check,
// display of personal data, decision and account change goes into the audit chain.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { StaffInput, StaffMethods, StaffOutputs } from '../../common/contract/staffApi';
import type { BusinessItemView, CheckResultView, DecisionKind, FileView, StaffSessionView } from '../../common/contract/staffViews';
import type { Provenance } from '../../common/contract/views';
import { validateSubjectCode } from '../../common/codes/subjectCode';
import { isCardExpired } from '../../common/domain/idCard';
import { isPerson, type Subject } from '../../common/domain/subject';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { maskIdNumber, maskPersonalText } from '../../common/rules/masking';
import { tableToBatchRows } from '../../common/staff/batchRows';
import type { Catalogue } from '../../common/staff/catalogue';
import { can, canUnlock, MAX_BATCH_ROWS, type StaffAction } from '../../common/staff/roles';
import type { StatFunction } from '../../common/staff/statsPeriods';
import { toIsoDate } from '../../common/time/isoDate';
import type { LocalCreditCache } from '../cache/creditCache';
import type { EventHub } from '../kiosk/eventHub';
import type { KeyStore } from '../keys/keyStore';
import { loadSubjectKeyer } from '../keys/subjectKeyer';
import type { Logger } from '../logging/logger';
import { AuditLog, verifyAuditChain, type AuditAlg, type AuditEntryInput, type ChainVerification } from './auditLog';
import { batchCsv, batchPdf, batchXlsx } from './batchExport';
import { BatchFileError, readBatchTable } from './batchImport';
import { BatchJobs } from './batchRunner';
import { CardWatch, type CardEvents } from './cardWatch';
import { loadCatalogue, readDemoStaff } from './catalogueFiles';
import { checkView, computeCheck } from './checkEngine';
import { renderCheckSlip } from './checkSlip';
import { FEEDBACK_KIND, StaffOutbox } from './outbox';
import { loadPinPepper } from './pinHash';
import { DEFAULT_DELIVERED_RETENTION_DAYS, purgeDeliveredOutbox } from './outboxPurge';
import { openStaffDb, staffDbFile } from './staffDb';
import { StaffSessions, type StaffSession } from './staffSessions';
import { accountView, StaffStore, StaffStoreError, type LockoutPolicy } from './staffStore';
import { statsCsv, usageStats } from './usageStats';

export interface StaffServiceDeps {
  /** The local credit cache (findByCode for checks, search for names, dataInfo for provenance). */
  cache: Pick<LocalCreditCache, 'findByCode' | 'findManyByCode' | 'search' | 'dataInfo'>;
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
  lockout?: LockoutPolicy;
  /** Hash of new audit entries (default sha256; 'sm3' for 国密). */
  auditAlg?: AuditAlg;
  /** Delivered feedback rows are deleted after this many days (default 30). */
  deliveredOutboxDays?: number;
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
  /** Counts a self-service function use (the lead calls this from the kiosk service). */
  recordUsage(fn: Extract<StatFunction, 'self-service-query' | 'report-printed'>, subject?: { kind: string; code: string }): void;
  verifyAudit(): ChainVerification;
  /** Re-reads the catalogue (after sync placed a new one); false when the new one was refused. */
  reloadCatalogue(): boolean;
  outbox: StaffOutbox;
  /** Settles when a batch has finished (tests, CLI). */
  batchFinished(batchId: string): Promise<void>;
  close(): Promise<void>;
}

interface StoredCheck {
  view: CheckResultView;
  staffNo: string;
  subject: Pick<Subject, 'id' | 'kind'>;
  subjectKey: string;
  hitRecordIds: string[];
  dataVersion?: number;
  decision?: { decision: DecisionKind; note?: string; recordedAt: string };
}

const KEEP_CHECKS = 500;
const deny = (code: ErrorCode, detail?: string): Result<never> => fail(code, detail ? `${DEFAULT_ERROR_MESSAGES[code]}: ${detail}` : DEFAULT_ERROR_MESSAGES[code]);

export async function createStaffService(deps: StaffServiceDeps): Promise<StaffService> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const pepper = loadPinPepper(deps.keys);
  const db: Database.Database = openStaffDb(staffDbFile(deps.dataDir), { pepper });
  const audit = new AuditLog(db, deps.auditAlg ?? 'sha256');
  const outbox = new StaffOutbox(db);
  purgeDeliveredOutbox(db, 'staff_outbox', deps.deliveredOutboxDays ?? DEFAULT_DELIVERED_RETENTION_DAYS, now());
  const keyer = loadSubjectKeyer(deps.keys);
  const store = new StaffStore(db, { now, pepper, ...(deps.lockout && { lockout: deps.lockout }), ...(deps.scrypt && { scrypt: deps.scrypt }) });
  const card = new CardWatch(deps.reader);
  const idleSeconds = deps.idleSeconds ?? 600;
  let catalogue: Catalogue = loadCatalogue({ resourcesDir: deps.resourcesDir, dataDir: deps.dataDir }).catalogue;
  const checks = new Map<string, StoredCheck>();
  const batchDone = new Map<string, Promise<void>>();

  const entry = (e: Omit<AuditEntryInput, 'at' | 'kioskId'>): AuditEntryInput => ({ at: now().toISOString(), kioskId: deps.kioskId, ...e });
  const sessions = new StaffSessions({
    idleMs: idleSeconds * 1000,
    now,
    onEnded: (s, reason) => {
      audit.append(entry({ staffNo: s.staffNo, action: 'sign-out', result: reason }));
      log.info({ event: 'staff-signed-out', staffNo: s.staffNo, reason }, 'staff signed out');
      deps.hub.emit({ type: 'staff-signed-out', staffNo: s.staffNo, reason });
    },
  });

  if (deps.demo && store.count() === 0) {
    for (const a of readDemoStaff(deps.resourcesDir)) {
      await store.add({ staffNo: a.staffNo, name: a.name, role: a.role, pin: a.pin });
      if (a.cardIdNumber) store.linkCard(a.staffNo, keyer.cardKey(a.cardIdNumber));
    }
  }

  const batches = new BatchJobs({
    cache: deps.cache,
    keyer,
    appendAudit: (entries) => void (entries.length > 0 && audit.appendMany(entries)),
    progress: (s) => {
      const bad = s.counts['invalid-code'] + s.counts['missing-code'] + s.counts['not-found'];
      deps.hub.emit({ type: 'batch-progress', batchId: s.batchId, done: s.done, total: s.total, hits: s.counts.hit, bad });
      if (s.state !== 'running') deps.hub.emit({ type: 'batch-done', batchId: s.batchId, state: s.state });
    },
    now,
    today: () => toIsoDate(now()),
    kioskId: deps.kioskId,
    ...(deps.disclosurePolicy && { policy: deps.disclosurePolicy }),
  });

  function authorise(token: string, action: StaffAction): StaffSession | Result<never> {
    const session = sessions.touch(token);
    if (!session) return deny('NO_SESSION', '请重新登录 / sign in again');
    if (!can(session.role, action)) return deny('UNAUTHORIZED', `角色 ${session.role} 无此权限 / role may not ${action}`);
    return session;
  }
  const isSession = (s: StaffSession | Result<never>): s is StaffSession => 'token' in s;

  function sessionView(s: StaffSession): StaffSessionView {
    return { token: s.token, staffNo: s.staffNo, name: s.name, role: s.role, idleSeconds, kioskId: deps.kioskId };
  }

  async function provenance(): Promise<Provenance & { source: 'cache' }> {
    const info = await deps.cache.dataInfo();
    const age = now().getTime() - new Date(info.dataAsOf).getTime();
    return { source: 'cache', dataVersion: info.dataVersion, dataAsOf: info.dataAsOf, stale: age > (deps.maxDataAgeHours ?? 48) * 3_600_000 };
  }

  async function guard<T>(what: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await body();
    } catch (err) {
      const code: ErrorCode = (err as { code?: string }).code === 'CACHE_CORRUPT' ? 'CACHE_CORRUPT' : (err as { code?: string }).code === 'SQLITE_FULL' ? 'DISK_FULL' : 'INTERNAL';
      log.error({ event: 'staff-service-error', what, code, err: (err as Error).name }, 'staff service call failed');
      return fail(code, DEFAULT_ERROR_MESSAGES[code]);
    }
  }

  function file(fileName: string, mimeType: string, bytes: Buffer): FileView {
    return { fileName, mimeType, dataBase64: bytes.toString('base64'), bytes: bytes.length };
  }

  function remember(checkId: string, stored: StoredCheck): void {
    checks.set(checkId, stored);
    if (checks.size > KEEP_CHECKS) checks.delete(checks.keys().next().value as string);
  }

  const api: StaffService = {
    signIn: (input: StaffInput<'signIn'>) =>
      guard<StaffOutputs['signIn']>('signIn', async () => {
        if (input.by === 'pin') {
          const checked = await store.checkPin(input.staffNo, input.pin);
          audit.append(entry({ staffNo: input.staffNo, action: 'sign-in', result: checked.ok ? 'ok' : checked.reason, detail: { by: 'pin' } }));
          if (!checked.ok) {
            log.warn({ event: 'staff-sign-in-refused', staffNo: input.staffNo, reason: checked.reason }, 'staff sign-in refused');
            if (checked.reason === 'bad-credentials') return ok({ signedIn: false, reason: 'bad-credentials', attemptsLeft: checked.attemptsLeft });
            if (checked.reason === 'locked') return ok({ signedIn: false, reason: 'locked', lockedUntil: checked.lockedUntil });
            return ok({ signedIn: false, reason: 'inactive' });
          }
          const s = sessions.start(checked.account);
          return ok({ signedIn: true, session: sessionView(s) });
        }
        const held = card.current();
        if (!held) return ok({ signedIn: false, reason: 'no-card' });
        const account = store.findByCard(keyer.cardKey(held.idNumber));
        const state = account ? store.usable(account) : null;
        audit.append(entry({ staffNo: account?.staffNo ?? '', action: 'sign-in', result: !state ? 'unknown-card' : state.ok ? 'ok' : state.reason, detail: { by: 'card' } }));
        if (!account || !state) return ok({ signedIn: false, reason: 'unknown-card' });
        if (!state.ok) return ok(state.reason === 'locked' ? { signedIn: false, reason: 'locked', lockedUntil: state.lockedUntil } : { signedIn: false, reason: 'inactive' });
        return ok({ signedIn: true, session: sessionView(sessions.start(account)) });
      }),

    signOut: async ({ token }) => {
      sessions.end(token, 'user');
      return ok(null);
    },

    staffSession: async ({ token }) => {
      const s = sessions.touch(token);
      return s ? ok(sessionView(s)) : deny('NO_SESSION');
    },

    listBusinessItems: async ({ token }) => {
      const s = authorise(token, 'check');
      if (!isSession(s)) return s;
      return ok(
        catalogue.items.map(
          (i): BusinessItemView => ({
            id: i.id,
            name: i.name,
            category: i.category,
            ...(i.department !== undefined && { department: i.department }),
            measureCount: i.measures.length,
            incentiveCount: i.incentives.length,
          }),
        ),
      );
    },

    searchSubjects: ({ token, text, page }) =>
      guard<StaffOutputs['searchSubjects']>('searchSubjects', async () => {
        const s = authorise(token, 'check');
        if (!isSession(s)) return s;
        const found = await deps.cache.search(text, { page: page ?? 1, pageSize: 20 });
        return ok({
          query: found.query,
          page: found.page,
          pageSize: found.pageSize,
          total: found.total,
          totalIsCapped: found.totalIsCapped,
          // The cache never returns persons by name; masking stays as a second line of defence.
          candidates: found.hits.map((h) => ({ code: h.kind === 'natural-person' ? maskIdNumber(h.code) : h.code, name: h.name, kind: h.kind, match: h.match })),
        });
      }),

    checkSubject: (input: StaffInput<'checkSubject'>) =>
      guard<StaffOutputs['checkSubject']>('checkSubject', async () => {
        const s = authorise(input.token, 'check');
        if (!isSession(s)) return s;
        const item = catalogue.items.find((i) => i.id === input.itemId);
        if (!item) return deny('INVALID_INPUT', 'itemId');
        let code: string;
        if (input.by === 'card') {
          const held = card.current();
          if (!held) return deny('NO_SESSION', '请在读卡器上放置身份证 / place the ID card on the reader');
          if (isCardExpired(held, toIsoDate(now()))) return deny('CARD_EXPIRED');
          code = held.idNumber;
        } else {
          const v = validateSubjectCode(input.code, { today: toIsoDate(now()) });
          if (!v.valid) return fail('INVALID_CODE', `${DEFAULT_ERROR_MESSAGES.INVALID_CODE}: ${v.reason}`);
          code = v.normalized;
        }
        const found = await deps.cache.findByCode(code);
        if (!found) {
          audit.append(entry({ staffNo: s.staffNo, action: 'check', itemId: item.id, result: 'not-found', detail: { by: input.by } }));
          return deny('SUBJECT_NOT_FOUND');
        }
        const prov = await provenance();
        const computed = computeCheck(found.subject, found.records, item, catalogue, toIsoDate(now()), deps.disclosurePolicy);
        const checkId = randomBytes(12).toString('base64url');
        const view = checkView({ checkId, checkedAt: now().toISOString(), provenance: prov, catalogueVersion: catalogue.version }, found.subject, item, computed);
        const subjectKey = keyer.subjectKey(found.subject);
        audit.append(
          entry({
            staffNo: s.staffNo,
            action: 'check',
            itemId: item.id,
            subjectKey,
            result: view.verdict,
            detail: { checkId, by: input.by, hits: [...new Set(view.hits.map((h) => h.kind))], personalData: isPerson(found.subject), dataVersion: prov.dataVersion },
          }),
        );
        log.info({ event: 'staff-check', staffNo: s.staffNo, item: item.id, verdict: view.verdict, subject: isPerson(found.subject) ? maskIdNumber(found.subject.code) : found.subject.code }, 'counter check');
        remember(checkId, {
          view,
          staffNo: s.staffNo,
          subject: { id: found.subject.id, kind: found.subject.kind },
          subjectKey,
          hitRecordIds: computed.hits.map((h) => h.record.id),
          dataVersion: prov.dataVersion,
        });
        return ok(view);
      }),

    recordDecision: (input) =>
      guard<StaffOutputs['recordDecision']>('recordDecision', async () => {
        const s = authorise(input.token, 'decide');
        if (!isSession(s)) return s;
        const check = checks.get(input.checkId);
        if (!check || check.staffNo !== s.staffNo) return deny('INVALID_INPUT', 'checkId');
        if (check.decision) return deny('INVALID_INPUT', '该核查已记录处理决定 / a decision is already recorded');
        const measureIds = input.measureIds ?? [];
        const incentiveIds = input.incentiveIds ?? [];
        const allowedM = new Set(check.view.measures.map((m) => m.id));
        const allowedI = new Set(check.view.incentives.map((i) => i.id));
        if (input.decision === 'measure-applied' && (measureIds.length === 0 || measureIds.some((id) => !allowedM.has(id)) || incentiveIds.length > 0)) return deny('INVALID_INPUT', 'measureIds');
        if (input.decision === 'incentive-granted' && (incentiveIds.length === 0 || incentiveIds.some((id) => !allowedI.has(id)) || measureIds.length > 0)) return deny('INVALID_INPUT', 'incentiveIds');
        if (input.decision === 'none' && (measureIds.length > 0 || incentiveIds.length > 0)) return deny('INVALID_INPUT', 'decision');
        const recordedAt = now().toISOString();
        const decisionId = randomUUID();
        const eventId = randomUUID();
        // Free text: an ID number or phone typed into it is masked before it is queued or hashed into the audit.
        const note = maskPersonalText(input.note?.trim() ?? '');
        const payload = {
          eventId,
          type: FEEDBACK_KIND,
          kioskId: deps.kioskId,
          staffNo: s.staffNo,
          recordedAt,
          checkId: input.checkId,
          checkedAt: check.view.checkedAt,
          item: check.view.item,
          catalogueVersion: check.view.catalogueVersion,
          // The platform knows subjects by their id; a person's number stays out of the outbox.
          subject: { id: check.subject.id, kind: check.subject.kind, ...(check.subject.kind !== 'natural-person' && { code: check.view.subject.code }) },
          verdict: check.view.verdict,
          hitRecordIds: check.hitRecordIds,
          decision: input.decision,
          measures: check.view.measures.filter((m) => measureIds.includes(m.id)).map((m) => ({ id: m.id, name: m.name })),
          incentives: check.view.incentives.filter((i) => incentiveIds.includes(i.id)).map((i) => ({ id: i.id, name: i.name })),
          note,
          dataVersion: check.dataVersion,
        };
        const stored = db.transaction(() => {
          const e = audit.append(
            entry({
              staffNo: s.staffNo,
              action: 'decision',
              itemId: check.view.item.id,
              subjectKey: check.subjectKey,
              result: input.decision,
              // The note is free text: the chain keeps its hash, the feedback carries it.
              detail: { checkId: input.checkId, decisionId, feedbackEventId: eventId, measureIds, incentiveIds, noteSha256: createHash('sha256').update(note).digest('hex') },
            }),
          );
          outbox.enqueue({ eventId, kind: FEEDBACK_KIND, createdAt: recordedAt, payload });
          return e;
        })();
        check.decision = { decision: input.decision, ...(note !== '' && { note }), recordedAt };
        return ok({ decisionId, checkId: input.checkId, decision: input.decision, recordedAt, auditSeq: stored.seq, feedbackEventId: eventId });
      }),

    printCheckSlip: ({ token, checkId }) =>
      guard<StaffOutputs['printCheckSlip']>('printCheckSlip', async () => {
        const s = authorise(token, 'print-slip');
        if (!isSession(s)) return s;
        const check = checks.get(checkId);
        if (!check || check.staffNo !== s.staffNo) return deny('INVALID_INPUT', 'checkId');
        const { pdf } = await renderCheckSlip({
          check: check.view,
          staff: { staffNo: s.staffNo, name: s.name },
          kioskId: deps.kioskId,
          ...(check.decision && { decision: check.decision }),
          printedAt: now().toISOString(),
          dataDir: deps.dataDir,
          keys: deps.keys,
        });
        audit.append(entry({ staffNo: s.staffNo, action: 'display', itemId: check.view.item.id, subjectKey: check.subjectKey, result: 'check-slip', detail: { checkId } }));
        return ok(file(`核查单-${checkId}.pdf`, 'application/pdf', pdf));
      }),

    startBatchCheck: (input) =>
      guard<StaffOutputs['startBatchCheck']>('startBatchCheck', async () => {
        const s = authorise(input.token, 'batch');
        if (!isSession(s)) return s;
        const item = catalogue.items.find((i) => i.id === input.itemId);
        if (!item) return deny('INVALID_INPUT', 'itemId');
        let table: string[][];
        try {
          table = await readBatchTable(Buffer.from(input.dataBase64, 'base64'), input.format);
        } catch (err) {
          if (err instanceof BatchFileError) return deny('INVALID_INPUT', err.message);
          throw err;
        }
        const { rows } = tableToBatchRows(table);
        if (rows.length === 0) return deny('INVALID_INPUT', '文件中没有数据行 / no rows in the file');
        const max = MAX_BATCH_ROWS[s.role];
        if (rows.length > max) return deny('INVALID_INPUT', `超过 ${max} 行 / more than ${max} rows for role ${s.role}`);
        const info = await deps.cache.dataInfo();
        const { batch, finished } = batches.start({ rows, item, catalogue, fileName: input.fileName, staffNo: s.staffNo, dataAsOf: info.dataAsOf });
        batchDone.set(batch.summary.batchId, finished);
        log.info({ event: 'batch-started', staffNo: s.staffNo, item: item.id, rows: rows.length }, 'batch check started');
        return ok({ ...batch.summary, counts: { ...batch.summary.counts } });
      }),

    getBatchResult: async (input) => {
      const s = authorise(input.token, 'batch');
      if (!isSession(s)) return s;
      const batch = batches.get(input.batchId);
      if (!batch || (batch.staffNo !== s.staffNo && !can(s.role, 'stats-all'))) return deny('INVALID_INPUT', 'batchId');
      return ok(batches.page(batch, input));
    },

    exportBatch: (input) =>
      guard<StaffOutputs['exportBatch']>('exportBatch', async () => {
        const s = authorise(input.token, 'batch');
        if (!isSession(s)) return s;
        const batch = batches.get(input.batchId);
        if (!batch || (batch.staffNo !== s.staffNo && !can(s.role, 'stats-all'))) return deny('INVALID_INPUT', 'batchId');
        if (batch.summary.state === 'running') return deny('INVALID_INPUT', '批量核查尚未完成 / the batch is still running');
        const at = now().toISOString();
        const base = `批量核查-${batch.summary.batchId}`;
        let out: FileView;
        if (input.format === 'xlsx') out = file(`${base}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await batchXlsx(batch, at));
        else if (input.format === 'pdf') out = file(`${base}.pdf`, 'application/pdf', (await batchPdf(batch, at)).pdf);
        else out = file(`${base}.csv`, 'text/csv', Buffer.from(batchCsv(batch), 'utf8'));
        audit.append(entry({ staffNo: s.staffNo, action: 'display', itemId: batch.item.id, result: `batch-export-${input.format}`, detail: { batchId: batch.summary.batchId, rows: batch.rows.length } }));
        return ok(out);
      }),

    getStats: async (input) => {
      const s = authorise(input.token, 'stats-own');
      if (!isSession(s)) return s;
      if (input.from > input.to) return deny('INVALID_INPUT', 'from/to');
      const all = can(s.role, 'stats-all');
      if (!all && input.staffNo !== undefined && input.staffNo !== s.staffNo) return deny('UNAUTHORIZED');
      const staffNo = all ? input.staffNo : s.staffNo;
      return ok(usageStats(db, { from: input.from, to: input.to, granularity: input.granularity, ...(staffNo !== undefined && { staffNo }) }));
    },

    exportStats: async (input) => {
      const s = authorise(input.token, 'stats-own');
      if (!isSession(s)) return s;
      if (input.from > input.to) return deny('INVALID_INPUT', 'from/to');
      const view = usageStats(db, { from: input.from, to: input.to, granularity: input.granularity, ...(!can(s.role, 'stats-all') && { staffNo: s.staffNo }) });
      return ok(file(`使用统计-${input.from}-${input.to}.csv`, 'text/csv', Buffer.from(statsCsv(view), 'utf8')));
    },

    manageStaff: (input: StaffInput<'manageStaff'>) =>
      guard<StaffOutputs['manageStaff']>('manageStaff', async () => {
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
            audit.append(entry({ staffNo: s.staffNo, action: 'staff-managed', result: 'refused', detail: { action: input.action } }));
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
        audit.append(entry({ staffNo: s.staffNo, action: 'staff-managed', result: input.action, detail: { target: input.staffNo } }));
        return list();
      }),

    authorise: (token, action) => {
      const s = authorise(token, action);
      return isSession(s) ? ok(sessionView(s)) : s;
    },

    auditAction: (staffNo, action, result, detail) => {
      audit.append(entry({ staffNo, action, result, ...(detail !== undefined && { detail }) }));
    },

    recordUsage: (fn, subject) => {
      audit.append(entry({ staffNo: '', action: fn, subjectKey: subject ? keyer.subjectKey(subject) : '', result: 'ok' }));
    },

    verifyAudit: () => verifyAuditChain(db),

    reloadCatalogue: () => {
      const loaded = loadCatalogue({ resourcesDir: deps.resourcesDir, dataDir: deps.dataDir });
      catalogue = loaded.catalogue;
      if (loaded.refused) log.warn({ event: 'catalogue-refused', why: loaded.refused }, 'synced catalogue refused');
      return loaded.refused === undefined;
    },

    outbox,

    batchFinished: (batchId) => batchDone.get(batchId) ?? Promise.resolve(),

    close: async () => {
      await Promise.allSettled([...batchDone.values()]);
      sessions.close();
      card.close();
      checks.clear();
      db.close();
    },
  };
  return api;
}
