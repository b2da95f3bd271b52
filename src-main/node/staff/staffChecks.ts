// Counter checks and decisions: the business items, a search of organisations by
// name, one check of one subject for one item, the decision recorded against it (into
// the audit chain and the platform's outbox) and its 核查单. Each check and each decision
// is an event for the platform (check-record, check-decision: 核查留痕, 联合奖惩反馈), stored
// in the one outbox before the audit entry that names it.
import { codeRefused } from '../../common/contract/codeInput';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { ok, type Result } from '../../common/contract/result';
import type { Provenance } from '../../common/contract/views';
import { COMMITMENT_INCENTIVE_IDS } from '../../common/commitment/commitmentCatalogue';
import type { StaffInput, StaffMethods, StaffOutputs } from '../../common/contract/staffApi';
import type { BusinessItemView, CheckResultView, DecisionKind } from '../../common/contract/staffViews';
import { validateSubjectCode } from '../../common/codes/subjectCode';
import { isCardExpired } from '../../common/domain/idCard';
import { isPerson, type Subject } from '../../common/domain/subject';
import { FACE_AUDIT_ACTION, FACE_STAFF_VERIFIED } from '../../common/face/faceDecision';
import { maskIdNumber, maskPersonalText } from '../../common/rules/masking';
import { toIsoDate } from '../../common/time/isoDate';
import { checkView, computeCheck } from './checkEngine';
import { renderCheckSlip } from './checkSlip';
import { eventSubject } from '../outbox/eventSubject';
import type { EventSink } from '../outbox/outbox';
import { auditEntry, authorised, authorisedItem, deny, fileView, guard, isSession, provenance, type StaffContext } from './staffContext';

export type StaffCheckMethods = Pick<StaffMethods, 'listBusinessItems' | 'searchSubjects' | 'checkSubject' | 'recordDecision' | 'printCheckSlip'>;

/** The applicant of a counter check whose item allows 告知承诺 or 容缺受理: whom a commitment signed at the counter is for. */
export interface CounterApplicant {
  staff: { staffNo: string; name: string };
  subject: Subject;
  provenance: Provenance;
  /** Who signs: the person checked, or the enterprise's registered legal representative. */
  signerName: string;
  /** Appends the signing to the audit chain against this check's item and subject. */
  audit(result: string, detail: Record<string, unknown>): void;
}

interface StoredCheck {
  view: CheckResultView;
  staffNo: string;
  subject: Pick<Subject, 'id' | 'kind'>;
  /** The code checked, in memory only: a commitment signed on this check looks the subject up again. */
  code: string;
  subjectKey: string;
  /** The subject in the report registry, where a printed slip is registered. */
  registrySubject: string;
  hitRecordIds: string[];
  dataVersion?: number;
  decision?: { decision: DecisionKind; note?: string; recordedAt: string };
}

const KEEP_CHECKS = 500;

export function staffChecks(ctx: StaffContext, outbox: EventSink | null): StaffCheckMethods & { forget(): void; commitmentApplicant(token: string, checkId: string): Promise<Result<CounterApplicant>> } {
  const { audit, card, keyer, log, now } = ctx;
  const checks = new Map<string, StoredCheck>();

  function remember(checkId: string, stored: StoredCheck): void {
    checks.set(checkId, stored);
    if (checks.size > KEEP_CHECKS) checks.delete(checks.keys().next().value as string);
  }

  return {
    listBusinessItems: async ({ token }) => {
      const s = authorised(ctx, token, 'check');
      if (!isSession(s)) return s;
      return ok(
        ctx.catalogue().items.map(
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
      guard<StaffOutputs['searchSubjects']>(ctx, 'searchSubjects', async () => {
        const s = authorised(ctx, token, 'check');
        if (!isSession(s)) return s;
        const found = await ctx.cache.search(text, { page: page ?? 1, pageSize: 20 });
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
      guard<StaffOutputs['checkSubject']>(ctx, 'checkSubject', async () => {
        const asked = authorisedItem(ctx, input.token, 'check', input.itemId);
        if ('ok' in asked) return asked;
        const { session: s, catalogue, item } = asked;
        let code: string;
        if (input.by === 'card') {
          const held = card.current();
          if (!held) return deny('NO_SESSION', '请在读卡器上放置身份证 / place the ID card on the reader');
          if (isCardExpired(held, toIsoDate(now()))) return deny('CARD_EXPIRED');
          code = held.idNumber;
        } else {
          const v = validateSubjectCode(input.code, { today: toIsoDate(now()) });
          if (!v.valid) return codeRefused(v);
          code = v.normalized;
        }
        const found = await ctx.cache.findByCode(code);
        if (!found) {
          audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'check', itemId: item.id, result: 'not-found', detail: { by: input.by } }));
          return deny('SUBJECT_NOT_FOUND');
        }
        const prov = await provenance(ctx);
        const computed = computeCheck(found.subject, found.records, item, catalogue, toIsoDate(now()), ctx.disclosurePolicy);
        const checkId = randomBytes(12).toString('base64url');
        const view = checkView({ checkId, checkedAt: now().toISOString(), provenance: prov, catalogueVersion: catalogue.version }, found.subject, item, computed);
        const subjectKey = keyer.subjectKey(found.subject);
        // 核查留痕 for the platform: the item, each kind of hit and the measures it brings; the subject masked and keyed.
        outbox?.enqueue('check-record', {
          checkId,
          itemCode: item.id,
          subject: eventSubject(keyer, found.subject),
          staffId: s.staffNo,
          hits: [...new Set(view.hits.map((h) => h.kind))].map((kind) => ({
            category: kind,
            measureCodes: [...view.measures.filter((m) => m.triggeredBy.includes(kind)).map((m) => m.id), ...(kind === 'red-list' ? view.incentives.map((i) => i.id) : [])],
          })),
        });
        audit.append(
          auditEntry(ctx, {
            staffNo: s.staffNo,
            action: 'check',
            itemId: item.id,
            subjectKey,
            result: view.verdict,
            detail: { checkId, by: input.by, hits: [...new Set(view.hits.map((h) => h.kind))], personalData: isPerson(found.subject), dataVersion: prov.dataVersion },
          }),
        );
        if (input.by === 'card' && input.sightVerified === true) {
          audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: FACE_AUDIT_ACTION, itemId: item.id, subjectKey, result: FACE_STAFF_VERIFIED, detail: { by: 'sight', checkId } }));
        }
        log.info({ event: 'staff-check', staffNo: s.staffNo, item: item.id, verdict: view.verdict, subject: isPerson(found.subject) ? maskIdNumber(found.subject.code) : found.subject.code }, 'counter check');
        remember(checkId, {
          view,
          staffNo: s.staffNo,
          subject: { id: found.subject.id, kind: found.subject.kind },
          code: found.subject.code,
          subjectKey,
          registrySubject: keyer.reportSubject(found.subject.code),
          hitRecordIds: computed.hits.map((h) => h.record.id),
          dataVersion: prov.dataVersion,
        });
        return ok(view);
      }),

    recordDecision: (input) =>
      guard<StaffOutputs['recordDecision']>(ctx, 'recordDecision', async () => {
        const s = authorised(ctx, input.token, 'decide');
        if (!isSession(s)) return s;
        const check = checks.get(input.checkId);
        if (!check || check.staffNo !== s.staffNo) return deny('INVALID_INPUT', 'checkId');
        // The screen names the subject it shows: a form left over from another subject is refused.
        if (input.subjectCode !== check.view.subject.code) {
          audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'decision', itemId: check.view.item.id, subjectKey: check.subjectKey, result: 'subject-mismatch', detail: { checkId: input.checkId } }));
          return deny('INVALID_INPUT', '决定所针对的主体与该核查的主体不一致，请重新核查 / the decision names another subject than the check: check again');
        }
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
        // 联合奖惩反馈: stored for the platform first, so the audit entry never names an event that is not there.
        if (outbox) {
          outbox.enqueue(
            'check-decision',
            {
              checkId: input.checkId,
              decision: input.decision,
              measuresApplied: [...measureIds, ...incentiveIds],
              staffId: s.staffNo,
              ...(note !== '' && { note: note.slice(0, 500) }),
            },
            { id: eventId },
          );
        }
        const stored = audit.append(
          auditEntry(ctx, {
            staffNo: s.staffNo,
            action: 'decision',
            itemId: check.view.item.id,
            subjectKey: check.subjectKey,
            result: input.decision,
            // The note is free text: the chain keeps its hash, the feedback carries it.
            detail: { checkId: input.checkId, decisionId, feedbackEventId: eventId, measureIds, incentiveIds, noteSha256: createHash('sha256').update(note).digest('hex') },
          }),
        );
        check.decision = { decision: input.decision, ...(note !== '' && { note }), recordedAt };
        return ok({ decisionId, checkId: input.checkId, decision: input.decision, recordedAt, auditSeq: stored.seq, feedbackEventId: eventId });
      }),

    printCheckSlip: ({ token, checkId }) =>
      guard<StaffOutputs['printCheckSlip']>(ctx, 'printCheckSlip', async () => {
        const s = authorised(ctx, token, 'print-slip');
        if (!isSession(s)) return s;
        const check = checks.get(checkId);
        if (!check || check.staffNo !== s.staffNo) return deny('INVALID_INPUT', 'checkId');
        const { pdf } = await renderCheckSlip({
          check: check.view,
          staff: { staffNo: s.staffNo, name: s.name },
          kioskId: ctx.kioskId,
          ...(check.decision && { decision: check.decision }),
          printedAt: now().toISOString(),
          timeZone: ctx.timeZone,
          dataDir: ctx.dataDir,
          keys: ctx.keys,
          registrySubject: check.registrySubject,
        });
        audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'display', itemId: check.view.item.id, subjectKey: check.subjectKey, result: 'check-slip', detail: { checkId } }));
        return ok(fileView(`核查单-${checkId}.pdf`, 'application/pdf', pdf));
      }),

    commitmentApplicant: (token, checkId) =>
      guard<CounterApplicant>(ctx, 'commitmentApplicant', async () => {
        const s = authorised(ctx, token, 'decide');
        if (!isSession(s)) return s;
        const check = checks.get(checkId);
        if (!check || check.staffNo !== s.staffNo) return deny('INVALID_INPUT', 'checkId');
        if (!check.view.incentives.some((i) => COMMITMENT_INCENTIVE_IDS.includes(i.id))) return deny('COMMITMENT_NOT_OFFERED');
        const found = await ctx.cache.findByCode(check.code);
        if (!found) return deny('SUBJECT_NOT_FOUND');
        const signerName = isPerson(found.subject) ? found.subject.name : found.subject.legalRepresentative;
        if (!signerName) return deny('INVALID_INPUT', '该企业未登记法定代表人 / the enterprise has no registered legal representative');
        return ok({
          staff: { staffNo: s.staffNo, name: s.name },
          subject: found.subject,
          provenance: check.view.provenance,
          signerName,
          audit: (result, detail) => {
            audit.append(auditEntry(ctx, { staffNo: s.staffNo, action: 'commitment', itemId: check.view.item.id, subjectKey: check.subjectKey, result, detail: { checkId, ...detail } }));
          },
        });
      }),

    forget: () => checks.clear(),
  };
}
