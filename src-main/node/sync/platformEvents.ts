// The envelope the kiosk's first outbox (sync/outbox.ts) writes: {id, type, at, payload}
// without a stream seq. The platform now takes the contract's envelope
// (common/platform/platformEvents.ts); this stays only until the one outbox replaces it.
import { z } from 'zod';

export const OutboxEventSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    type: z.enum(['check-record', 'report-issued', 'objection']),
    at: z.string().max(40),
    payload: z.record(z.string().max(100), z.unknown()),
  })
  .strict();
export type OutboxEvent = z.infer<typeof OutboxEventSchema>;
