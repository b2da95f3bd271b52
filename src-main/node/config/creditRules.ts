// The configured credit rules as the pure rules take them: the disclosure policy
// (capped by 令第36号's periods) and the repair rules, both from config.disclosure.
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../common/rules/disclosurePolicy';
import { penaltyPeriods } from '../../common/rules/disclosurePeriods';
import type { RepairRules } from '../../common/rules/repairEligibility';
import type { KioskConfig } from './kioskConfig';

export function disclosurePolicyOf(config: Pick<KioskConfig, 'disclosure'>): DisclosurePolicy {
  return { ...DEFAULT_DISCLOSURE_POLICY, penaltyPeriods: penaltyPeriods(config.disclosure.penaltyPeriods) };
}

export function repairRulesOf(config: Pick<KioskConfig, 'disclosure'>): RepairRules {
  return { periods: penaltyPeriods(config.disclosure.penaltyPeriods), unrepairable: config.disclosure.unrepairable };
}
