// The lines of a package (decompressed NDJSON): a header, then subjects with all
// their records (an upsert: the subject and its records are replaced whole),
// tombstones for deletions, and an end line with counts against truncation.
import { z } from 'zod';
import { RECORD_CATEGORIES, RECORD_STATUSES, SEVERITIES } from '../domain/creditRecord';
import { SUBJECT_KINDS, type SubjectKind } from '../domain/subject';
import { validateCodeOf, type CodeKind } from '../codes/subjectCode';

export const PACKAGE_FORMAT = 'credit-kiosk-package/1';

/** Ids are ASCII so every sort (JS, SQLite BINARY) agrees — the publisher merges by id. */
export const SyncId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/);
const Text = (max: number) => z.string().max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The kind of code each kind of subject is known by today. */
const CURRENT_CODE_KINDS: Record<SubjectKind, readonly CodeKind[]> = {
  'natural-person': ['resident-id'],
  enterprise: ['uscc'],
  'non-enterprise-legal-person': ['uscc'],
  'individual-business': ['uscc'],
};
const FORMER_CODE_KINDS: readonly CodeKind[] = ['registration-number', 'organization-code', 'uscc'];

export const SubjectLineSchema = z
  .object({
    id: SyncId,
    kind: z.enum(SUBJECT_KINDS),
    code: z.string().regex(/^[0-9A-Za-z]{8,20}$/),
    formerCodes: z.array(z.string().regex(/^[0-9A-Za-z-]{6,30}$/)).max(20),
    name: Text(200).min(1),
    legalRepresentative: Text(100).optional(),
    legalRepresentativeIdNumber: z.string().regex(/^[0-9]{17}[0-9Xx]$/).optional(),
    entityType: Text(100).optional(),
    registeredCapital: Text(100).optional(),
    establishedOn: Day.optional(),
    address: Text(300).optional(),
    registrationAuthority: Text(200).optional(),
    registrationStatus: Text(50).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // Both the publisher and the kiosk's applier parse every subject line here, so a
    // code with a wrong check character or of the wrong kind never enters a package or a cache.
    const check = (code: string, allowed: readonly CodeKind[], path: PropertyKey[]) => {
      const v = validateCodeOf(code, allowed);
      if (!v.valid) ctx.addIssue({ code: 'custom', path, message: v.reason });
    };
    check(s.code, CURRENT_CODE_KINDS[s.kind], ['code']);
    s.formerCodes.forEach((c, i) => check(c, FORMER_CODE_KINDS, ['formerCodes', i]));
    if (s.legalRepresentativeIdNumber !== undefined) check(s.legalRepresentativeIdNumber, ['resident-id'], ['legalRepresentativeIdNumber']);
  });

export const RecordLineSchema = z
  .object({
    id: SyncId,
    subjectId: SyncId,
    category: z.enum(RECORD_CATEGORIES),
    title: Text(300).min(1),
    documentNumber: Text(200).optional(),
    authority: Text(200).optional(),
    decisionDate: Day.optional(),
    validFrom: Day.optional(),
    validTo: Day.optional(),
    content: Text(5000).optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(RECORD_STATUSES),
    disclosureDeadline: Day.optional(),
    sourceDepartment: Text(200).optional(),
    dataVersion: z.number().int().min(0),
    /** The category's further 双公示 fields (罚款金额, 处罚依据 …). */
    fields: z.record(Text(100), z.union([Text(5000), z.number(), z.null()])),
  })
  .strict();

export const PackageLineSchema = z.discriminatedUnion('t', [
  z
    .object({
      t: z.literal('header'),
      format: z.literal(PACKAGE_FORMAT),
      kind: z.enum(['full', 'delta']),
      version: z.number().int().min(1),
      baseVersion: z.number().int().min(1).nullable(),
      dataAsOf: z.string().max(40),
    })
    .strict(),
  z.object({ t: z.literal('subject'), subject: SubjectLineSchema, records: z.array(RecordLineSchema).max(100_000) }).strict(),
  z.object({ t: z.literal('delete-subject'), id: SyncId }).strict(),
  z.object({ t: z.literal('delete-record'), id: SyncId }).strict(),
  z.object({ t: z.literal('end'), subjects: z.number().int().min(0), records: z.number().int().min(0), tombstones: z.number().int().min(0) }).strict(),
]);
export type PackageLine = z.infer<typeof PackageLineSchema>;
export type SubjectLine = Extract<PackageLine, { t: 'subject' }>;
export type PackageHeader = Extract<PackageLine, { t: 'header' }>;
