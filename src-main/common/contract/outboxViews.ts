// What the admin console (and the heartbeat) shows of the kiosk's one outbox: how much
// the platform has not yet received, since when, why, and whether that is an alarm
// (the platform unreachable for days, or the backlog past its threshold).

export interface OutboxStatusView {
  /** Events stored, not yet confirmed by the platform. */
  pending: number;
  /** When the oldest of them was stored (ISO), null when none. */
  oldestPendingAt: string | null;
  lastDeliveredAt: string | null;
  /** Why the last delivery failed (Chinese first), null after a success. */
  lastError: string | null;
  /** Whether a platform is configured to deliver to. */
  platformConfigured: boolean;
  /** The backlog passed its configured threshold (rows or age). */
  alarm: boolean;
  /** Chinese first; empty when no alarm. */
  alarmMessage: string;
}
