// What the fleet view shows, as the platform's /v1/fleet API answers it (operator sign-in
// required). Derived from the kiosks' own events: the latest heartbeat per kiosk, the
// usage-daily events, the config acknowledgements.

export interface KioskStatusView {
  kioskId: string;
  lastHeartbeatAt: string | null;
  appVersion: string | null;
  dataVersion: number | null;
  dataAsOf: string | null;
  reader: 'ok' | 'absent' | 'error' | null;
  printer: 'ok' | 'warning' | 'stopped' | 'absent' | null;
  outboxBacklog: number | null;
  /** Fleet configuration: the newest published version, and what this kiosk acknowledged. */
  configVersion: number | null;
  configAck: { version: number; result: 'applied' | 'refused'; at: string } | null;
  /** Today's use, summed over functions (the platform's local day). */
  usedToday: number;
}

export interface UsageRowView {
  day: string;
  kioskId: string;
  fn: string;
  staffId: string | null;
  count: number;
}

/** A counter check and its decision (核查留痕 and 联合奖惩反馈): the subject masked, never its code. */
export interface CheckFeedbackView {
  kioskId: string;
  checkId: string;
  /** From the check record; null while only the decision has arrived. */
  itemCode: string | null;
  subject: { kind: 'person' | 'enterprise'; maskedCode: string } | null;
  hits: number | null;
  staffId: string;
  checkedAt: string | null;
  /** From the decision; null while the check awaits one. */
  decision: string | null;
  measuresApplied: string[];
  decidedAt: string | null;
}

/** A report in the platform's registry as a kiosk registered it. */
export interface IssuedReportView {
  kioskId: string;
  reportNumber: string;
  edition: string;
  subject: { kind: 'person' | 'enterprise'; maskedCode: string };
  issuedAt: string;
  receivedAt: string;
}
