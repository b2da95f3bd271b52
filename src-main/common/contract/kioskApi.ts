// KioskApi: the only door between screens and services (ARCHITECTURE.md, rule 2).
// Each method takes one input object, validated by its schema at the host boundary,
// and answers a Result. Adding a method: add its schema to KIOSK_INPUTS and its
// output type to KioskOutputs; both hosts and the preload pick it up from here.
import { z } from 'zod';
import type { KioskEventListener } from './events';
import type { Result } from './result';
import type { CreditSummary, DemoCardView, KioskInfo, KioskStatus, PrintJobView } from './views';

/** Session ids are opaque random tokens (base64url, 22+ characters). */
export const SessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'session id');

export const KIOSK_INPUTS = {
  getInfo: z.object({}).strict(),
  getStatus: z.object({}).strict(),
  lookupSelf: z.object({ sessionId: SessionId }).strict(),
  printReport: z.object({ sessionId: SessionId }).strict(),
  endSession: z.object({ sessionId: SessionId, reason: z.enum(['user', 'idle']) }).strict(),
  listDemoCards: z.object({}).strict(),
  placeDemoCard: z.object({ cardId: z.string().regex(/^[a-z0-9-]{1,40}$/) }).strict(),
  removeDemoCard: z.object({}).strict(),
} as const;

export type KioskMethod = keyof typeof KIOSK_INPUTS;
export type KioskInput<M extends KioskMethod> = z.infer<(typeof KIOSK_INPUTS)[M]>;

export interface KioskOutputs {
  getInfo: KioskInfo;
  getStatus: KioskStatus;
  lookupSelf: CreditSummary;
  printReport: PrintJobView;
  endSession: null;
  listDemoCards: DemoCardView[];
  placeDemoCard: null;
  removeDemoCard: null;
}

export type KioskMethods = { [M in KioskMethod]: (input: KioskInput<M>) => Promise<Result<KioskOutputs[M]>> };

export interface KioskApi extends KioskMethods {
  /** Subscribes to service events; returns the unsubscribe function. */
  subscribe(listener: KioskEventListener): () => void;
}

export const KIOSK_METHODS = Object.keys(KIOSK_INPUTS) as KioskMethod[];

export function isKioskMethod(name: unknown): name is KioskMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(KIOSK_INPUTS, name);
}
