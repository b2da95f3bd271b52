// 异议申请 at the kiosk: a record from the summary the holder sees (their own, or their
// enterprise's as its legal representative), a configured reason, a contact phone. One
// call files it: the receipt is drawn and sealed, the session is checked once more, and
// only then the application is queued in the kiosk's one outbox — so a card lifted or
// a timeout mid-flow leaves nothing half-queued. The phone is sealed to the platform's
// key before it enters the queue; the local register keeps no phone, name or number.
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CitizenMethods, KioskInput } from '../../common/contract/kioskApi';
import type { ObjectionApplicationView, ObjectionState } from '../../common/contract/citizenApi';
import { DEFAULT_ERROR_MESSAGES } from '../../common/contract/errorCodes';
import { fail, ok, type Result } from '../../common/contract/result';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isPerson, type Subject } from '../../common/domain/subject';
import { PAYLOADS, type EventType } from '../../common/platform/platformEvents';
import { makeReportNumber } from '../../common/report/reportNumber';
import { maskPhone, maskSubjectCode } from '../../common/rules/masking';
import { objectionCheck, type ObjectionConfig } from '../../common/rules/objectionRules';
import type { KeyStore } from '../keys/keyStore';
import type { SealImage } from '../pdf/sealStamp';
import type { SubjectKeyer } from '../keys/subjectKeyer';
import type { CitizenAccess } from './citizenAccess';
import type { Logger } from '../logging/logger';
import { renderObjectionReceipt } from './objectionReceipt';
import type { ObjectionStore } from './objectionStore';
import { sealPhone } from './phoneSeal';

export interface ObjectionServiceDeps {
  access: CitizenAccess;
  /** Counts a filed objection in the usage statistics (the audit chain). */
  usage?: (fn: 'objection-submitted') => void;
  config: ObjectionConfig;
  store: ObjectionStore;
  keyer: Pick<SubjectKeyer, 'reportSubject'>;
  /** The kiosk's one outbox (durable at return). */
  outbox: { enqueue(type: EventType, payload: Record<string, unknown>): string };
  /** The platform's X25519 public key; null: objections cannot be filed (not configured). */
  phoneKey: KeyObject | null;
  /** Sealing the receipt: the report key in the kiosk's KeyStore. */
  keys: KeyStore;
  dataDir: string;
  issuer: string;
  kioskId: string;
  verifyUrl?: string;
  /** The issuer's seal image (report.sealImage), stamped on the receipt like on reports. */
  sealImage?: SealImage | null;
  timeZone?: string;
  logger: Logger;
  now?: () => Date;
}

export type ObjectionMethods = Pick<CitizenMethods, 'objectionOptions' | 'objectionCheck' | 'objectionSubmit' | 'objectionList'>;

export function createObjectionService(deps: ObjectionServiceDeps): ObjectionMethods {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger;
  const subjectKey = (subject: Subject): string => deps.keyer.reportSubject(subject.code);

  /** Records filed here whose answer has not come: a second objection on them is refused. */
  const openHere = (subject: Subject): Set<string> => new Set(deps.store.forSubject(subjectKey(subject)).filter((o) => o.answeredAt === null).map((o) => o.recordId));

  const guard = async <T>(what: string, body: () => Promise<Result<T>>): Promise<Result<T>> => {
    try {
      return await body();
    } catch (err) {
      log.error({ event: 'service-error', what, err: (err as Error).name }, 'objection call failed');
      return fail('INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
    }
  };

  /** Where an application stands, from the record as the latest data shows it; the first sight of each step is remembered. */
  function stateOf(applicationNumber: string, seenProcessing: boolean, answeredAt: string | null, record: CreditRecord | undefined): ObjectionState {
    if (answeredAt !== null) return 'answered';
    if (record?.status === 'objection-pending') {
      if (!seenProcessing) deps.store.markProcessing(applicationNumber);
      return 'processing';
    }
    // The mark lifted, or the record corrected away: the platform has answered.
    if (seenProcessing || record === undefined) {
      deps.store.markAnswered(applicationNumber, now().toISOString());
      return 'answered';
    }
    return 'submitted';
  }

  return {
    objectionOptions: async ({ sessionId }: KioskInput<'objectionOptions'>) => {
      if (!deps.access.alive(sessionId)) return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
      return ok({ reasons: deps.config.reasons.map((r) => ({ ...r })), answerWorkingDays: deps.config.answerWorkingDays });
    },

    objectionCheck: async ({ sessionId, uscc, recordId }: KioskInput<'objectionCheck'>) =>
      guard('objectionCheck', async () => {
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        return ok(objectionCheck(recordId, found.value.shown, openHere(found.value.subject), deps.config.excludedCategories));
      }),

    objectionSubmit: async ({ sessionId, uscc, recordId, reasonCode, phone }: KioskInput<'objectionSubmit'>) =>
      guard('objectionSubmit', async () => {
        if (!deps.phoneKey) return fail('NOT_CONFIGURED', DEFAULT_ERROR_MESSAGES.NOT_CONFIGURED);
        const reason = deps.config.reasons.find((r) => r.code === reasonCode);
        if (!reason) return fail('INVALID_INPUT', `${DEFAULT_ERROR_MESSAGES.INVALID_INPUT}: reasonCode`);
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        const { subject, shown, provenance, holderName, applicant } = found.value;
        const check = objectionCheck(recordId, shown, openHere(subject), deps.config.excludedCategories);
        const record = shown.find((r) => r.id === recordId);
        if (!check.allowed || !record) return ok({ submitted: false as const, reason: check.allowed ? 'not-shown' : check.reason });
        const at = now();
        const applicationNumber = makeReportNumber(at, (n) => randomBytes(n));
        const receipt = await renderObjectionReceipt(
          {
            applicationNumber,
            subject,
            applicant,
            applicantName: holderName,
            record,
            reasonText: reason.zh,
            phone,
            answerWorkingDays: deps.config.answerWorkingDays,
            submittedAt: at.toISOString(),
            issuer: deps.issuer,
            kioskId: deps.kioskId,
            provenance,
            ...(deps.verifyUrl && { verifyUrl: deps.verifyUrl }),
            ...(deps.timeZone && { timeZone: deps.timeZone }),
          },
          { dataDir: deps.dataDir, keys: deps.keys, sealImage: deps.sealImage ?? null },
        );
        // The card may have been lifted while the receipt was drawn: then nothing is filed.
        if (!deps.access.alive(sessionId)) return fail('NO_SESSION', DEFAULT_ERROR_MESSAGES.NO_SESSION);
        const payload = PAYLOADS.objection.parse({
          applicationNumber,
          subject: { kind: isPerson(subject) ? 'person' : 'enterprise', maskedCode: maskSubjectCode(subject.code), key: subjectKey(subject) },
          subjectId: subject.id,
          recordId,
          recordCategory: record.category,
          reasonCode,
          applicant,
          phone: sealPhone(phone, deps.phoneKey, applicationNumber),
          answerWorkingDays: deps.config.answerWorkingDays,
          submittedAt: at.toISOString(),
        });
        const eventId = deps.outbox.enqueue('objection', payload);
        deps.store.add({ applicationNumber, eventId, subjectKey: subjectKey(subject), recordId, reasonCode, submittedAt: at.toISOString() });
        deps.usage?.('objection-submitted');
        log.info({ event: 'objection-filed', applicationNumber, eventId, category: record.category, applicant }, 'objection filed');
        const job = await deps.access.printSealed({ kind: 'objection-receipt', number: applicationNumber, pdf: receipt.pdf, pages: receipt.pages });
        return ok({
          submitted: true as const,
          receipt: {
            applicationNumber,
            recordTitle: record.title,
            recordCategory: record.category,
            reasonCode,
            phoneMasked: maskPhone(phone),
            submittedAt: at.toISOString(),
            answerWorkingDays: deps.config.answerWorkingDays,
            printJobId: job?.jobId ?? null,
          },
        });
      }),

    objectionList: async ({ sessionId, uscc }: KioskInput<'objectionList'>) =>
      guard('objectionList', async () => {
        const found = await deps.access.subjectFor(sessionId, uscc);
        if (!found.ok) return found;
        const { subject, shown } = found.value;
        const byId = new Map(shown.map((r) => [r.id, r]));
        return ok(
          deps.store.forSubject(subjectKey(subject)).map((o): ObjectionApplicationView => {
            const record = byId.get(o.recordId);
            return {
              applicationNumber: o.applicationNumber,
              recordTitle: record?.title ?? '',
              reasonCode: o.reasonCode,
              submittedAt: o.submittedAt,
              state: stateOf(o.applicationNumber, o.seenProcessing, o.answeredAt, record),
            };
          }),
        );
      }),
  };
}
