// The services behind KioskApi: sessions from card events, self-lookup from the
// cache under the disclosure policy, report issuance and printing. Inputs arrive
// already validated (dispatchKioskCall); answers are Results, never throws.
import { randomBytes } from 'node:crypto';
import { DEFAULT_ERROR_MESSAGES, type ErrorCode } from '../../common/contract/errorCodes';
import type { FaceMethods, KioskInput, SelfServiceMethods } from '../../common/contract/kioskApi';
import type { KioskEventListener } from '../../common/contract/events';
import type { DiagnosticEntry } from '../../common/contract/adminApi';
import { fail, ok, type Result } from '../../common/contract/result';
import type {
  CreditSummary,
  DemoCardView,
  EnterpriseChoice,
  KioskInfo,
  KioskStatus,
  PrinterStatus,
  PrintJobView,
  Provenance,
  ReaderStatus,
  RecordView,
} from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isCardExpired, type IdCard } from '../../common/domain/idCard';
import { validateCodeOf } from '../../common/codes/subjectCode';
import { codeRefused } from '../../common/contract/codeInput';
import { isPerson, type Subject } from '../../common/domain/subject';
import { countBySummaryCategory } from '../../common/domain/summaryCategory';
import { isPubliclyVisible, type DisclosurePolicy, DEFAULT_DISCLOSURE_POLICY } from '../../common/rules/disclosurePolicy';
import { maskIdNumber } from '../../common/rules/masking';
import { statusTagsOf } from '../../common/rules/statusTags';
import { toIsoDate } from '../../common/time/isoDate';
import type { CardReader } from '../../../native/reader/cardReader';
import type { LocalCreditCache, SubjectWithRecords } from '../cache/creditCache';
import type { Logger } from '../logging/logger';
import type { PrinterAdapter } from '../printing/printerAdapter';
import type { PrintQuota } from '../printing/printQuota';
import type { ReportIssuer, ReportPreviewer } from '../report/reportIssuer';
import { SessionManager, type Session } from '../session/sessionManager';
import type { CommitmentKiosk } from '../commitment/commitmentService';
import { EventHub } from './eventHub';
import type { CitizenAccess } from '../citizen/citizenAccess';
import { createFaceCheck, type FaceOutcomeRecord } from '../face/faceCheck';
import { resolveFacePolicy, type FacePolicy } from '../../common/face/facePolicy';

export interface DemoCards {
  list(): DemoCardView[];
  /** The card with this id, or null. */
  get(id: string): IdCard | null;
  place(card: IdCard): void;
  remove(): void;
  setConnected(connected: boolean): void;
  setReadFault(fault: 'unreadable' | 'none'): void;
}

/** The platform asked live (sync/onlineClient): for a cache miss or stale data. */
export interface OnlineLookup {
  lookup(code: string): Promise<Result<{ subject: Subject; records: CreditRecord[]; askedAt: string }>>;
}

/** A subject's data with where it came from. */
interface Sourced extends SubjectWithRecords {
  provenance: Provenance;
}

export interface KioskServiceDeps {
  /** Absent when no platform is configured: the cache is the only source. */
  online?: OnlineLookup | null;
  info: KioskInfo;
  cache: Pick<LocalCreditCache, 'findByCode' | 'findRepresentedBy' | 'dataInfo' | 'close'>;
  reader: CardReader;
  readerSimulated: boolean;
  printer: PrinterAdapter;
  issueReport: ReportIssuer;
  /** The model a report will be drawn from, for the preview (the same settings as issueReport). */
  previewReport: ReportPreviewer;
  quota: PrintQuota;
  demo: DemoCards | null;
  logger: Logger;
  /** Counts uses for the city's statistics (信用核查、联合奖惩功能使用次数). */
  usage?: (fn: 'self-service-query' | 'report-printed', subject: { kind: string; code: string }) => void;
  /** Shared with the other services so screens get one event stream. */
  hub?: EventHub;
  maxSessionMs: number;
  maxDataAgeHours: number;
  disclosurePolicy?: DisclosurePolicy;
  /** Where a face comparison with the card photo must pass first (none by default: the demo's). */
  facePolicy?: FacePolicy;
  /** Counts each face check's outcome for the statistics. */
  faceOutcome?: (entry: FaceOutcomeRecord) => void;
  now?: () => Date;
}

export interface KioskService extends SelfServiceMethods, CommitmentKiosk, FaceMethods {
  citizen: CitizenAccess;
  subscribe(listener: KioskEventListener, onOpen?: () => void): () => void;
  /** Recent errors and print jobs, newest first, for the admin console. */
  diagnostics(): { recentErrors: DiagnosticEntry[]; recentJobs: PrintJobView[] };
  /** A face step is open for the live session: the host may grant the camera (hosts/electron/hardening). */
  cameraAllowed(): boolean;
  close(): Promise<void>;
}

export function createKioskService(deps: KioskServiceDeps): KioskService {
  const now = deps.now ?? (() => new Date());
  const policy = deps.disclosurePolicy ?? DEFAULT_DISCLOSURE_POLICY;
  const log = deps.logger;
  const hub = deps.hub ?? new EventHub();
  const sessions = new SessionManager({
    maxSessionMs: deps.maxSessionMs,
    now,
    onEnded: (sessionId, reason) => {
      log.info({ event: 'session-ended', reason }, 'session ended');
      hub.emit({ type: 'session-ended', sessionId, reason });
    },
  });
  const face = createFaceCheck({
    policy: deps.facePolicy ?? resolveFacePolicy(undefined, 'demo'),
    session: (id) => sessions.get(id),
    ...(deps.faceOutcome && { record: deps.faceOutcome }),
    logger: log,
  });
  let reader: ReaderStatus = { state: 'disconnected', simulated: deps.readerSimulated };
  const jobs = new Map<string, PrintJobView>();
  const recentErrors: DiagnosticEntry[] = [];
  const KEEP = 20;
  function noteError(source: DiagnosticEntry['source'], code: string, message: string): void {
    recentErrors.unshift({ at: now().toISOString(), source, code, message });
    recentErrors.length = Math.min(recentErrors.length, KEEP);
  }

  const unsubscribeReader = deps.reader.on((event) => {
    switch (event.type) {
      case 'connected':
        reader = { state: 'connected', name: event.info.name, profile: event.info.profile, simulated: event.info.simulated };
        hub.emit({ type: 'reader-status', reader });
        break;
      case 'disconnected':
        reader = { ...reader, state: 'disconnected' };
        sessions.endAny('card-removed');
        hub.emit({ type: 'reader-status', reader });
        break;
      case 'error':
        reader = { ...reader, lastError: { code: event.code, message: event.message, at: now().toISOString() } };
        log.warn({ event: 'reader-error', code: event.code }, 'reader error');
        noteError('reader', event.code, event.message);
        hub.emit({ type: 'card-error', code: event.code, message: event.message });
        hub.emit({ type: 'reader-status', reader });
        break;
      case 'card-inserted': {
        const session = sessions.start(event.card);
        log.info({ event: 'card-inserted', cardType: event.card.type, holder: session.holder.idNumberMasked }, 'card placed');
        hub.emit({ type: 'card-inserted', session });
        break;
      }
      case 'card-removed':
        sessions.endAny('card-removed');
        hub.emit({ type: 'card-removed' });
        break;
    }
  });

  async function provenance(): Promise<Provenance> {
    const info = await deps.cache.dataInfo();
    const ageMs = now().getTime() - new Date(info.dataAsOf).getTime();
    return { source: 'cache', dataVersion: info.dataVersion, dataAsOf: info.dataAsOf, stale: ageMs > deps.maxDataAgeHours * 3_600_000 };
  }

  function requireSession(sessionId: string): Session | Result<never> {
    const session = sessions.get(sessionId);
    return session ?? fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
  }

  /**
   * A subject by code, offline first: the cache answers unless it misses or its data
   * is stale, in which case the platform is asked; a stale cache answer is still
   * given (with its time) when the platform cannot be reached.
   */
  async function sourced(code: string): Promise<Result<Sourced>> {
    const [found, cached] = await Promise.all([deps.cache.findByCode(code), provenance()]);
    const stale = cached.source === 'cache' && cached.stale;
    if (found && !stale) return ok({ ...found, provenance: cached });
    if (deps.online) {
      const asked = await deps.online.lookup(code);
      if (asked.ok) return ok({ subject: asked.value.subject, records: asked.value.records, provenance: { source: 'online', askedAt: asked.value.askedAt } });
      log.warn({ event: 'online-fallback-failed', code: asked.error.code }, 'online fallback failed');
      if (!found) return asked.error.code === 'SUBJECT_NOT_FOUND' ? fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND) : fail('ONLINE_UNAVAILABLE', DEFAULT_ERROR_MESSAGES.ONLINE_UNAVAILABLE);
    }
    return found ? ok({ ...found, provenance: cached }) : fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND);
  }

  /** The session holder's own subject record, memoised for the session's life. */
  async function ownSubject(session: Session): Promise<Result<Sourced>> {
    const refused = face.gate(session, 'self');
    if (refused) return refused;
    const memo = session.memo.get('subject') as Sourced | undefined;
    if (memo) return ok(memo);
    if (isCardExpired(session.card, toIsoDate(now()))) return fail('CARD_EXPIRED', DEFAULT_ERROR_MESSAGES.CARD_EXPIRED);
    const found = await sourced(session.card.idNumber);
    if (found.ok) session.memo.set('subject', found.value);
    return found;
  }

  /** An enterprise the card holder is the registered legal representative of. */
  async function representedEnterprise(session: Session, uscc: string): Promise<Result<Sourced>> {
    const refused = face.gate(session, 'enterprise');
    if (refused) return refused;
    if (isCardExpired(session.card, toIsoDate(now()))) return fail('CARD_EXPIRED', DEFAULT_ERROR_MESSAGES.CARD_EXPIRED);
    const code = validateCodeOf(uscc, ['uscc'], { today: toIsoDate(now()) });
    if (!code.valid) return codeRefused(code);
    const key = `enterprise:${code.normalized}`;
    const memo = session.memo.get(key) as Sourced | undefined;
    if (memo) return ok(memo);
    const found = await sourced(code.normalized);
    if (!found.ok) return found;
    if (isPerson(found.value.subject)) return fail('SUBJECT_NOT_FOUND', DEFAULT_ERROR_MESSAGES.SUBJECT_NOT_FOUND);
    // Representation is checked against the registration data, as is the legal representative's name.
    const represented = await deps.cache.findRepresentedBy({ idNumber: session.card.idNumber, name: session.card.name });
    const byRegistration = found.value.subject.legalRepresentative !== undefined && found.value.subject.legalRepresentative === session.card.name && found.value.provenance.source === 'online';
    if (!represented.some((s) => s.code === found.value.subject.code) && !byRegistration) return fail('NOT_THE_SUBJECT', DEFAULT_ERROR_MESSAGES.NOT_THE_SUBJECT);
    session.memo.set(key, found.value);
    return ok(found.value);
  }

  async function summaryOf({ subject, records, provenance: source }: Sourced): Promise<CreditSummary> {
    const visible = records.filter((r) => isPubliclyVisible(r, toIsoDate(now()), policy));
    const printsLeft = await deps.quota.remaining(subject.id, toIsoDate(now()));
    return {
      ...(printsLeft !== null && { printsLeftToday: printsLeft }),
      subject: { ...withoutFormerCodes(subject), code: isPerson(subject) ? maskIdNumber(subject.code) : subject.code, codeMasked: isPerson(subject) },
      counts: countBySummaryCategory(visible),
      records: visible.map(toView),
      statusTags: statusTagsOf(subject, visible),
      provenance: source,
    };
  }

  function toView(record: CreditRecord): RecordView {
    const { subjectId: _s, dataVersion: _v, ...view } = record;
    return view;
  }

  function emitJob(job: PrintJobView): void {
    jobs.delete(job.jobId);
    jobs.set(job.jobId, job);
    if (jobs.size > KEEP) jobs.delete(jobs.keys().next().value as string);
    if (job.state === 'failed') noteError('printer', 'PRINT_FAILED', job.message ?? DEFAULT_ERROR_MESSAGES.PRINT_FAILED);
    hub.emit({ type: 'print-job', job });
  }

  /** Sends a sealed document to the printer; the screen follows the job by its events, which outlive the call (and possibly the session). */
  function startPrint(jobName: string, reportNumber: string, pdf: Uint8Array, pages: number): PrintJobView {
    const job: PrintJobView = { jobId: randomBytes(8).toString('hex'), reportNumber, state: 'queued', pages, createdAt: now().toISOString() };
    emitJob(job);
    void deps.printer
      .print({ jobName, pdf }, (update) => emitJob({ ...job, state: update.state, ...(update.message !== undefined && { message: update.message }) }))
      .then((end) => {
        emitJob({ ...job, state: end.state, ...(end.message !== undefined && { message: end.message }) });
        log.info({ event: 'print-end', reportNumber, state: end.state }, 'print job ended');
      })
      .catch((err: Error) => {
        emitJob({ ...job, state: 'failed', message: DEFAULT_ERROR_MESSAGES.PRINT_FAILED });
        log.error({ event: 'print-error', reportNumber, err: err.message }, 'print job failed');
      });
    return job;
  }

  async function guard<T>(what: string, body: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await body();
    } catch (err) {
      const code: ErrorCode = (err as { code?: string }).code === 'CACHE_CORRUPT' ? 'CACHE_CORRUPT' : 'INTERNAL';
      log.error({ event: 'service-error', what, code, err: (err as Error).name }, 'service call failed');
      noteError('service', code, `${what}: ${DEFAULT_ERROR_MESSAGES[code]}`);
      return fail(code, DEFAULT_ERROR_MESSAGES[code]);
    }
  }

  const citizen: CitizenAccess = {
    alive: (sessionId) => sessions.get(sessionId) !== null,
    async subjectFor(sessionId, uscc) {
      const session = requireSession(sessionId);
      if (!('id' in session)) return session;
      // Objections and repair applications signed here: the policy's 'citizen-service' check, whatever the screen did.
      const refused = face.gate(session, 'citizen-service');
      if (refused) return refused;
      const found = uscc === undefined ? await ownSubject(session) : await representedEnterprise(session, uscc);
      if (!found.ok) return found;
      const today = toIsoDate(now());
      return ok({
        subject: found.value.subject,
        shown: found.value.records.filter((r) => isPubliclyVisible(r, today, policy)),
        provenance: found.value.provenance,
        holderName: session.card.name,
        applicant: uscc === undefined ? 'subject' : 'legal-representative',
      });
    },
    async printSealed(doc) {
      const printer = await deps.printer.status();
      if (printer.state === 'unavailable') return null;
      return startPrint(`${doc.kind}-${doc.number}`, doc.number, doc.pdf, doc.pages);
    },
  };

  const api: KioskService = {
    citizen,
    holderOf: async (sessionId, uscc) =>
      guard('holderOf', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        // Commitments signed here: the policy's 'citizen-service' check, whatever the screen did.
        const refused = face.gate(session, 'citizen-service');
        if (refused) return refused;
        const found = uscc === undefined ? await ownSubject(session) : await representedEnterprise(session, uscc);
        if (!found.ok) return found;
        return ok({ subject: found.value.subject, provenance: found.value.provenance, signerName: session.card.name, active: () => sessions.get(sessionId) !== null });
      }),

    printDocument: async (jobName, document) =>
      guard('printDocument', async () => {
        const printer: PrinterStatus = await deps.printer.status();
        if (printer.state === 'unavailable') return fail('PRINTER_UNAVAILABLE', printer.message ?? DEFAULT_ERROR_MESSAGES.PRINTER_UNAVAILABLE);
        return ok(startPrint(jobName, document.reportNumber, document.pdf, document.pages));
      }),

    subscribe: (listener, onOpen) => hub.subscribe(listener, onOpen),

    ...face.methods,
    cameraAllowed: () => face.cameraAllowed(),

    diagnostics: () => ({ recentErrors: [...recentErrors], recentJobs: [...jobs.values()].reverse() }),

    getInfo: async () => ok(deps.info),

    getStatus: async () =>
      guard('getStatus', async () => {
        const [printer, data, prov] = await Promise.all([deps.printer.status(), deps.cache.dataInfo(), provenance()]);
        const status: KioskStatus = {
          reader,
          printer,
          data: { dataVersion: data.dataVersion, dataAsOf: data.dataAsOf, subjects: data.subjects, stale: prov.source === 'cache' && prov.stale },
          session: sessions.active(),
        };
        return ok(status);
      }),

    lookupSelf: async ({ sessionId }: KioskInput<'lookupSelf'>) =>
      guard('lookupSelf', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        const own = await ownSubject(session);
        if (!own.ok) return own;
        const summary = await summaryOf(own.value);
        deps.usage?.('self-service-query', own.value.subject);
        log.info({ event: 'personal-data-shown', audience: 'subject', holder: maskIdNumber(own.value.subject.code), records: summary.records.length }, 'self lookup');
        return ok(summary);
      }),

    listMyEnterprises: async ({ sessionId }: KioskInput<'listMyEnterprises'>) =>
      guard('listMyEnterprises', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        if (isCardExpired(session.card, toIsoDate(now()))) return fail('CARD_EXPIRED', DEFAULT_ERROR_MESSAGES.CARD_EXPIRED);
        const represented = await deps.cache.findRepresentedBy({ idNumber: session.card.idNumber, name: session.card.name });
        return ok(represented.filter((s) => !isPerson(s)).map((s): EnterpriseChoice => ({ code: s.code, name: s.name })));
      }),

    lookupEnterprise: async ({ sessionId, uscc }: KioskInput<'lookupEnterprise'>) =>
      guard('lookupEnterprise', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        const found = await representedEnterprise(session, uscc);
        if (!found.ok) return found;
        const summary = await summaryOf(found.value);
        deps.usage?.('self-service-query', found.value.subject);
        log.info({ event: 'enterprise-shown', audience: 'legal-representative', uscc: found.value.subject.code, holder: maskIdNumber(session.card.idNumber) }, 'enterprise lookup');
        return ok(summary);
      }),

    previewReport: async ({ sessionId, uscc, edition }: KioskInput<'previewReport'>) =>
      guard('previewReport', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        const own = uscc === undefined ? await ownSubject(session) : await representedEnterprise(session, uscc);
        if (!own.ok) return own;
        // The same model the PDF is drawn from; the real number is drawn at printing.
        const { subject, records, provenance: source } = own.value;
        return deps.previewReport({ subject, records, provenance: source, now: now(), disclosurePolicy: policy, ...(edition && { edition }) });
      }),

    printReport: async ({ sessionId, uscc, edition }: KioskInput<'printReport'>) =>
      guard('printReport', async () => {
        const session = requireSession(sessionId);
        if (!('id' in session)) return session;
        const own = uscc === undefined ? await ownSubject(session) : await representedEnterprise(session, uscc);
        if (!own.ok) return own;
        const printer: PrinterStatus = await deps.printer.status();
        if (printer.state === 'unavailable') return fail('PRINTER_UNAVAILABLE', printer.message ?? DEFAULT_ERROR_MESSAGES.PRINTER_UNAVAILABLE);
        const { subject, records, provenance: source } = own.value;
        if (!(await deps.quota.tryConsume(subject.id, toIsoDate(now())))) return fail('QUOTA_REACHED', DEFAULT_ERROR_MESSAGES.QUOTA_REACHED);
        const issued = await deps.issueReport({ subject, records, provenance: source, now: now(), ...(edition && { edition }) });
        deps.usage?.('report-printed', subject);
        log.info({ event: 'report-issued', reportNumber: issued.reportNumber, pages: issued.pages, edition: edition ?? 'standard' }, 'report issued');
        const job = startPrint(`credit-report-${issued.reportNumber}`, issued.reportNumber, issued.pdf, issued.pages);
        return ok(job);
      }),

    endSession: async ({ sessionId, reason }: KioskInput<'endSession'>) => {
      sessions.end(sessionId, reason);
      return ok(null);
    },

    listDemoCards: async () => (deps.demo ? ok(deps.demo.list()) : fail('NOT_DEMO_MODE', DEFAULT_ERROR_MESSAGES.NOT_DEMO_MODE)),

    placeDemoCard: async ({ cardId }: KioskInput<'placeDemoCard'>) => {
      if (!deps.demo) return fail('NOT_DEMO_MODE', DEFAULT_ERROR_MESSAGES.NOT_DEMO_MODE);
      const card = deps.demo.get(cardId);
      if (!card) return fail('INVALID_INPUT', `${DEFAULT_ERROR_MESSAGES.INVALID_INPUT}: cardId`);
      deps.demo.place(card);
      return ok(null);
    },

    removeDemoCard: async () => {
      if (!deps.demo) return fail('NOT_DEMO_MODE', DEFAULT_ERROR_MESSAGES.NOT_DEMO_MODE);
      deps.demo.remove();
      return ok(null);
    },

    setDemoReadFault: async ({ fault }: KioskInput<'setDemoReadFault'>) => {
      if (!deps.demo) return fail('NOT_DEMO_MODE', DEFAULT_ERROR_MESSAGES.NOT_DEMO_MODE);
      deps.demo.setReadFault(fault);
      return ok(null);
    },

    setDemoReader: async ({ connected }: KioskInput<'setDemoReader'>) => {
      if (!deps.demo) return fail('NOT_DEMO_MODE', DEFAULT_ERROR_MESSAGES.NOT_DEMO_MODE);
      deps.demo.setConnected(connected);
      return ok(null);
    },

    close: async () => {
      sessions.endAny('shutdown');
      unsubscribeReader();
      await deps.reader.stop();
      await deps.cache.close();
    },
  };
  return api;
}

function withoutFormerCodes(subject: Subject): Omit<Subject, 'formerCodes'> {
  const { formerCodes: _f, ...rest } = subject;
  return rest;
}
