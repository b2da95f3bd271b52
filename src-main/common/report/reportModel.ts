// The public credit information report as data: what is printed, in order, before any
// layout. Built only from records the disclosure policy lets through, after the 2022
// national report standard (reference/credit-report.md). The PDF renderer draws this
// model and nothing else; the verification hash is taken over it.
import type { Provenance } from '../contract/views';
import type { Result } from '../contract/result';
import type { SignatureStrokes } from '../signature/signatureStrokes';
import { fail, ok } from '../contract/result';
import type { CreditRecord, RecordCategory } from '../domain/creditRecord';
import type { Subject } from '../domain/subject';
import { isPerson } from '../domain/subject';
import { countBySummaryCategory, SUMMARY_CATEGORIES, type SummaryCategory } from '../domain/summaryCategory';
import { DEFAULT_DISCLOSURE_POLICY, penaltyDeadline, publicVisibility, type DisclosurePolicy } from '../rules/disclosurePolicy';
import { DEFAULT_MASKING, maskIdNumber, type Audience, type MaskingRules } from '../rules/masking';
import { statusTagsOf } from '../rules/statusTags';
import { addMonths, isIsoDate } from '../time/isoDate';
import type { NoViolationConfig, NoViolationDomain } from './noViolationConfig';
import { civilTime, DEFAULT_UTC_OFFSET_MINUTES, isReportNumber } from './reportNumber';
import { CATEGORY_LABELS, REPORT_TEXTS as T, SUBJECT_KIND_LABELS, SUMMARY_LABELS } from './reportTexts';

export const REPORT_FORMAT = 'credit-kiosk-report/v1';

/** The 双公示 penalty fields the report prints beyond the common ones, by their data keys. */
export const PENALTY_FIELDS = {
  confiscated: '没收违法所得、没收非法财物的金额（万元）',
  licenceSuspended: '暂扣或吊销证照名称及编号',
  authorityCode: '处罚机关统一社会信用代码',
  sourceCode: '数据来源单位统一社会信用代码',
} as const;

export type ReportEdition = 'standard' | 'no-violation';
/** What a sealed document is: a report edition, the counter's check slip (核查单), an objection receipt (异议申请回执) or a signed credit commitment (信用承诺书), sealed and verified the same way. */
export type SealedEdition = ReportEdition | 'check-slip' | 'objection-receipt' | 'commitment';
export type ReportKind = 'legal-person' | 'natural-person';

export interface ReportField {
  label: string;
  value: string;
}
export interface ReportColumn {
  label: string;
  /** Relative width; the renderer shares the page width out in these proportions. */
  weight: number;
}
export type ReportBlock =
  | { kind: 'fields'; fields: ReportField[] }
  | { kind: 'table'; caption?: string; columns: ReportColumn[]; rows: string[][] }
  | { kind: 'paragraphs'; paragraphs: string[] }
  /** An empty section or table: prints 无. */
  | { kind: 'none'; caption?: string; text: string }
  /**
   * A signature: the strokes drawn on the screen (signature units, SIGNATURE_BOX), drawn
   * into the page as vector paths, or null where staff confirmed at the counter for a
   * person who cannot sign; the note says who signed and when.
   */
  | { kind: 'signature'; label: string; strokes: SignatureStrokes | null; note: string };

export interface ReportSection {
  id: string;
  /** 一 … 十 */
  number: string;
  title: string;
  blocks: ReportBlock[];
}

export interface NoViolationDomainResult {
  id: string;
  name: string;
  lookbackMonths: number;
  from: string;
  to: string;
  clean: boolean;
  recordIds: string[];
}

export interface ReportModel {
  format: typeof REPORT_FORMAT;
  kind: ReportKind;
  edition: SealedEdition;
  title: string;
  subtitle: string;
  reportNumber: string;
  /** Civil time of generation, as printed (yyyy-MM-dd HH:mm:ss). */
  generatedAt: string;
  /** The same instant in UTC (ISO 8601). */
  issuedAt: string;
  issuer: string;
  kioskId: string;
  header: ReportField[];
  subject: { name: string; code: string; kindLabel: string };
  statusTags: string[];
  notes: { title: string; paragraphs: string[] };
  summary: { title: string; items: Array<{ category: SummaryCategory; label: string; count: number }> } | null;
  sections: ReportSection[];
  noViolation: { basis: string; region: string; configVersion: string; domains: NoViolationDomainResult[] } | null;
  dataCutoff: string;
  provenance: Provenance;
  provenanceText: string;
  staleWarning: string | null;
  visibleRecords: number;
  /**
   * The verification service the QR points a phone at (the QR carries the offline seal
   * in its query). Part of the model, so it is covered by the seal like the content.
   */
  verifyUrl?: string;
}

export interface ReportInput {
  subject: Subject;
  records: readonly CreditRecord[];
  /** Who receives the report: a natural person's report goes to the subject only. */
  audience: Audience;
  edition: ReportEdition;
  generatedAt: Date;
  /** ISO date the disclosure policy is applied on. */
  today: string;
  reportNumber: string;
  issuer: string;
  kioskId: string;
  provenance: Provenance;
  /** Required for the no-violation edition: the domains config, optionally narrowed to some domains. */
  noViolationScope?: { config: NoViolationConfig; domainIds?: string[] };
  disclosurePolicy?: DisclosurePolicy;
  masking?: MaskingRules;
  utcOffsetMinutes?: number;
  /** The configured verification service's URL (absent: the QR carries the bare seal). */
  verifyUrl?: string;
  /**
   * The policy for a person's own report: true (the default) masks their ID number like
   * everywhere else; false prints it whole, for halls whose reports go to a body that
   * requires it. A report for anyone else is never issued for a person.
   */
  maskOwnIdNumber?: boolean;
}

export function buildReportModel(input: ReportInput): Result<ReportModel> {
  const person = isPerson(input.subject);
  if (person && input.audience !== 'subject') return fail('NOT_THE_SUBJECT', T.naturalPersonRefused);
  if (!isReportNumber(input.reportNumber)) return fail('INVALID_INPUT', `报告编号格式不正确 / malformed report number: ${input.reportNumber}`);
  if (!isIsoDate(input.today)) return fail('INVALID_INPUT', `日期格式不正确 / malformed date: ${input.today}`);
  if (input.edition === 'no-violation' && !input.noViolationScope) return fail('INVALID_INPUT', '无违法违规记录证明版需要领域配置 / the no-violation edition needs its domains config');

  const policy = input.disclosurePolicy ?? DEFAULT_DISCLOSURE_POLICY;
  // The one gate: nothing the policy hides reaches any part of the report.
  const visible = input.records
    .filter((r) => r.subjectId === input.subject.id && publicVisibility(r, input.today, policy).visible)
    .map((r) => withShownDeadline(r, policy))
    .sort(byDateThenId);

  const masking = input.masking ?? DEFAULT_MASKING;
  const masked = person && !(input.audience === 'subject' && input.maskOwnIdNumber === false);
  const code = masked ? maskIdNumber(input.subject.code, masking) : input.subject.code;
  const generated = civilTime(input.generatedAt, input.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES);
  const kind: ReportKind = person ? 'natural-person' : 'legal-person';
  const statusTags = person ? statusTagsOf({}, visible) : statusTagsOf(input.subject, visible);
  const editionLabel = input.edition === 'standard' ? T.editionStandard : T.editionNoViolation;

  let sections: ReportSection[];
  let noViolation: ReportModel['noViolation'] = null;
  if (input.edition === 'standard') {
    sections = standardSections(input.subject, code, person, visible);
  } else {
    const scope = input.noViolationScope!;
    const domains = selectDomains(scope.config, scope.domainIds);
    if (!domains.ok) return domains;
    const results = domains.value.map((d) => domainResult(d, scope.config, visible, input.today));
    noViolation = { basis: scope.config.basis, region: scope.config.region, configVersion: scope.config.version, domains: results };
    sections = noViolationSections(input.subject, code, person, scope.config, domains.value, results, visible);
  }

  const counts = countBySummaryCategory(visible);
  const provenance = input.provenance;
  const dataCutoff = provenance.source === 'cache' ? provenance.dataAsOf : provenance.askedAt;
  return ok({
    format: REPORT_FORMAT,
    kind,
    edition: input.edition,
    title: input.edition === 'standard' ? T.title : T.titleNoViolation,
    subtitle: `${person ? T.kindNaturalPerson : T.kindLegalPerson} ${T.standardVersion}`,
    reportNumber: input.reportNumber,
    generatedAt: generated.display,
    issuedAt: input.generatedAt.toISOString(),
    issuer: input.issuer,
    kioskId: input.kioskId,
    header: [
      { label: T.reportNumber, value: input.reportNumber },
      { label: T.generatedAt, value: generated.display },
      { label: T.issuer, value: input.issuer },
      { label: T.edition, value: editionLabel },
      { label: person ? T.personName : T.subjectName, value: input.subject.name },
      { label: person ? T.personCode : T.subjectCode, value: code },
      ...(statusTags.length > 0 ? [{ label: T.statusTags, value: statusTags.join(' / ') }] : []),
    ],
    subject: { name: input.subject.name, code, kindLabel: SUBJECT_KIND_LABELS[input.subject.kind] },
    statusTags,
    notes: { title: T.notesTitle, paragraphs: [...T.notes] },
    summary:
      input.edition === 'standard'
        ? { title: T.summaryTitle, items: SUMMARY_CATEGORIES.map((c) => ({ category: c, label: SUMMARY_LABELS[c], count: counts[c] })) }
        : null,
    sections,
    noViolation,
    dataCutoff,
    provenance,
    provenanceText: provenance.source === 'cache' ? T.provenanceCache(provenance.dataAsOf, provenance.dataVersion) : T.provenanceOnline(provenance.askedAt),
    staleWarning: provenance.source === 'cache' && provenance.stale ? T.staleWarning : null,
    visibleRecords: visible.length,
    ...(input.verifyUrl && { verifyUrl: input.verifyUrl }),
  });
}

// ---- standard edition ----------------------------------------------------------

function standardSections(subject: Subject, code: string, person: boolean, visible: CreditRecord[]): ReportSection[] {
  const of = (...categories: RecordCategory[]) => visible.filter((r) => categories.includes(r.category));
  const S = T.sections;
  const parts: Array<[string, string, ReportBlock[]]> = [
    ['registration', person ? S.personBasic : S.registration, [basicFields(subject, code, person)]],
    [
      'administration',
      S.administration,
      [
        table(T.tables.licences, LICENCE_COLUMNS, of('licence')),
        table(T.tables.penalties, PENALTY_COLUMNS, of('penalty')),
        table(T.tables.enforcement, ENFORCEMENT_COLUMNS, of('enforcement')),
        ...optionalTable(T.tables.adminOther, ADMIN_OTHER_COLUMNS, of('admin-other')),
      ],
    ],
    ['honours', S.honours, [table(undefined, HONOUR_COLUMNS, of('honour'))]],
    ['serious-dishonesty', S.seriousDishonesty, [table(undefined, DISHONESTY_COLUMNS, of('serious-dishonesty'))]],
    ['abnormal-operation', S.abnormalOperation, [table(undefined, ABNORMAL_COLUMNS, of('abnormal-operation'))]],
    ['commitments', S.commitments, [table(undefined, COMMITMENT_COLUMNS, of('commitment'))]],
    ['evaluations', S.evaluations, [table(undefined, EVALUATION_COLUMNS, of('evaluation'))]],
    ['judicial', S.judicial, [table(undefined, JUDICIAL_COLUMNS, of('judicial'))]],
    ['other', S.other, [table(undefined, OTHER_COLUMNS, of('qualification', 'watch-list', 'contract', 'compliance', 'intellectual-property', 'voluntary'))]],
    ['advice', S.advice, [{ kind: 'paragraphs', paragraphs: advice(visible) }]],
  ];
  return parts.map(([id, title, blocks], i) => ({ id, number: T.sectionNumbers[i] ?? String(i + 1), title, blocks: collapseEmpty(blocks) }));
}

/** A section whose every table is empty says 无 once rather than once per table. */
function collapseEmpty(blocks: ReportBlock[]): ReportBlock[] {
  if (blocks.length > 1 && blocks.every((b) => b.kind === 'none')) return [{ kind: 'none', text: T.none }];
  return blocks;
}

function basicFields(subject: Subject, code: string, person: boolean): ReportBlock {
  if (person) return { kind: 'fields', fields: [{ label: T.personFields.name, value: subject.name }, { label: T.personFields.code, value: code }] };
  const F = T.registrationFields;
  const fields: ReportField[] = [
    { label: F.name, value: subject.name },
    { label: F.code, value: code },
    ...(subject.formerCodes.length > 0 ? [{ label: F.formerCodes, value: subject.formerCodes.join('、') }] : []),
    { label: F.legalRepresentative, value: subject.legalRepresentative ?? '' },
    { label: F.entityType, value: subject.entityType ?? SUBJECT_KIND_LABELS[subject.kind] },
    { label: F.registeredCapital, value: subject.registeredCapital ?? '' },
    { label: F.establishedOn, value: subject.establishedOn ?? '' },
    { label: F.address, value: subject.address ?? '' },
    { label: F.registrationAuthority, value: subject.registrationAuthority ?? '' },
    { label: F.registrationStatus, value: subject.registrationStatus ?? '' },
  ];
  return { kind: 'fields', fields: fields.map((f) => ({ label: f.label, value: f.value === '' ? '—' : f.value })) };
}

function advice(visible: CreditRecord[]): string[] {
  const has = (c: RecordCategory) => visible.some((r) => r.category === c);
  const out: string[] = [];
  if (has('penalty') || has('enforcement')) out.push(T.advice.penalty);
  if (has('serious-dishonesty')) out.push(T.advice.seriousDishonesty);
  if (has('abnormal-operation')) out.push(T.advice.abnormal);
  if (visible.some((r) => r.category === 'commitment' && /违诺|未履/.test(String(r.fields['履约状态'] ?? '')))) out.push(T.advice.commitmentBroken);
  if (out.length === 0) out.push(T.advice.clean);
  out.push(T.advice.objection);
  return out;
}

// ---- no-violation edition ------------------------------------------------------

function selectDomains(config: NoViolationConfig, ids: string[] | undefined): Result<NoViolationDomain[]> {
  if (!ids) return ok(config.domains);
  const unknown = ids.filter((id) => !config.domains.some((d) => d.id === id));
  if (unknown.length > 0) return fail('INVALID_INPUT', `未知的查询领域 / unknown domains: ${unknown.join(', ')}`);
  return ok(config.domains.filter((d) => ids.includes(d.id)));
}

/** Whether a visible record is a violation in a domain, within its lookback period. */
export function isDomainViolation(record: CreditRecord, domain: NoViolationDomain, config: NoViolationConfig, today: string): boolean {
  const m = domain.match;
  if (!m.categories.includes(record.category) || !config.nationalScope.categories.includes(record.category)) return false;
  if (record.category === 'penalty' && record.severity === 'minor' && !config.nationalScope.includeSummaryProcedure) return false;
  // A record without a decision date cannot be shown to be outside the period: it counts.
  if (record.decisionDate && (record.decisionDate < addMonths(today, -domain.lookbackMonths) || record.decisionDate > today)) return false;
  if (m.any) return true;
  const hit = (text: string | undefined, keywords: string[]) => text !== undefined && keywords.some((k) => text.includes(k));
  return hit(record.authority, m.authorityKeywords) || hit(record.sourceDepartment, m.sourceDepartmentKeywords) || hit(record.title, m.titleKeywords);
}

function domainResult(domain: NoViolationDomain, config: NoViolationConfig, visible: CreditRecord[], today: string): NoViolationDomainResult {
  const found = visible.filter((r) => isDomainViolation(r, domain, config, today));
  return {
    id: domain.id,
    name: domain.name,
    lookbackMonths: domain.lookbackMonths,
    from: addMonths(today, -domain.lookbackMonths),
    to: today,
    clean: found.length === 0,
    recordIds: found.map((r) => r.id),
  };
}

function noViolationSections(
  subject: Subject,
  code: string,
  person: boolean,
  config: NoViolationConfig,
  domains: NoViolationDomain[],
  results: NoViolationDomainResult[],
  visible: CreditRecord[],
): ReportSection[] {
  const S = T.sections;
  const C = T.columns;
  const overview: ReportBlock = {
    kind: 'table',
    columns: [col(C.index, 0.6), col(C.domain, 2), col(C.period, 2.6), col(C.result, 2.4)],
    rows: results.map((r, i) => [String(i + 1), r.name, `${r.from} 至 ${r.to}`, r.clean ? T.noViolationClean : T.noViolationFoundVerdict(r.recordIds.length)]),
  };
  const foundBlocks: ReportBlock[] = results
    .filter((r) => !r.clean)
    .map((r) => {
      const records = visible.filter((v) => r.recordIds.includes(v.id));
      return table(T.noViolationDomainRecords(r.name), FOUND_COLUMNS, records);
    });
  void domains;
  const sections: Array<[string, string, ReportBlock[]]> = [
    ['registration', person ? S.personBasic : S.registration, [basicFields(subject, code, person)]],
    ['no-violation-result', S.noViolationResult, [{ kind: 'paragraphs', paragraphs: [T.noViolationIntro(config.region, config.basis)] }, overview]],
    ['no-violation-found', S.noViolationFound, foundBlocks.length > 0 ? foundBlocks : [{ kind: 'none', text: T.none }]],
  ];
  return sections.map(([id, title, blocks], i) => ({ id, number: T.sectionNumbers[i] ?? String(i + 1), title, blocks }));
}

/** A penalty's 公示截止期 as printed: the day it actually leaves display (capped by 令第36号). */
function withShownDeadline(r: CreditRecord, policy: DisclosurePolicy): CreditRecord {
  if (r.category !== 'penalty' || !r.disclosureDeadline) return r;
  const deadline = penaltyDeadline(r, policy);
  return deadline === r.disclosureDeadline || deadline === null ? r : { ...r, disclosureDeadline: deadline };
}

// ---- tables --------------------------------------------------------------------

type Cell = (r: CreditRecord) => string | number | null | undefined;
type ColumnSpec = [label: string, weight: number, cell: Cell];

const C = T.columns;
const field =
  (key: string, fallback?: Cell): Cell =>
  (r) =>
    r.fields[key] ?? (fallback ? fallback(r) : undefined);
/** A body's name with its 统一社会信用代码 on the line below, when the data has it. */
const withCode =
  (name: Cell, codeKey: string): Cell =>
  (r) => {
    const n = name(r);
    const code = r.fields[codeKey];
    return code ? `${n ?? ''}\n${code}` : n;
  };
const titled: Cell = (r) => (r.status === 'objection-pending' ? `${r.title}${T.objectionPending}` : r.title);

const LICENCE_COLUMNS: ColumnSpec[] = [
  [C.documentNumber, 1.6, (r) => r.documentNumber],
  [C.licenceName, 1.6, field('许可证书名称', titled)],
  [C.licenceCategory, 0.9, field('许可类别')],
  [C.licenceNumber, 1.3, field('许可编号')],
  [C.licenceContent, 2, (r) => r.content],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.validFrom, 1.3, (r) => r.validFrom],
  [C.validTo, 1.3, (r) => r.validTo],
  [C.licenceAuthority, 1.4, (r) => r.authority],
  [C.source, 1.4, (r) => r.sourceDepartment],
];
const PENALTY_COLUMNS: ColumnSpec[] = [
  [C.penaltyNumber, 1.6, (r) => r.documentNumber],
  [C.violationType, 1.4, titled],
  [C.violationFacts, 1.8, field('违法事实')],
  [C.penaltyBasis, 1.6, field('处罚依据')],
  [C.penaltyCategory, 0.9, field('处罚类别')],
  [C.penaltyContent, 1.5, (r) => r.content],
  [C.fineAmount, 0.9, field('罚款金额（万元）')],
  [C.confiscated, 0.9, field(PENALTY_FIELDS.confiscated)],
  [C.licenceSuspended, 1.1, field(PENALTY_FIELDS.licenceSuspended)],
  [C.penaltyDate, 1.3, (r) => r.decisionDate],
  [C.disclosureDeadline, 1.3, (r) => r.disclosureDeadline],
  [C.penaltyAuthority, 1.4, withCode((r) => r.authority, PENALTY_FIELDS.authorityCode)],
  [C.sourceUnit, 1.3, withCode((r) => r.sourceDepartment, PENALTY_FIELDS.sourceCode)],
];
const ENFORCEMENT_COLUMNS: ColumnSpec[] = [
  [C.documentNumber, 1.6, (r) => r.documentNumber],
  [C.name, 1.6, titled],
  [C.content, 2.4, (r) => r.content],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.authority, 1.5, (r) => r.authority],
  [C.source, 1.4, (r) => r.sourceDepartment],
];
const ADMIN_OTHER_COLUMNS: ColumnSpec[] = [
  [C.category, 1.2, field('类别')],
  [C.name, 1.6, titled],
  [C.documentNumber, 1.5, (r) => r.documentNumber],
  [C.content, 2.2, (r) => r.content],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.authority, 1.5, (r) => r.authority],
];
const HONOUR_COLUMNS: ColumnSpec[] = [
  [C.name, 2, titled],
  [C.category, 1.2, field('荣誉类型')],
  [C.authority, 1.6, (r) => r.authority],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.validTo, 1.3, (r) => r.validTo],
  [C.source, 1.5, (r) => r.sourceDepartment],
];
const DISHONESTY_COLUMNS: ColumnSpec[] = [
  [C.listName, 1.4, titled],
  [C.court, 1.4, field('执行法院', (r) => r.authority)],
  [C.caseNumber, 1.5, (r) => r.documentNumber],
  [C.filedOn, 1.3, field('立案时间')],
  [C.basisNumber, 1.5, field('执行依据文号')],
  [C.obligation, 1.6, field('义务', (r) => r.content)],
  [C.performance, 1.1, field('履行情况')],
  [C.dishonestyCircumstance, 1.6, field('失信具体情形')],
  [C.publishedOn, 1.3, (r) => r.decisionDate],
];
const ABNORMAL_COLUMNS: ColumnSpec[] = [
  [C.reason, 2.6, field('列入原因', titled)],
  [C.listedOn, 1.3, (r) => r.decisionDate],
  [C.authority, 1.8, (r) => r.authority],
  [C.source, 1.6, (r) => r.sourceDepartment],
];
const COMMITMENT_COLUMNS: ColumnSpec[] = [
  [C.commitmentType, 1.3, field('承诺类型', titled)],
  [C.commitmentCode, 1.4, (r) => r.documentNumber],
  [C.commitmentDate, 1.3, (r) => r.decisionDate],
  [C.acceptingUnit, 1.6, (r) => r.authority],
  [C.commitmentContent, 2.4, (r) => r.content ?? r.title],
  [C.commitmentStatus, 1, field('履约状态')],
];
const EVALUATION_COLUMNS: ColumnSpec[] = [
  [C.name, 2, titled],
  [C.grade, 1, field('评价结果', (r) => r.content)],
  [C.evaluator, 1.8, (r) => r.authority],
  [C.evaluatedOn, 1.3, (r) => r.decisionDate],
  [C.validTo, 1.3, (r) => r.validTo],
];
const JUDICIAL_COLUMNS: ColumnSpec[] = [
  [C.name, 1.8, titled],
  [C.caseNumber, 1.6, (r) => r.documentNumber],
  [C.authority, 1.6, (r) => r.authority],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.content, 2.4, (r) => r.content],
];
const OTHER_COLUMNS: ColumnSpec[] = [
  [C.category, 1.3, (r) => CATEGORY_LABELS[r.category]],
  [C.name, 1.8, titled],
  [C.documentNumber, 1.5, (r) => r.documentNumber],
  [C.authority, 1.6, (r) => r.authority],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.content, 2.2, (r) => r.content],
];
const FOUND_COLUMNS: ColumnSpec[] = [
  [C.category, 1.1, (r) => CATEGORY_LABELS[r.category]],
  [C.documentNumber, 1.6, (r) => r.documentNumber],
  [C.name, 1.6, titled],
  [C.content, 2.2, (r) => r.content],
  [C.decisionDate, 1.3, (r) => r.decisionDate],
  [C.authority, 1.6, (r) => r.authority],
];

function col(label: string, weight: number): ReportColumn {
  return { label, weight };
}

function table(caption: string | undefined, spec: ColumnSpec[], records: CreditRecord[]): ReportBlock {
  if (records.length === 0) return { kind: 'none', ...(caption !== undefined && { caption }), text: T.none };
  return {
    kind: 'table',
    ...(caption !== undefined && { caption }),
    columns: [col(C.index, 0.6), ...spec.map(([label, weight]) => col(label, weight))],
    rows: records.map((r, i) => [String(i + 1), ...spec.map(([, , cell]) => text(cell(r)))]),
  };
}

/** Tables that most subjects never have are left out when empty rather than printed as 无. */
function optionalTable(caption: string, spec: ColumnSpec[], records: CreditRecord[]): ReportBlock[] {
  return records.length === 0 ? [] : [table(caption, spec, records)];
}

/** A cell never outgrows a page: long texts are cut (the full record stays in the cache). */
const MAX_CELL_CHARS = 200;

function text(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const chars = Array.from(String(value));
  return chars.length > MAX_CELL_CHARS ? `${chars.slice(0, MAX_CELL_CHARS - 1).join('')}…` : chars.join('');
}

/** Newest first; the id breaks ties so the same records always print in the same order. */
function byDateThenId(a: CreditRecord, b: CreditRecord): number {
  const da = a.decisionDate ?? '';
  const db = b.decisionDate ?? '';
  if (da !== db) return da < db ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
