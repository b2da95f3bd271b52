// One check, computed: the subject as staff may see it, every hit visible today, and
// the measures and incentives of the chosen item that those hits bring. Shared by the
// single check and the batch so both decide alike.
import type { CheckResultView, HitView, IncentiveView, MeasureView } from '../../common/contract/staffViews';
import type { RecordView, SubjectView } from '../../common/contract/views';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isPerson, type Subject } from '../../common/domain/subject';
import type { DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { maskAddress, maskIdNumber } from '../../common/rules/masking';
import { statusTagsOf } from '../../common/rules/statusTags';
import { applicableTo, type Applicable } from '../../common/staff/applicable';
import type { BusinessItem, Catalogue, Incentive, Measure } from '../../common/staff/catalogue';
import { hitsOf, type Hit, type HitRecord } from '../../common/staff/hits';

export interface CheckComputation {
  hits: Array<Hit<CreditRecord>>;
  applicable: Applicable;
  statusTags: string[];
}

export function computeCheck(subject: Subject, records: readonly CreditRecord[], item: BusinessItem, catalogue: Catalogue, today: string, policy?: DisclosurePolicy): CheckComputation {
  const { hits, applicable } = decideHits(records, item, catalogue, today, policy);
  return { hits, applicable, statusTags: statusTagsOf(subject, hits.map((h) => h.record)) };
}

/** The decision itself — hits and what they bring for the item — from no more than what decides a hit (the batch's hits-only records). */
export function decideHits<R extends HitRecord>(records: readonly R[], item: BusinessItem, catalogue: Catalogue, today: string, policy?: DisclosurePolicy): { hits: Array<Hit<R>>; applicable: Applicable } {
  const hits = hitsOf(records, today, policy);
  return { hits, applicable: applicableTo(item, catalogue, hits.map((h) => h.kind)) };
}

/** A subject for a staff screen: a person's ID number masked, their address cut to the district. */
export function staffSubjectView(subject: Subject): SubjectView {
  const { formerCodes: _f, ...rest } = subject;
  if (!isPerson(subject)) return { ...rest, codeMasked: false };
  return { ...rest, code: maskIdNumber(subject.code), ...(subject.address !== undefined && { address: maskAddress(subject.address) }), codeMasked: true };
}

export function recordView(record: CreditRecord): RecordView {
  const { subjectId: _s, dataVersion: _v, ...view } = record;
  return view;
}

export function measureView(m: Measure, triggeredBy: MeasureView['triggeredBy']): MeasureView {
  return {
    id: m.id,
    type: m.type,
    scope: m.scope,
    ...(m.listNumber !== undefined && { listNumber: m.listNumber }),
    name: m.name,
    measure: m.measure,
    legalBasis: m.legalBasis,
    implementingBody: m.implementingBody,
    target: m.target,
    triggeredBy,
  };
}

export function incentiveView(i: Incentive): IncentiveView {
  return { id: i.id, name: i.name, measure: i.measure, legalBasis: i.legalBasis, implementingBody: i.implementingBody, target: i.target };
}

export function checkView(
  base: Pick<CheckResultView, 'checkId' | 'checkedAt' | 'provenance' | 'catalogueVersion'>,
  subject: Subject,
  item: BusinessItem,
  computed: CheckComputation,
): CheckResultView {
  const hits: HitView[] = computed.hits.map((h) => ({ kind: h.kind, record: recordView(h.record) }));
  return {
    ...base,
    item: { id: item.id, name: item.name },
    subject: staffSubjectView(subject),
    hits,
    measures: computed.applicable.measures.map((m) => measureView(m.measure, m.triggeredBy)),
    incentives: computed.applicable.incentives.map(incentiveView),
    verdict: computed.applicable.verdict,
    statusTags: computed.statusTags,
  };
}
