// Subjects and records to rows and back. The one place that decides which fields
// are sealed: everything that could name a natural person (their code, name,
// address, former codes; a legal representative's name; the facts and fields of
// a person's records) goes into the encrypted 'sealed' column; organisations'
// public registration data stays in clear columns so it can be searched.
import type { CreditRecord, RecordCategory, RecordFieldValue, RecordStatus, Severity } from '../../common/domain/creditRecord';
import type { Subject, SubjectKind } from '../../common/domain/subject';
import { normalizeCode } from '../../common/codes/subjectCode';
import { normalizeName } from '../../common/search/nameSearchText';
import { lookupHash, type CacheKeys } from './cacheKeys';
import type { FieldCipher } from './fieldCipher';

/** A subject as the loaders hand it to the writer. */
export interface SubjectInput extends Subject {
  /** The legal representative's resident ID number, when the source has it: lets a card holder find the enterprises they represent. */
  legalRepresentativeIdNumber?: string;
}

export interface Codec {
  keys: CacheKeys;
  cipher: FieldCipher;
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

const subjectAad = (id: string): string => `subject:${id}`;
const recordAad = (id: string): string => `record:${id}`;

/** The subject's row (without sid) and the codes it answers to, hashed. */
export function subjectToRow(codec: Codec, s: SubjectInput, dataVersion: number): { row: Omit<SubjectRow, 'sid'>; codeHashes: Buffer[] } {
  const person = s.kind === 'natural-person';
  const codes = [s.code, ...s.formerCodes].map(normalizeCode).filter((c) => c !== '');
  const codeHashes = [...new Set(codes)].map((c) => lookupHash(codec.keys, 'code', c));
  const rep = s.legalRepresentative?.trim();
  const repId = s.legalRepresentativeIdNumber ? normalizeCode(s.legalRepresentativeIdNumber) : undefined;
  const personal = person
    ? { code: s.code, name: s.name, formerCodes: s.formerCodes, address: s.address, legalRepresentative: rep }
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

interface SealedSubject {
  code?: string;
  name?: string;
  formerCodes?: string[];
  address?: string;
  legalRepresentative?: string;
}

export function rowToSubject(codec: Codec, row: SubjectRow): Subject {
  const sealed: SealedSubject = row.sealed ? (JSON.parse(codec.cipher.open(row.sealed, subjectAad(row.id))) as SealedSubject) : {};
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

interface SealedRecord {
  content?: string;
  fields: Record<string, RecordFieldValue>;
}

export function recordToRow(codec: Codec, r: CreditRecord, sid: number, personal: boolean): Omit<RecordRow, 'rid'> {
  return {
    id: r.id,
    sid,
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
    sealed: personal ? codec.cipher.seal(JSON.stringify({ content: r.content, fields: r.fields } satisfies SealedRecord), recordAad(r.id)) : null,
  };
}

export function rowToRecord(codec: Codec, row: RecordRow, subjectId: string): CreditRecord {
  const sealed: SealedRecord | null = row.sealed ? (JSON.parse(codec.cipher.open(row.sealed, recordAad(row.id))) as SealedRecord) : null;
  const record: CreditRecord = {
    id: row.id,
    subjectId,
    category: row.category,
    title: row.title,
    status: row.status,
    dataVersion: row.data_version,
    fields: sealed ? sealed.fields : row.fields ? (JSON.parse(row.fields) as Record<string, RecordFieldValue>) : {},
  };
  const content = sealed ? sealed.content : row.content;
  const optional: Array<[keyof CreditRecord, string | null | undefined]> = [
    ['documentNumber', row.document_number],
    ['authority', row.authority],
    ['decisionDate', row.decision_date],
    ['validFrom', row.valid_from],
    ['validTo', row.valid_to],
    ['content', content],
    ['severity', row.severity],
    ['disclosureDeadline', row.disclosure_deadline],
    ['sourceDepartment', row.source_department],
  ];
  for (const [key, value] of optional) if (value !== null && value !== undefined) (record as unknown as Record<string, string>)[key] = value;
  return record;
}
