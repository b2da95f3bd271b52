// KioskApi: the only door between screens and services (ARCHITECTURE.md, rule 2).
// Each method takes one input object, validated by its schema at the host boundary,
// and answers a Result. Methods are grouped by area (self-service, demo, staff,
// admin, sync), each in its own file: add a method there (schema + output type),
// then list it in the Electron preload (the compiler checks that list).
import type { z } from 'zod';
import type { KioskEventListener } from './events';
import type { Result } from './result';
import { ADMIN_INPUTS, type AdminOutputs } from './adminApi';
import { STAFF_INPUTS, type StaffOutputs } from './staffApi';
import { SYNC_INPUTS, type SyncOutputs } from './syncApi';
import { FACE_INPUTS, type FaceOutputs } from './faceApi';
import { DEMO_INPUTS, SELF_SERVICE_INPUTS, type DemoOutputs, type SelfServiceOutputs } from './selfServiceApi';
import { CITIZEN_INPUTS, type CitizenOutputs } from './citizenApi';
import { COMMITMENT_INPUTS, type CommitmentOutputs } from './commitmentApi';
import { REPAIR_INPUTS, type RepairOutputs } from './repairApi';

export { SessionId } from './selfServiceApi';

export const KIOSK_INPUTS = { ...SELF_SERVICE_INPUTS, ...DEMO_INPUTS, ...SYNC_INPUTS, ...STAFF_INPUTS, ...ADMIN_INPUTS, ...CITIZEN_INPUTS, ...COMMITMENT_INPUTS, ...FACE_INPUTS, ...REPAIR_INPUTS } as const;

export interface KioskOutputs extends SelfServiceOutputs, DemoOutputs, SyncOutputs, StaffOutputs, AdminOutputs, CitizenOutputs, CommitmentOutputs, FaceOutputs, RepairOutputs {}

export type KioskMethod = keyof typeof KIOSK_INPUTS & keyof KioskOutputs;
export type KioskInput<M extends KioskMethod> = z.infer<(typeof KIOSK_INPUTS)[M]>;

export type KioskMethods = { [M in KioskMethod]: (input: KioskInput<M>) => Promise<Result<KioskOutputs[M]>> };

/** The methods of one area (its schemas' keys), as a service implements them. */
export type AreaMethods<Inputs extends Partial<typeof KIOSK_INPUTS>> = Pick<KioskMethods, keyof Inputs & KioskMethod>;

export type SelfServiceMethods = AreaMethods<typeof SELF_SERVICE_INPUTS & typeof DEMO_INPUTS>;
export type SyncMethods = AreaMethods<typeof SYNC_INPUTS>;
export type AdminMethods = AreaMethods<typeof ADMIN_INPUTS>;
export type CitizenMethods = AreaMethods<typeof CITIZEN_INPUTS>;
export type CommitmentMethods = AreaMethods<typeof COMMITMENT_INPUTS>;
export type FaceMethods = AreaMethods<typeof FACE_INPUTS>;
export type RepairMethods = AreaMethods<typeof REPAIR_INPUTS>;

export interface KioskApi extends KioskMethods {
  /**
   * Subscribes to service events; returns the unsubscribe function. `onOpen` runs each
   * time the event stream is (re)connected: events before it were not seen, so a screen
   * re-reads the state it shows there instead of trusting it saw every event.
   */
  subscribe(listener: KioskEventListener, onOpen?: () => void): () => void;
}

export const KIOSK_METHODS = Object.keys(KIOSK_INPUTS) as KioskMethod[];

export function isKioskMethod(name: unknown): name is KioskMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(KIOSK_INPUTS, name);
}
