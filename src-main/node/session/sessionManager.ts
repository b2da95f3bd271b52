// One card on the reader = one session. Sessions end when the card leaves, when the
// screen says so (user, idle), or at a hard limit here in the services; ending one
// wipes the card data it held, so nothing personal outlives it in memory.
import { randomBytes } from 'node:crypto';
import type { SessionEndReason } from '../../common/contract/events';
import type { SessionInfo } from '../../common/contract/views';
import { isCardExpired, type IdCard } from '../../common/domain/idCard';
import { maskIdNumber } from '../../common/rules/masking';
import { toIsoDate } from '../../common/time/isoDate';

export interface Session {
  readonly id: string;
  readonly startedAt: Date;
  card: IdCard;
  /** Answers computed for this session (summary, report), dropped with it. */
  memo: Map<string, unknown>;
}

export interface SessionManagerOptions {
  maxSessionMs: number;
  now: () => Date;
  onEnded: (sessionId: string, reason: SessionEndReason) => void;
}

export class SessionManager {
  private current: Session | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SessionManagerOptions) {}

  start(card: IdCard): SessionInfo {
    if (this.current) this.end(this.current.id, 'replaced');
    const session: Session = { id: randomBytes(16).toString('base64url'), startedAt: this.options.now(), card, memo: new Map() };
    this.current = session;
    this.timer = setTimeout(() => this.end(session.id, 'idle'), this.options.maxSessionMs);
    this.timer.unref?.();
    return this.info(session);
  }

  /** The live session with this id, or null (ended, replaced, never existed). */
  get(sessionId: string): Session | null {
    return this.current && this.current.id === sessionId ? this.current : null;
  }

  active(): SessionInfo | null {
    return this.current ? this.info(this.current) : null;
  }

  /** Ends the session if it is the live one; returns whether it was. */
  end(sessionId: string, reason: SessionEndReason): boolean {
    const session = this.current;
    if (!session || session.id !== sessionId) return false;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    wipe(session);
    this.options.onEnded(sessionId, reason);
    return true;
  }

  endAny(reason: SessionEndReason): void {
    if (this.current) this.end(this.current.id, reason);
  }

  private info(session: Session): SessionInfo {
    return {
      id: session.id,
      startedAt: session.startedAt.toISOString(),
      holder: {
        cardType: session.card.type,
        name: session.card.name || session.card.nameEn || '',
        idNumberMasked: maskIdNumber(session.card.idNumber),
        expired: isCardExpired(session.card, toIsoDate(this.options.now())),
      },
    };
  }
}

/** Overwrites what the session held: strings are immutable, so drop every reference we own. */
function wipe(session: Session): void {
  const card = session.card as unknown as Record<string, unknown>;
  for (const key of Object.keys(card)) card[key] = undefined;
  session.memo.clear();
}
