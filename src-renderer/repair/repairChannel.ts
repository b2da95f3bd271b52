// Where a repair journey files to: the self-service session (the holder or the enterprise
// they represent) or the counter (the card holder on the counter's reader, behind the
// staff token). The journey's screens are the same; only these calls differ.
import type { KioskApi } from '../../src-main/common/contract/kioskApi';
import type { RepairApplicationView, RepairCheckView, RepairReceiptView } from '../../src-main/common/contract/repairApi';
import type { Result } from '../../src-main/common/contract/result';
import type { FileView } from '../../src-main/common/contract/staffViews';
import type { ChosenFields } from '../../src-main/common/commitment/commitmentCatalogue';
import type { SignatureStrokes } from '../../src-main/common/signature/signatureStrokes';

export type RepairSignature = { kind: 'drawn'; strokes: SignatureStrokes } | { kind: 'staff-confirmed' };

export interface RepairFiling {
  recordId: string;
  fields: ChosenFields;
  signature: RepairSignature;
  phone: string;
  photos: Array<{ material: string; jpeg: string }>;
}

export type RepairFiled = { submitted: true; receipt: RepairReceiptView; file?: FileView } | { submitted: false; check: Exclude<RepairCheckView, { allowed: true }> };

export interface RepairChannel {
  list(): Promise<Result<RepairApplicationView[]>>;
  check(recordId: string): Promise<Result<RepairCheckView>>;
  submit(filing: RepairFiling): Promise<Result<RepairFiled>>;
  cameraStep(open: boolean): Promise<Result<{ open: boolean }>>;
  /** At the counter a staff member may confirm for a person who cannot sign (recorded). */
  staffMayConfirm: boolean;
}

export function kioskRepairChannel(api: KioskApi, sessionId: string, uscc?: string): RepairChannel {
  const who = uscc === undefined ? { sessionId } : { sessionId, uscc };
  return {
    list: () => api.repairList(who),
    check: (recordId) => api.repairCheck({ ...who, recordId }),
    // The kiosk never offers staff confirmation: a signature is always drawn there.
    submit: ({ signature, ...rest }) => api.repairSubmit({ ...who, ...rest, strokes: signature.kind === 'drawn' ? signature.strokes : [] }),
    cameraStep: (open) => api.repairCameraStep({ sessionId, open }),
    staffMayConfirm: false,
  };
}

export function counterRepairChannel(api: KioskApi, token: string): RepairChannel {
  return {
    list: async () => {
      const r = await api.repairCounterApplicant({ token });
      return r.ok ? { ok: true, value: r.value.applications } : r;
    },
    check: (recordId) => api.repairCounterCheck({ token, recordId }),
    submit: (filing) => api.repairCounterSubmit({ token, ...filing }),
    cameraStep: (open) => api.repairCounterCameraStep({ token, open }),
    staffMayConfirm: true,
  };
}
