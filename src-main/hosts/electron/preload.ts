// Sandboxed preload: exposes exactly one global, window.kiosk, shaped as KioskApi.
// Only contextBridge and ipcRenderer; the renderer never sees ipcRenderer itself
// nor an IpcRendererEvent (whose sender could be used to send on any channel).
//
// A sandboxed preload can require only 'electron' and a few built-ins, so this file
// imports types alone from the contract (KIOSK_METHODS would pull in zod). The
// method list below is checked against the contract by the compiler: a method
// added to KIOSK_INPUTS and not listed here fails `tsc`, as does a stray one.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { KioskEvent, KioskEventListener } from '../../common/contract/events';
import type { KioskApi, KioskMethod } from '../../common/contract/kioskApi';
import { KIOSK_CALL_CHANNEL, KIOSK_EVENT_CHANNEL } from './channels';

const METHODS = {
  getInfo: true,
  getAdminOverview: true,
  listImportMedia: true,
  adminAction: true,
  getStatus: true,
  lookupSelf: true,
  listMyEnterprises: true,
  lookupEnterprise: true,
  previewReport: true,
  printReport: true,
  endSession: true,
  listDemoCards: true,
  placeDemoCard: true,
  removeDemoCard: true,
  setDemoReader: true,
  setDemoReadFault: true,
  getSyncStatus: true,
  signIn: true,
  signOut: true,
  staffSession: true,
  listBusinessItems: true,
  searchSubjects: true,
  checkSubject: true,
  recordDecision: true,
  printCheckSlip: true,
  startBatchCheck: true,
  getBatchResult: true,
  exportBatch: true,
  getStats: true,
  exportStats: true,
  manageStaff: true,
  objectionOptions: true,
  objectionCheck: true,
  objectionSubmit: true,
  objectionList: true,
  verifyReportCode: true,
  listCommitmentKinds: true,
  signCommitment: true,
  signCommitmentAtCounter: true,
  faceCheckStatus: true,
  beginFaceCheck: true,
  submitFaceAttempt: true,
  endFaceCheck: true,
  repairCheck: true,
  repairSubmit: true,
  repairList: true,
  repairCameraStep: true,
  repairLookup: true,
  repairCounterApplicant: true,
  repairCounterCheck: true,
  repairCounterSubmit: true,
  repairCounterCameraStep: true,
} as const satisfies Record<KioskMethod, true>;

export const PRELOAD_METHODS = Object.keys(METHODS) as KioskMethod[];

export function buildKioskBridge(ipc: Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>): KioskApi {
  const api: Record<string, unknown> = {};
  for (const method of PRELOAD_METHODS) {
    // Input is passed as given: the main process validates it against the schema.
    api[method] = (input: unknown) => ipc.invoke(KIOSK_CALL_CHANNEL, method, input);
  }
  api.subscribe = (listener: KioskEventListener, onOpen?: () => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('kiosk.subscribe needs a function');
    if (onOpen !== undefined && typeof onOpen !== 'function') throw new TypeError('kiosk.subscribe: onOpen must be a function');
    const handler = (_event: IpcRendererEvent, payload: KioskEvent): void => listener(payload);
    ipc.on(KIOSK_EVENT_CHANNEL, handler);
    // IPC delivers from now on: whatever happened before is for the screen to re-read.
    if (onOpen) queueMicrotask(onOpen);
    return () => {
      ipc.removeListener(KIOSK_EVENT_CHANNEL, handler);
    };
  };
  return Object.freeze(api) as unknown as KioskApi;
}

contextBridge.exposeInMainWorld('kiosk', buildKioskBridge(ipcRenderer));
