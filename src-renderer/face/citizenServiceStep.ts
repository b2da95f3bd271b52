// Before a citizen service opens (objection, commitment, repair): the services gate it on
// the policy's 'citizen-service' face check, which the summary's step ('self' or
// 'enterprise') does not pass when policy skips those. So the services are asked whether
// that check is still due, and the journey runs the step for it first where it is.
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { CitizenService, KioskAction } from '../state/kioskState';

const OPEN_SERVICE = { objection: 'open-objection', commitment: 'open-commitment', repair: 'open-repair' } as const satisfies Record<CitizenService, KioskAction['type']>;

/** The journey's next action for a citizen service asked for from the summary. */
export async function citizenServiceAction(api: Pick<KioskApi, 'faceCheckStatus'>, sessionId: string, then: CitizenService): Promise<KioskAction> {
  const r = await api.faceCheckStatus({ sessionId, fn: 'citizen-service' });
  if (!r.ok) return { type: 'failed', sessionId, code: r.error.code };
  // Passed already (for the summary, one check per session) or not asked for: straight in.
  // Due with no tries left: the step itself sends the person to the counter with the reason.
  return r.value.required && !r.value.passed ? { type: 'face-first', sessionId, then } : { type: OPEN_SERVICE[then] };
}
