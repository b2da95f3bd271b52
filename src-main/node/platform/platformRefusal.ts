// Why the platform refused a request, as the kiosk and an operator read it (Chinese first)
// and the HTTP status it travels with. A refused batch stores nothing.
export const REFUSAL_STATUS = {
  INVALID_INPUT: 400,
  EVENTS_INVALID: 400,
  UNAUTHORIZED: 401,
  KIOSK_MISMATCH: 403,
  UNKNOWN_KIOSK: 403,
  KIOSK_REVOKED: 403,
  NOT_FOUND: 404,
  REPORT_NOT_FOUND: 404,
  ANCHOR_NOT_FOUND: 404,
  SUBJECT_NOT_FOUND: 404,
  EVENT_CONFLICT: 409,
  REPORT_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ANCHOR_SIGNATURE_INVALID: 422,
  ONLINE_UNAVAILABLE: 503,
  STORE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type RefusalCode = keyof typeof REFUSAL_STATUS;

export class PlatformRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** The event the refusal is about, when one is. */
    readonly eventId?: string,
  ) {
    super(message);
    this.name = 'PlatformRefusal';
  }

  get status(): number {
    return REFUSAL_STATUS[this.code];
  }

  toJSON(): { error: { code: RefusalCode; message: string; eventId?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.eventId !== undefined && { eventId: this.eventId }) } };
  }
}
