// The embedded demo: resources/demo/demo-data.json (subjects and records, dates as
// offsets from load time) and resources/demo/cards.json (the demo ID cards), read
// and validated here, and built into a cache file like any other data.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CARD_TYPES, type IdCard } from '../../common/domain/idCard';
import { RECORD_CATEGORIES, RECORD_STATUSES, SEVERITIES, type CreditRecord } from '../../common/domain/creditRecord';
import { SUBJECT_KINDS } from '../../common/domain/subject';
import { isIsoDate } from '../../common/time/isoDate';
import { isRelativeDate, resolveDate } from '../../common/time/relativeDate';
import { buildCacheFile, type BuildCacheResult, type SubjectBundle } from './cacheWriter';

export const DEMO_DATA_FILE = 'demo-data.json';
export const DEMO_CARDS_FILE = 'cards.json';

const DateLike = z.string().refine((s) => isIsoDate(s) || isRelativeDate(s), 'an ISO date or an offset like -60d, +1y, -3m');
const opt = z.string().min(1).optional();

const DemoRecord = z
  .object({
    id: z.string().min(1),
    category: z.enum(RECORD_CATEGORIES),
    title: z.string().min(1),
    documentNumber: opt,
    authority: opt,
    decisionDate: DateLike.optional(),
    validFrom: DateLike.optional(),
    validTo: DateLike.optional(),
    content: opt,
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(RECORD_STATUSES),
    disclosureDeadline: DateLike.optional(),
    sourceDepartment: opt,
    fields: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).default({}),
  })
  .strict();

const DemoSubject = z
  .object({
    id: z.string().min(1),
    kind: z.enum(SUBJECT_KINDS),
    code: z.string().length(18),
    formerCodes: z.array(z.string().min(1)).default([]),
    name: z.string().min(1),
    legalRepresentative: opt,
    legalRepresentativeIdNumber: z.string().length(18).optional(),
    entityType: opt,
    registeredCapital: opt,
    establishedOn: opt,
    address: opt,
    registrationAuthority: opt,
    registrationStatus: opt,
  })
  .strict();

export const DemoDataSchema = z
  .object({
    $comment: z.string().optional(),
    dataVersion: z.number().int().min(1),
    subjects: z.array(z.object({ subject: DemoSubject, records: z.array(DemoRecord) }).strict()).min(1),
  })
  .strict();
export type DemoData = z.output<typeof DemoDataSchema>;

export const DemoCardSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    type: z.enum(CARD_TYPES),
    name: z.string(),
    nameEn: opt,
    sex: z.string(),
    sexCode: z.string(),
    nation: opt,
    nationCode: opt,
    birthDate: z.string().refine(isIsoDate),
    address: opt,
    idNumber: z.string().min(1),
    idNumberValid: z.boolean(),
    issuer: opt,
    validFrom: z.string().refine(isIsoDate),
    validTo: z.string().refine((s) => s === '长期' || isIsoDate(s)),
    passNumber: opt,
    issueCount: opt,
    nationality: opt,
    renewalCount: opt,
    cardVersion: opt,
  })
  .strict();
export type DemoCard = IdCard & { id: string; label: string };

export function readDemoData(demoDir: string): { data: DemoData; hash: string } {
  const text = fs.readFileSync(path.join(demoDir, DEMO_DATA_FILE), 'utf8');
  return { data: DemoDataSchema.parse(JSON.parse(text)), hash: crypto.createHash('sha256').update(text).digest('hex') };
}

export function readDemoCards(demoDir: string): DemoCard[] {
  const raw = JSON.parse(fs.readFileSync(path.join(demoDir, DEMO_CARDS_FILE), 'utf8')) as { cards?: unknown };
  return z.array(DemoCardSchema).parse(raw.cards) as DemoCard[];
}

/** The demo's subjects with every relative date resolved against `now`. */
export function resolveDemoSubjects(data: DemoData, now: Date): SubjectBundle[] {
  const date = (d: string | undefined): string | undefined => (d === undefined ? undefined : resolveDate(d, now));
  return data.subjects.map(({ subject, records }) => ({
    subject,
    records: records.map((r): CreditRecord => {
      const rec: CreditRecord = { ...r, subjectId: subject.id, dataVersion: data.dataVersion } as CreditRecord;
      for (const key of ['decisionDate', 'validFrom', 'validTo', 'disclosureDeadline'] as const) {
        const v = date(r[key]);
        if (v === undefined) delete rec[key];
        else rec[key] = v;
      }
      return rec;
    }),
  }));
}

export interface LoadDemoOptions {
  file: string;
  key: Uint8Array;
  demoDir: string;
  now: Date;
}

/** Builds the cache file from the demo data (temp file + rename: atomic). */
export function loadDemoIntoCache(options: LoadDemoOptions): BuildCacheResult {
  const { data, hash } = readDemoData(options.demoDir);
  return buildCacheFile({
    file: options.file,
    key: options.key,
    dataVersion: data.dataVersion,
    dataAsOf: options.now.toISOString(),
    source: 'demo',
    meta: { demo_hash: hash, demo_built_at: options.now.toISOString() },
    subjects: resolveDemoSubjects(data, options.now),
  });
}
