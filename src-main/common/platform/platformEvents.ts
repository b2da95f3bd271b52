// What a kiosk owes the platform, as events: one envelope, one stream per kind of duty,
// and a payload schema per type. The kiosk's one outbox writes them, the platform ingests
// them (idempotent by id, in order by (kiosk, stream, seq)), and the fleet view reads them.
// Payloads carry the least personal data the platform needs: subjects by their masked
// code and the keyed hash the report registry already uses, never a name or a number in clear.
import { z } from 'zod';

/** Each stream is delivered in order of its own seq; streams do not wait for each other. */
export const EVENT_STREAMS = ['checks', 'reports', 'usage', 'audit', 'heartbeat', 'config', 'applications'] as const;
export type EventStream = (typeof EVENT_STREAMS)[number];

export const EVENT_TYPES = {
  /** A counter credit check (核查留痕): item, hits, the measures that applied. */
  'check-record': 'checks',
  /** The decision recorded on a check: the joint reward/punishment feedback (联合奖惩反馈). */
  'check-decision': 'checks',
  /** A report printed or saved (number, edition, subject, digest) for the platform's registry. */
  'report-issued': 'reports',
  /** One day's use per function (and per staff member at the counter): the plans' person-times. */
  'usage-daily': 'usage',
  /** The audit chain's head signed with the kiosk's key: truncation after it is detectable. */
  'audit-anchor': 'audit',
  /** The kiosk's state for the fleet view. */
  heartbeat: 'heartbeat',
  /** A fleet configuration received and applied or refused. */
  'config-ack': 'config',
  /** Citizen services (issue 18). */
  objection: 'applications',
  'repair-application': 'applications',
  commitment: 'applications',
} as const satisfies Record<string, EventStream>;
export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];

export function streamOf(type: EventType): EventStream {
  return EVENT_TYPES[type];
}

export const EventId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/** The envelope as it travels (and as the platform stores it, with kiosk id and received time added). */
export const PlatformEventSchema = z
  .object({
    id: EventId,
    type: z.enum(EVENT_TYPE_NAMES),
    /** Monotonic per (kiosk, stream), from 1, no gaps: the platform can see a missing event. */
    seq: z.number().int().positive(),
    /** When it happened, ISO 8601 with offset, by the kiosk's clock. */
    at: z.string().max(40),
    payload: z.record(z.string().max(100), z.unknown()),
  })
  .strict();
export type PlatformEvent = z.infer<typeof PlatformEventSchema>;

export const MAX_EVENTS_PER_BATCH = 100;
export const EventBatchSchema = z.object({ events: z.array(PlatformEventSchema).min(1).max(MAX_EVENTS_PER_BATCH) }).strict();

/** A subject as events name it: enough to join and to show masked, never in clear. */
export const EventSubject = z
  .object({
    kind: z.enum(['person', 'enterprise']),
    /** Masked as on a public screen, e.g. 3701**********1234 / 91370100MA******0X. */
    maskedCode: z.string().max(40),
    /** The registry's keyed hash of the code (same key as the report registry), hex. */
    key: z.string().regex(/^[0-9a-f]{16,128}$/),
  })
  .strict();

/** A value only the platform may read, sealed to its X25519 key (node/citizen/phoneSeal.ts): ephemeral key, nonce, ciphertext, tag, base64url. */
const Sealed64 = z.string().regex(/^[A-Za-z0-9_-]+$/).max(200);
export const SEALED_ALG = 'X25519-HKDF-SHA256-A256GCM';
export const SealedValueSchema = z
  .object({ alg: z.literal(SEALED_ALG), kid: z.string().regex(/^[0-9a-f]{16}$/), epk: Sealed64, iv: Sealed64, ct: Sealed64, tag: Sealed64 })
  .strict();
export type SealedValue = z.infer<typeof SealedValueSchema>;

export const USAGE_FUNCTIONS = ['self-query', 'report-print', 'report-verify', 'credit-check', 'joint-measures', 'batch-check', 'objection', 'repair', 'commitment', 'face-check'] as const;
export type UsageFunction = (typeof USAGE_FUNCTIONS)[number];

export const PAYLOADS = {
  'check-record': z.object({ checkId: z.string().max(64), itemCode: z.string().max(40), subject: EventSubject, staffId: z.string().max(20), hits: z.array(z.object({ category: z.string().max(40), measureCodes: z.array(z.string().max(40)).max(100) }).strict()).max(500) }).strict(),
  'check-decision': z.object({ checkId: z.string().max(64), decision: z.string().max(40), measuresApplied: z.array(z.string().max(40)).max(100), staffId: z.string().max(20), note: z.string().max(500).optional() }).strict(),
  'report-issued': z.object({ reportNumber: z.string().max(40), edition: z.string().max(40), subject: EventSubject, issuedAt: z.string().max(40), digest: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  'usage-daily': z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), rows: z.array(z.object({ fn: z.enum(USAGE_FUNCTIONS), staffId: z.string().max(20).nullable(), count: z.number().int().nonnegative() }).strict()).max(1000) }).strict(),
  'audit-anchor': z.object({ entries: z.number().int().nonnegative(), head: z.string().regex(/^[0-9a-f]{64}$/), keyId: z.string().max(80), signature: z.string().max(400) }).strict(),
  heartbeat: z
    .object({
      appVersion: z.string().max(40),
      dataVersion: z.number().int().nullable(),
      dataAsOf: z.string().max(40).nullable(),
      reader: z.enum(['ok', 'absent', 'error']),
      printer: z.enum(['ok', 'warning', 'stopped', 'absent']),
      outboxBacklog: z.number().int().nonnegative(),
      oldestPendingAt: z.string().max(40).nullable(),
      configVersion: z.number().int().nullable(),
    })
    .strict(),
  'config-ack': z.object({ configVersion: z.number().int(), result: z.enum(['applied', 'refused']), reason: z.string().max(200).optional() }).strict(),
  // Citizen services: their owners tighten these (issue 18); the envelope stays.
  /**
   * 异议申请: which record, why, for whom (the platform's subject id and the masked code),
   * and the contact phone sealed to the platform's key (never in clear on the kiosk).
   */
  objection: z
    .object({
      applicationNumber: z.string().regex(/^\d{14}[0-9A-Z]{8}$/),
      subject: EventSubject,
      /** The platform's own subject and record ids, as the sync packages carry them. */
      subjectId: z.string().max(80),
      recordId: z.string().max(80),
      recordCategory: z.string().max(40),
      reasonCode: z.string().max(40),
      /** The card holder is the subject, or the enterprise's registered legal representative. */
      applicant: z.enum(['subject', 'legal-representative']),
      phone: SealedValueSchema,
      answerWorkingDays: z.number().int().min(1).max(90),
      submittedAt: z.string().max(40),
    })
    .strict(),
  /**
   * 信用修复申请: which penalty, for whom, the signed 信用修复承诺书 by its number, and the
   * photographed materials by digest only — the pages travel as attachments (PUT
   * v1/attachments/{sha256}) and are deleted on the kiosk once the platform has them.
   */
  'repair-application': z
    .object({
      applicationNumber: z.string().regex(/^\d{14}[0-9A-Z]{8}$/),
      subject: EventSubject,
      subjectId: z.string().max(80),
      recordId: z.string().max(80),
      severity: z.enum(['minor', 'ordinary', 'serious']),
      applicant: z.enum(['subject', 'legal-representative']),
      /** The sealed 信用修复承诺书 signed for this application (its own commitment event carries it). */
      commitmentNumber: z.string().regex(/^\d{14}[0-9A-Z]{8}$/),
      materialsVersion: z.string().max(40),
      attachments: z
        .array(z.object({ material: z.string().regex(/^[a-z0-9-]{1,40}$/), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().positive().max(2_000_000), type: z.literal('image/jpeg') }).strict())
        .max(20),
      phone: SealedValueSchema,
      answerWorkingDays: z.number().int().min(1).max(90),
      submittedAt: z.string().max(40),
      /** Filed at the counter: the staff member who helped (absent: filed at the self-service kiosk). */
      staffId: z.string().max(20).optional(),
    })
    .strict(),
  /** A signed credit commitment (信用承诺): what the platform records and sends back as the subject's 信用承诺 record. */
  commitment: z
    .object({
      /** The sealed letter's number (report number format): 承诺编码 on the report. */
      commitmentNumber: z.string().regex(/^\d{14}[0-9A-Z]{8}$/),
      kindId: z.string().max(40),
      /** 承诺类型 as the report prints it, e.g. 审批替代型. */
      commitmentType: z.string().max(20),
      catalogueVersion: z.string().max(40),
      subject: EventSubject,
      acceptingUnit: z.string().max(60),
      /** The options chosen, by field id: catalogue text, never personal. */
      fields: z.record(z.string().max(30), z.string().max(60)),
      signedAt: z.string().max(40),
      validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      signature: z.enum(['drawn', 'staff-confirmed']),
      channel: z.enum(['kiosk', 'counter']),
      /** The staff member who confirmed (staff-confirmed) or started the signing at the counter. */
      staffId: z.string().max(20).optional(),
      /** The sealed letter's content hash: the platform can match the holder's copy to this event. */
      contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
} as const satisfies Record<EventType, z.ZodType>;

export type EventPayload<T extends EventType> = z.infer<(typeof PAYLOADS)[T]>;
