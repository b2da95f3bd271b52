// The screen follows the service's events, but a stream that connects late or drops
// loses some. The service's own word on its current session (in every status answer)
// then brings the screen back in line: a session it never heard of is shown, one that
// is over ends. Nothing is ever re-opened: a session id once seen is never started again.
import type { KioskEvent } from '../../src-main/common/contract/events';
import type { SessionInfo } from '../../src-main/common/contract/views';

export interface SessionCheck {
  /** The session the screen holds, if any. */
  shown: string | null;
  /** The service's current session, as its status answer gave it. */
  current: SessionInfo | null;
  /** Every session id the screen has met (from events or from an earlier check). */
  seen: ReadonlySet<string>;
  /** No event reached the screen while the status was asked for: the answer is not older than the screen. */
  quiet: boolean;
}

/** The event the screen missed, or null when it already shows what the service holds. */
export function missedSessionEvent({ shown, current, seen, quiet }: SessionCheck): KioskEvent | null {
  if (current && current.id !== shown && !seen.has(current.id)) return { type: 'card-inserted', session: current };
  if (shown && current?.id !== shown && quiet) return { type: 'session-ended', sessionId: shown, reason: 'replaced' };
  return null;
}
