// Which measures and incentives apply to THIS business item given the hits: a
// measure applies when the item lists it and one of its triggers was hit
// (禁止不当联结: no measure without a listed link between failure and item).
import type { BusinessItem, Catalogue, Incentive, Measure } from './catalogue';
import { NEGATIVE_HIT_KINDS, type HitKind } from './hits';

export interface Applicable {
  measures: Array<{ measure: Measure; triggeredBy: HitKind[] }>;
  incentives: Incentive[];
  verdict: Verdict;
}

/** punish: measures apply; incentive: incentives only; attention: negative hits but no measure listed for this item; clear: nothing. */
export type Verdict = 'punish' | 'incentive' | 'attention' | 'clear';

export function applicableTo(item: BusinessItem, catalogue: Pick<Catalogue, 'measures' | 'incentives'>, hitKinds: Iterable<HitKind>): Applicable {
  const kinds = new Set(hitKinds);
  const negative = [...kinds].some((k) => NEGATIVE_HIT_KINDS.has(k));
  const byId = new Map(catalogue.measures.map((m) => [m.id, m]));
  const measures: Applicable['measures'] = [];
  for (const id of item.measures) {
    const measure = byId.get(id);
    if (!measure) continue;
    const triggeredBy = measure.triggeredBy.filter((k) => kinds.has(k));
    if (triggeredBy.length > 0) measures.push({ measure, triggeredBy });
  }
  const incentiveById = new Map(catalogue.incentives.map((i) => [i.id, i]));
  // A subject under any punishment list gets no incentive, whatever its honours.
  const incentives = negative
    ? []
    : item.incentives
        .map((id) => incentiveById.get(id))
        .filter((i): i is Incentive => i !== undefined)
        .filter((i) => (kinds.has('red-list') && i.grantedOn.includes('red-list')) || i.grantedOn.includes('clean'));
  const verdict: Verdict = measures.length > 0 ? 'punish' : negative ? 'attention' : kinds.has('red-list') && incentives.length > 0 ? 'incentive' : 'clear';
  return { measures, incentives, verdict };
}
