// 信用修复申请 at the kiosk: from a penalty on the summary the holder sees (their own, or
// their enterprise's as its legal representative). repairCheck answers by the rules kept
// as data (令第36号 periods, unrepairable lists) and gives this case's checklist; one
// repairSubmit call files it: the standard 信用修复承诺书 filled in for this penalty is
// signed, sealed and registered by the one commitment issuer (which checks the session
// again once it is drawn), then the application, its pages sealed at rest and its event
// are recorded in one transaction — a card lifted mid-flow leaves nothing half-queued.
// The pages leave for the platform through the one platform client and are deleted here.
import { createHash, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { findKind } from '../../common/commitment/commitmentCatalogue';
import type { KioskInput, RepairMethods } from '../../common/contract/kioskApi';
import type { RepairApplicationView, RepairCheckView, RepairReceiptView, RepairState } from '../../common/contract/repairApi';
import type { Provenance } from '../../common/contract/views';
import type { ChosenFields } from '../../common/commitment/commitmentCatalogue';
import type { CommitmentSignature } from '../../common/commitment/commitmentLetter';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isPerson, type Subject } from '../../common/domain/subject';
import { PAYLOADS } from '../../common/platform/platformEvents';
import { photoMaterials, repairChecklist, type RepairConfig } from '../../common/repair/repairMaterials';
import { civilTime, makeReportNumber } from '../../common/report/reportNumber';
import { CATEGORY_LABELS } from '../../common/report/reportTexts';
import { penaltyPeriods } from '../../common/rules/disclosurePeriods';
import { maskIdNumber, maskPhone } from '../../common/rules/masking';
import { repairEligibility, type RepairRules } from '../../common/rules/repairEligibility';
import type { CitizenAccess } from '../citizen/citizenAccess';
import { sealPhone } from '../citizen/phoneSeal';
import { issueCommitment, type CommitmentIssuerOptions, type IssuedCommitment } from '../commitment/issueCommitment';
import type { SubjectKeyer } from '../keys/subjectKeyer';
import type { Logger } from '../logging/logger';
import { recordView } from '../staff/checkEngine';
import type { CounterCardApplicant } from '../staff/counterCardApplicant';
import { fileView } from '../staff/staffContext';
import { eventSubject } from '../outbox/eventSubject';
import type { PageRound } from './pageSender';
import type { RepairPage, RepairStore } from './repairStore';

const LETTER_KIND = 'credit-repair';
const SEVERITY_ZH = { minor: '轻微', ordinary: '一般', serious: '严重' } as const;

export interface RepairServiceDeps {
  access: CitizenAccess;
  config: RepairConfig;
  /** The one commitment issuer (catalogue, report key, registry, outbox): it signs and seals the letter. */
  letters: CommitmentIssuerOptions;
  store: RepairStore;
  keyer: Pick<SubjectKeyer, 'reportSubject'>;
  /** The kiosk's one outbox: durable at return; deliver() tries to send what waits now. */
  outbox: { enqueue(type: 'repair-application', payload: Record<string, unknown>): string; deliver?(): Promise<{ error?: string }> };
  /** The platform's X25519 key the phone is sealed to; null: applications cannot be filed (not configured). */
  phoneKey: KeyObject | null;
  /** One round of sending waiting pages (pageSender.ts). */
  sendPages(): Promise<PageRound>;
  /** The audit chain (action 'repair-application-submitted'). */
  audit(action: string, detail: Record<string, unknown>): void;
  /** The staff number of the signed-in staff session this token holds, or null. */
  staffOf(token: string): Promise<string | null>;
  /** The counter: the card holder on its reader, for an application a staff member starts for them. */
  counter: { repairApplicant(token: string): Promise<Result<CounterCardApplicant>> };
  logger: Logger;
  now?: () => Date;
}

export interface RepairRoom extends RepairMethods {
  /** True only while a session's document-camera step is open (the host's permission handler asks). */
  cameraAllowed(): boolean;
  /** A staff member signed out (by hand, idle, deactivated): the counter camera they held closes. */
  staffSignedOut(staffNo: string): void;
}

export function createRepairService(deps: RepairServiceDeps): RepairRoom {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const rules: RepairRules = { periods: penaltyPeriods(deps.config.periods), unrepairable: deps.config.unrepairable };
  const letter = findKind(deps.letters.catalogue, LETTER_KIND);
  if (!letter) throw new Error(`承诺书目录缺少信用修复型 / the commitment catalogue has no ${LETTER_KIND} kind`);
  const subjectKey = (subject: Subject): string => deps.keyer.reportSubject(subject.code);
  let cameraSession: string | null = null;
  /** Who holds the counter's camera step, so their sign-out ends it. */
  let cameraStaffNo: string | null = null;
  // The counter's camera step is held under its staff token, apart from kiosk session ids.
  const counterCamera = (token: string): string => `counter:${createHash('sha256').update(token).digest('hex')}`;

  const guard = async <T>(what: string, body: () => Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await body();
    } catch (err) {
      log.error({ event: 'service-error', what, err: (err as Error).name }, 'repair call failed');
      return fail('INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
    }
  };

  function check(subject: Subject, shown: readonly CreditRecord[], recordId: string): { view: RepairCheckView; record?: CreditRecord } {
    const record = shown.find((r) => r.id === recordId);
    if (!record) return { view: { allowed: false, reason: 'not-shown' } };
    if (deps.store.openFor(subjectKey(subject), recordId)) return { view: { allowed: false, reason: 'pending' } };
    const eligibility = repairEligibility(record, civilTime(now()).date, rules);
    if (eligibility.kind !== 'eligible') return { view: { allowed: false, reason: 'rules', eligibility } };
    const checklist = repairChecklist(deps.config.materials, eligibility.severity, isPerson(subject) ? 'person' : 'enterprise');
    return { view: { allowed: true, severity: eligibility.severity, checklist, letter: letter!, answerWorkingDays: deps.config.answerWorkingDays }, record };
  }

  /** The pages as given: each of this case's materials photographed, each a JPEG within the configured size. */
  function pagesOf(view: Extract<RepairCheckView, { allowed: true }>, photos: ReadonlyArray<{ material: string; jpeg: string }>): Result<RepairPage[]> {
    const wanted = photoMaterials(view.checklist);
    const pages: RepairPage[] = [];
    for (const p of photos) {
      if (!wanted.some((m) => m.code === p.material)) return fail('INVALID_INPUT', `本申请不需要此材料 / not a material of this application: ${p.material}`);
      const jpeg = Buffer.from(p.jpeg, 'base64');
      if (jpeg.length === 0 || jpeg.length > deps.config.maxPhotoBytes || jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return fail('INVALID_INPUT', `材料照片无效或过大 / a page is not a JPEG or too large: ${p.material}`);
      pages.push({ material: p.material, jpeg, sha256: createHash('sha256').update(jpeg).digest('hex') });
    }
    const missing = wanted.filter((m) => !pages.some((p) => p.material === m.code));
    if (missing.length > 0) return fail('INVALID_INPUT', `缺少材料：${missing.map((m) => m.name['zh-CN']).join('、')} / missing: ${missing.map((m) => m.name.en).join(', ')}`);
    return ok(pages);
  }

  function stateOf(row: { applicationNumber: string; pagesWaiting: number; closedAt: string | null }, record: CreditRecord | undefined): RepairState {
    if (row.closedAt !== null) return 'done';
    // The penalty no longer shows (repaired, archived): the platform has answered.
    if (record === undefined || record.status === 'repaired') {
      deps.store.close(row.applicationNumber, now().toISOString());
      return 'done';
    }
    return row.pagesWaiting > 0 ? 'sending' : 'submitted';
  }

  function applicationsOf(subject: Subject, shown: readonly CreditRecord[]): RepairApplicationView[] {
    const byId = new Map(shown.map((r) => [r.id, r]));
    return deps.store.forSubject(subjectKey(subject)).map((row): RepairApplicationView => {
      const record = byId.get(row.recordId);
      return { applicationNumber: row.applicationNumber, recordTitle: record?.title ?? '', submittedAt: row.submittedAt, state: stateOf(row, record), pagesWaiting: row.pagesWaiting };
    });
  }

  /** Sent now if the platform answers; otherwise everything waits sealed and goes on the next round. */
  async function deliver(): Promise<boolean> {
    const round = await deps.sendPages();
    const events = round.left === 0 && !round.error && deps.outbox.deliver ? await deps.outbox.deliver() : { error: 'pages waiting' };
    return round.left === 0 && !round.error && !events.error;
  }

  /**
   * Files one application for a subject (at the kiosk or at the counter): the letter signed,
   * sealed and registered by the one commitment issuer (which asks stillWanted once it is
   * drawn), then the application, its pages and its event recorded in one transaction.
   */
  async function file(
    who: { subject: Subject; shown: readonly CreditRecord[]; provenance: Provenance; holderName: string; applicant: 'subject' | 'legal-representative' },
    request: { recordId: string; fields: ChosenFields; phone: string; photos: ReadonlyArray<{ material: string; jpeg: string }>; signature: CommitmentSignature; channel: 'kiosk' | 'counter'; staffId?: string; stillWanted: () => boolean },
  ): Promise<Result<{ submitted: true; receipt: Omit<RepairReceiptView, 'delivered' | 'printJobId'>; issued: IssuedCommitment } | { submitted: false; check: Exclude<RepairCheckView, { allowed: true }> }>> {
    const { subject, shown, provenance, holderName, applicant } = who;
    const { recordId, fields, phone, photos } = request;
    const { view, record } = check(subject, shown, recordId);
    if (!view.allowed || !record) return ok({ submitted: false as const, check: view.allowed ? { allowed: false as const, reason: 'not-shown' as const } : view });
    const pages = pagesOf(view, photos);
    if (!pages.ok) return pages;
    const at = now();
    const applicationNumber = makeReportNumber(at, (n) => randomBytes(n));
    const answer = `市公共信用信息平台将在 ${deps.config.answerWorkingDays} 个工作日内审核，结果通过您留下的联系电话告知；修复后该处罚信息不再公示。可再次放置身份证查看办理状态。`;
    // The letter is this application's printed receipt: sealed, verifiable, naming the application and the penalty.
    const issued = await issueCommitment(deps.letters, {
      kindId: LETTER_KIND,
      fields,
      subject,
      signerName: holderName,
      signature: request.signature,
      channel: request.channel,
      provenance,
      ...(request.staffId !== undefined && { staffId: request.staffId }),
      stillWanted: request.stillWanted,
      about: {
        title: '信用修复申请',
        fields: [
          { label: '申请编号', value: applicationNumber },
          { label: '信息类别', value: CATEGORY_LABELS[record.category] },
          { label: '处罚事项', value: record.title },
          { label: '处罚决定书文号', value: record.documentNumber ?? '—' },
          { label: '处罚机关', value: record.authority ?? '—' },
          { label: '决定日期', value: record.decisionDate ?? '—' },
          { label: '失信程度', value: `${SEVERITY_ZH[view.severity]}失信` },
          { label: '已提交材料', value: view.checklist.map((m) => m.name['zh-CN']).join('；') },
          { label: '后续办理', value: answer },
        ],
      },
    });
    if (!issued.ok) return issued;
    // No await between the letter's session check and here: the application and its event are queued together.
    const payload = PAYLOADS['repair-application'].parse({
      applicationNumber,
      subject: eventSubject(deps.keyer, subject),
      subjectId: subject.id,
      recordId,
      severity: view.severity,
      applicant,
      commitmentNumber: issued.value.commitmentNumber,
      materialsVersion: deps.config.version,
      attachments: pages.value.map((p) => ({ material: p.material, sha256: p.sha256, bytes: p.jpeg.length, type: 'image/jpeg' })),
      phone: sealPhone(phone, deps.phoneKey!, applicationNumber),
      answerWorkingDays: deps.config.answerWorkingDays,
      submittedAt: at.toISOString(),
      ...(request.staffId !== undefined && { staffId: request.staffId }),
    });
    const eventId = deps.store.record(
      { applicationNumber, subjectKey: subjectKey(subject), recordId, commitmentNumber: issued.value.commitmentNumber, submittedAt: at.toISOString() },
      pages.value,
      () => deps.outbox.enqueue('repair-application', payload),
    );
    deps.audit('repair-application-submitted', { applicationNumber, eventId, severity: view.severity, applicant, pages: pages.value.length, channel: request.channel, ...(request.staffId !== undefined && { staffNo: request.staffId }) });
    log.info({ event: 'repair-application-filed', applicationNumber, eventId, severity: view.severity, pages: pages.value.length, channel: request.channel }, 'repair application filed');
    return ok({
      submitted: true as const,
      issued: issued.value,
      receipt: {
        applicationNumber,
        commitmentNumber: issued.value.commitmentNumber,
        recordTitle: record.title,
        phoneMasked: maskPhone(phone),
        submittedAt: at.toISOString(),
        answerWorkingDays: deps.config.answerWorkingDays,
        materials: view.checklist.length,
      },
    });
  }

  return {
    cameraAllowed: () => cameraSession !== null && (cameraSession.startsWith('counter:') || deps.access.alive(cameraSession)),

    staffSignedOut: (staffNo: string) => {
      if (cameraSession?.startsWith('counter:') && cameraStaffNo === staffNo) {
        cameraSession = null;
        cameraStaffNo = null;
      }
    },

    repairCameraStep: async ({ sessionId, open }: KioskInput<'repairCameraStep'>) => {
      if (!deps.access.alive(sessionId)) {
        if (cameraSession === sessionId) cameraSession = null;
        return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
      }
      cameraSession = open ? sessionId : cameraSession === sessionId ? null : cameraSession;
      return ok({ open });
    },

    repairCheck: async ({ sessionId, uscc, recordId }: KioskInput<'repairCheck'>) =>
      guard('repairCheck', async () => {
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        return ok(check(found.value.subject, found.value.shown, recordId).view);
      }),

    repairSubmit: async ({ sessionId, uscc, recordId, fields, strokes, phone, photos }: KioskInput<'repairSubmit'>) =>
      guard('repairSubmit', async () => {
        if (!deps.phoneKey) return fail('NOT_CONFIGURED', DEFAULT_ERROR_MESSAGES.NOT_CONFIGURED);
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        const filed = await file(found.value, { recordId, fields, phone, photos, signature: { kind: 'drawn', strokes }, channel: 'kiosk', stillWanted: () => deps.access.alive(sessionId) });
        if (!filed.ok) return filed;
        if (!filed.value.submitted) return ok({ submitted: false as const, check: filed.value.check });
        const { receipt, issued } = filed.value;
        const job = await deps.access.printSealed({ kind: 'repair-commitment', number: issued.commitmentNumber, pdf: issued.pdf, pages: issued.pages });
        return ok({ submitted: true as const, receipt: { ...receipt, delivered: await deliver(), printJobId: job?.jobId ?? null } });
      }),

    repairCounterApplicant: async ({ token }: KioskInput<'repairCounterApplicant'>) =>
      guard('repairCounterApplicant', async () => {
        const found = await deps.counter.repairApplicant(token);
        if (!found.ok) return found;
        const { subject, shown } = found.value;
        return ok({
          subject: { name: subject.name, kind: subject.kind, codeMasked: isPerson(subject) ? maskIdNumber(subject.code) : subject.code },
          penalties: shown.filter((r) => r.category === 'penalty').map((r) => ({ record: recordView(r), check: check(subject, shown, r.id).view })),
          applications: applicationsOf(subject, shown),
        });
      }),

    repairCounterCheck: async ({ token, recordId }: KioskInput<'repairCounterCheck'>) =>
      guard('repairCounterCheck', async () => {
        const found = await deps.counter.repairApplicant(token);
        if (!found.ok) return found;
        return ok(check(found.value.subject, found.value.shown, recordId).view);
      }),

    repairCounterSubmit: async ({ token, recordId, fields, signature, phone, photos }: KioskInput<'repairCounterSubmit'>) =>
      guard('repairCounterSubmit', async () => {
        // The sign-in first: an unknown token learns nothing of how this kiosk is set up.
        const found = await deps.counter.repairApplicant(token);
        if (!found.ok) return found;
        if (!deps.phoneKey) return fail('NOT_CONFIGURED', DEFAULT_ERROR_MESSAGES.NOT_CONFIGURED);
        const a = found.value;
        const filed = await file(
          { ...a, applicant: 'subject' },
          { recordId, fields, phone, photos, signature: signature.kind === 'drawn' ? signature : { kind: 'staff-confirmed', staff: a.staff }, channel: 'counter', staffId: a.staff.staffNo, stillWanted: a.stillThere },
        );
        if (!filed.ok) return filed;
        if (!filed.value.submitted) return ok({ submitted: false as const, check: filed.value.check });
        const { receipt, issued } = filed.value;
        // Who signed, or which staff member confirmed for a person who cannot sign: on the chain, with the staff number.
        a.audit('repair-application', signature.kind, { applicationNumber: receipt.applicationNumber, commitmentNumber: issued.commitmentNumber, recordId });
        return ok({
          submitted: true as const,
          receipt: { ...receipt, delivered: await deliver(), printJobId: null },
          file: fileView(`信用修复承诺书-${issued.commitmentNumber}.pdf`, 'application/pdf', Buffer.from(issued.pdf)),
        });
      }),

    repairCounterCameraStep: async ({ token, open }: KioskInput<'repairCounterCameraStep'>) => {
      const mine = counterCamera(token);
      const staffNo = await deps.staffOf(token);
      if (staffNo === null) {
        if (cameraSession === mine) cameraSession = null;
        return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
      }
      if (open) [cameraSession, cameraStaffNo] = [mine, staffNo];
      else if (cameraSession === mine) [cameraSession, cameraStaffNo] = [null, null];
      return ok({ open });
    },

    repairList: async ({ sessionId, uscc }: KioskInput<'repairList'>) =>
      guard('repairList', async () => {
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        return ok(applicationsOf(found.value.subject, found.value.shown));
      }),

    repairLookup: async ({ token, applicationNumber }: KioskInput<'repairLookup'>) =>
      guard('repairLookup', async () => {
        if ((await deps.staffOf(token)) === null) return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
        const row = deps.store.byNumber(applicationNumber);
        if (!row) return fail('INVALID_INPUT', `未找到该修复申请 / no repair application with this number: ${applicationNumber}`);
        const state: RepairState = row.closedAt !== null ? 'done' : row.pagesWaiting > 0 ? 'sending' : 'submitted';
        return ok({ applicationNumber: row.applicationNumber, submittedAt: row.submittedAt, state, pagesWaiting: row.pagesWaiting });
      }),
  };
}
