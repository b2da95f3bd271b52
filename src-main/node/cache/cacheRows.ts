// Subjects and records to rows and back. The one place that decides which fields
// are sealed: everything that could name a natural person (their code, name,
// address, former codes; a legal representative's name; the facts and fields of
// a person's records) goes into the encrypted 'sealed' column; organisations'
// public registration data stays in clear columns so it can be searched.
import type { CreditRecord, RecordCategory, RecordFieldValue, RecordStatus, Severity } from '../../common/domain/creditRecord';
import type { Subject, SubjectKind } from '../../common/domain/subject';
import type { HitRecord } from '../../common/staff/hits';
import { normalizeCode } from '../../common/codes/subjectCode';
import { normalizeName } from '../../common/search/nameSearchText';
import { CacheError } from './cacheError';
import { deriveCacheKeys, lookupHash, type CacheKeys } from './cacheKeys';
import { CIPHER_NAMES, createFieldCipher, type FieldCipher } from './fieldCipher';

/** A subject as the loaders hand it to the writer. */
export interface SubjectInput extends Subject {
  /** The legal representative's resident ID number, when the source has it: lets a card holder find the enterprises they represent. */
  legalRepresentativeIdNumber?: string;
}

export interface Codec {
  keys: CacheKeys;
  cipher: FieldCipher;
}

/** The codec of a master key and a file's cipher (its meta `cipher`; none = AES-256-GCM). An unknown cipher is refused. */
export function createCodec(masterKey: Uint8Array, cipher: string = 'aes-256-gcm'): Codec {
  const name = CIPHER_NAMES.find((c) => c === cipher);
  if (!name) throw new CacheError('CACHE_UNAVAILABLE', `unknown field cipher in the cache file: ${cipher}`);
  const keys = deriveCacheKeys(masterKey);
  return { keys, cipher: createFieldCipher(name, keys.field) };
}

export interface SubjectRow {
  sid: number;
  id: string;
  kind: SubjectKind;
  code: string | null;
  name: string | null;
  former_codes: string | null;
  entity_type: string | null;
  registered_capital: string | null;
  established_on: string | null;
  address: string | null;
  registration_authority: string | null;
  registration_status: string | null;
  rep_id_hash: Buffer | null;
  rep_name_hash: Buffer | null;
  sealed: Buffer | null;
  data_version: number;
}

export interface RecordRow {
  rid: number;
  id: string;
  sid: number;
  category: RecordCategory;
  title: string;
  document_number: string | null;
  authority: string | null;
  decision_date: string | null;
  valid_from: string | null;
  valid_to: string | null;
  content: string | null;
  severity: Severity | null;
  status: RecordStatus;
  disclosure_deadline: string | null;
  source_department: string | null;
  data_version: number;
  fields: string | null;
  sealed: Buffer | null;
}

/**
 * A record as the reader's SQL hands it over (RECORD_TUPLE_SQL): positional, its
 * `fields` already a JSON value. The reader asks SQLite for all of a subject's records
 * as ONE JSON text (json_group_array): one string to build and, from the query worker,
 * one string to copy across threads, where twenty records as objects cost the worker
 * thread more to clone than the query itself (bench/cache.bench.ts).
 */
export type RecordTuple = [
  id: string,
  category: RecordCategory,
  title: string,
  documentNumber: string | null,
  authority: string | null,
  decisionDate: string | null,
  validFrom: string | null,
  validTo: string | null,
  content: string | null,
  severity: Severity | null,
  status: RecordStatus,
  disclosureDeadline: string | null,
  sourceDepartment: string | null,
  dataVersion: number,
  fields: Record<string, RecordFieldValue> | null,
  rid: number,
];

/**
 * One record row as a RecordTuple, in SQL. The row id comes last: json_group_array keeps
 * the order it is fed (a range scan feeds it by row id), but SQL does not promise that,
 * and asking for it (ORDER BY inside the aggregate) costs a sort per lookup; decodeBundle checks instead.
 */
export const RECORD_TUPLE_SQL =
  'json_array(id, category, title, document_number, authority, decision_date, valid_from, valid_to, content, severity, status, disclosure_deadline, source_department, data_version, json(fields), rid)';

/**
 * A record as the batch's hits-only lookups read it: only what decides a hit (HitRecord),
 * row id last as in RECORD_TUPLE_SQL: no contents, fields or licences to build, copy and parse.
 */
export type HitTuple = [
  category: RecordCategory,
  title: string,
  status: RecordStatus,
  severity: Severity | null,
  decisionDate: string | null,
  disclosureDeadline: string | null,
  validTo: string | null,
  rid: number,
];

export const HIT_TUPLE_SQL = 'json_array(category, title, status, severity, decision_date, disclosure_deadline, valid_to, rid)';

/** A subject and its hit-category records (HitTuple JSON text) across the worker boundary. */
export interface HitsWire {
  subject: Subject;
  records: string;
}

/** The caller's side of a hits-only lookup: records as HitRecords, in display order. */
export function decodeHits(wire: HitsWire): { subject: Subject; records: HitRecord[] } {
  const tuples = JSON.parse(wire.records) as HitTuple[];
  if (tuples.some((t, i) => i > 0 && tuples[i - 1]![7] > t[7])) tuples.sort((a, b) => a[7] - b[7]);
  return {
    subject: wire.subject,
    records: tuples.map(([category, title, status, severity, decisionDate, disclosureDeadline, validTo]) => {
      const r: HitRecord = { category, title, status };
      if (severity !== null) r.severity = severity;
      if (decisionDate !== null) r.decisionDate = decisionDate;
      if (disclosureDeadline !== null) r.disclosureDeadline = disclosureDeadline;
      if (validTo !== null) r.validTo = validTo;
      return r;
    }),
  };
}

/**
 * A subject with its records as a lookup returns them across the worker boundary: the
 * subject opened, its records still the JSON text SQLite made, and the sealed facts of a
 * person's records, opened, by record id. decodeBundle makes the domain objects.
 */
export interface BundleWire {
  subject: Subject;
  records: string;
  facts: Record<string, SealedRecord> | null;
}

const subjectAad = (id: string): string => `subject:${id}`;
const recordAad = (id: string): string => `record:${id}`;

/** The sealed part of a person's record (its facts and fields); kept in the subject's sealed blob. */
export interface SealedRecord {
  content?: string;
  fields: Record<string, RecordFieldValue>;
}

interface SealedSubject {
  code?: string;
  name?: string;
  formerCodes?: string[];
  address?: string;
  legalRepresentative?: string;
  /**
   * A natural person's records' facts, by record id: one blob per person, so a lookup
   * opens one ciphertext rather than one per record. (Files written before this keep
   * the facts in each record row's own 'sealed' column; both are read.)
   */
  records?: Record<string, SealedRecord>;
}

/** A subject and its records as rows (without row ids), and the codes it answers to, hashed. */
export interface BundleRows {
  subject: Omit<SubjectRow, 'sid'>;
  codeHashes: Buffer[];
  records: Array<Omit<RecordRow, 'rid' | 'sid'>>;
}

export function bundleToRows(codec: Codec, s: SubjectInput, records: readonly CreditRecord[], dataVersion: number): BundleRows {
  const person = s.kind === 'natural-person';
  let payloads: Record<string, SealedRecord> | undefined;
  if (person) {
    payloads = {};
    for (const r of records) if (r.content !== undefined || Object.keys(r.fields).length > 0) payloads[r.id] = { content: r.content, fields: r.fields };
  }
  const { row, codeHashes } = subjectToRow(codec, s, dataVersion, payloads);
  return { subject: row, codeHashes, records: records.map((r) => recordToRow(r, person)) };
}

/** The subject's row (without sid) and its code hashes; a person's record facts go into the same sealed blob. */
export function subjectToRow(
  codec: Codec,
  s: SubjectInput,
  dataVersion: number,
  recordPayloads?: Record<string, SealedRecord>,
): { row: Omit<SubjectRow, 'sid'>; codeHashes: Buffer[] } {
  const person = s.kind === 'natural-person';
  const codeHashes = codeHashesOf(codec, s);
  const rep = s.legalRepresentative?.trim();
  const repId = s.legalRepresentativeIdNumber ? normalizeCode(s.legalRepresentativeIdNumber) : undefined;
  const personal: SealedSubject | null = person
    ? { code: s.code, name: s.name, formerCodes: s.formerCodes, address: s.address, legalRepresentative: rep, ...(recordPayloads && Object.keys(recordPayloads).length > 0 && { records: recordPayloads }) }
    : rep
      ? { legalRepresentative: rep }
      : null;
  return {
    row: {
      id: s.id,
      kind: s.kind,
      code: person ? null : normalizeCode(s.code),
      name: person ? null : normalizeName(s.name),
      former_codes: person || s.formerCodes.length === 0 ? null : JSON.stringify(s.formerCodes),
      entity_type: s.entityType ?? null,
      registered_capital: s.registeredCapital ?? null,
      established_on: s.establishedOn ?? null,
      address: person ? null : (s.address ?? null),
      registration_authority: s.registrationAuthority ?? null,
      registration_status: s.registrationStatus ?? null,
      rep_id_hash: repId ? lookupHash(codec.keys, 'code', repId) : null,
      rep_name_hash: rep ? lookupHash(codec.keys, 'name', normalizeName(rep)) : null,
      sealed: personal ? codec.cipher.seal(JSON.stringify(personal), subjectAad(s.id)) : null,
      data_version: dataVersion,
    },
    codeHashes,
  };
}

/** The keyed hashes of every code a subject answers to (current and former). */
export function codeHashesOf(codec: Codec, s: Pick<Subject, 'code' | 'formerCodes'>): Buffer[] {
  const codes = [s.code, ...s.formerCodes].map(normalizeCode).filter((c) => c !== '');
  return [...new Set(codes)].map((c) => lookupHash(codec.keys, 'code', c));
}

function openSubject(codec: Codec, row: SubjectRow): SealedSubject {
  return row.sealed ? (JSON.parse(codec.cipher.open(row.sealed, subjectAad(row.id))) as SealedSubject) : {};
}

export function rowToSubject(codec: Codec, row: SubjectRow): Subject {
  return subjectFrom(row, openSubject(codec, row));
}

/**
 * The reader's side of a lookup: opens the subject's sealed blob once, and gathers the
 * facts of a person's records — from that blob, or (files written before the facts
 * moved there) from each record's own ciphertext, given as [record id, sealed] pairs.
 */
export function bundleWire(codec: Codec, row: SubjectRow, records: string, ownSealed: ReadonlyArray<readonly [string, Buffer]>): BundleWire {
  const sealed = openSubject(codec, row);
  let facts = sealed.records ?? null;
  for (const [id, blob] of ownSealed) (facts ??= {})[id] = JSON.parse(codec.cipher.open(blob, recordAad(id))) as SealedRecord;
  return { subject: subjectFrom(row, sealed), records, facts };
}

/** The caller's side of a lookup: the domain objects, records in display order. */
export function decodeBundle(wire: BundleWire): { subject: Subject; records: CreditRecord[] } {
  const tuples = JSON.parse(wire.records) as RecordTuple[];
  const rid = (t: RecordTuple): number => t[15];
  if (tuples.some((t, i) => i > 0 && rid(tuples[i - 1]!) > rid(t))) tuples.sort((a, b) => rid(a) - rid(b));
  return { subject: wire.subject, records: tuples.map((t) => tupleToRecord(t, wire.subject.id, wire.facts?.[t[0]])) };
}

/** A person's sealed blob without one record's facts (a record tombstone); null when there is nothing to remove. */
export function sealedWithoutRecord(codec: Codec, row: SubjectRow, recordId: string): Buffer | null {
  if (!row.sealed) return null;
  const sealed = openSubject(codec, row);
  if (!sealed.records || !(recordId in sealed.records)) return null;
  delete sealed.records[recordId];
  if (Object.keys(sealed.records).length === 0) delete sealed.records;
  return codec.cipher.seal(JSON.stringify(sealed), subjectAad(row.id));
}

function subjectFrom(row: SubjectRow, sealed: SealedSubject): Subject {
  const subject: Subject = {
    id: row.id,
    kind: row.kind,
    code: row.code ?? sealed.code ?? '',
    formerCodes: row.former_codes ? (JSON.parse(row.former_codes) as string[]) : (sealed.formerCodes ?? []),
    name: row.name ?? sealed.name ?? '',
  };
  const optional: Array<[keyof Subject, string | null | undefined]> = [
    ['legalRepresentative', sealed.legalRepresentative],
    ['entityType', row.entity_type],
    ['registeredCapital', row.registered_capital],
    ['establishedOn', row.established_on],
    ['address', row.address ?? sealed.address],
    ['registrationAuthority', row.registration_authority],
    ['registrationStatus', row.registration_status],
  ];
  for (const [key, value] of optional) if (value !== null && value !== undefined) (subject as unknown as Record<string, string>)[key] = value;
  return subject;
}

/** A record's row; a person's record keeps only its clear columns here (its facts are sealed with the subject). */
function recordToRow(r: CreditRecord, personal: boolean): Omit<RecordRow, 'rid' | 'sid'> {
  return {
    id: r.id,
    category: r.category,
    title: r.title,
    document_number: r.documentNumber ?? null,
    authority: r.authority ?? null,
    decision_date: r.decisionDate ?? null,
    valid_from: r.validFrom ?? null,
    valid_to: r.validTo ?? null,
    content: personal ? null : (r.content ?? null),
    severity: r.severity ?? null,
    status: r.status,
    disclosure_deadline: r.disclosureDeadline ?? null,
    source_department: r.sourceDepartment ?? null,
    data_version: r.dataVersion,
    fields: personal || Object.keys(r.fields).length === 0 ? null : JSON.stringify(r.fields),
    sealed: null,
  };
}

function tupleToRecord(t: RecordTuple, subjectId: string, sealed: SealedRecord | undefined): CreditRecord {
  const [id, category, title, documentNumber, authority, decisionDate, validFrom, validTo, clearContent, severity, status, disclosureDeadline, sourceDepartment, dataVersion, clearFields] = t;
  const record: CreditRecord = { id, subjectId, category, title, status, dataVersion, fields: sealed ? sealed.fields : (clearFields ?? {}) };
  // Plain assignments, not a table of pairs: this runs for every record of every lookup, and garbage is latency.
  if (documentNumber !== null) record.documentNumber = documentNumber;
  if (authority !== null) record.authority = authority;
  if (decisionDate !== null) record.decisionDate = decisionDate;
  if (validFrom !== null) record.validFrom = validFrom;
  if (validTo !== null) record.validTo = validTo;
  const content = sealed ? sealed.content : clearContent;
  if (content !== null && content !== undefined) record.content = content;
  if (severity !== null) record.severity = severity;
  if (disclosureDeadline !== null) record.disclosureDeadline = disclosureDeadline;
  if (sourceDepartment !== null) record.sourceDepartment = sourceDepartment;
  return record;
}
