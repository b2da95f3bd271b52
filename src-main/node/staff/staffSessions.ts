// Signed-in staff: opaque tokens in memory only (a restart signs everyone out), each
// ended after its idle time without a call. The clock is injected so tests need no waiting.
import { randomBytes } from 'node:crypto';
import type { StaffRole } from '../../common/staff/roles';

export interface StaffSession {
  token: string;
  staffNo: string;
  name: string;
  role: StaffRole;
  startedAt: Date;
  lastActive: Date;
  /** Inactivity after which this session ends (an admin-console session has a shorter one). */
  idleMs: number;
}

export type SignOutReason = 'idle' | 'user' | 'deactivated';

export class StaffSessions {
  private readonly sessions = new Map<string, StaffSession>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly options: { idleMs: number; now: () => Date; onEnded: (session: StaffSession, reason: SignOutReason) => void; sweepMs?: number },
  ) {
    if (options.sweepMs !== 0) {
      // Sign idle sessions out even when no call arrives, so the screen hears of it.
      this.timer = setInterval(() => this.sweep(), options.sweepMs ?? 15_000);
      this.timer.unref?.();
    }
  }

  start(account: { staffNo: string; name: string; role: StaffRole }, idleMs = this.options.idleMs): StaffSession {
    const at = this.options.now();
    const session: StaffSession = { token: randomBytes(24).toString('base64url'), ...account, startedAt: at, lastActive: at, idleMs };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, its idle clock reset; null when unknown or idle too long. */
  touch(token: string): StaffSession | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.options.now();
    if (now.getTime() - session.lastActive.getTime() > session.idleMs) {
      this.end(token, 'idle');
      return null;
    }
    session.lastActive = now;
    return session;
  }

  end(token: string, reason: SignOutReason): boolean {
    const session = this.sessions.get(token);
    if (!session) return false;
    this.sessions.delete(token);
    this.options.onEnded(session, reason);
    return true;
  }

  /** Ends every session of one staff member (deactivated, role changed). */
  endStaff(staffNo: string, reason: SignOutReason): void {
    for (const [token, s] of [...this.sessions]) if (s.staffNo === staffNo) this.end(token, reason);
  }

  sweep(): void {
    const now = this.options.now().getTime();
    for (const [token, s] of [...this.sessions]) if (now - s.lastActive.getTime() > s.idleMs) this.end(token, 'idle');
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sessions.clear();
  }
}
