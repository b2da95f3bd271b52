// How a signed commitment comes back through sync: the platform records the event as the
// subject's 信用承诺 record, which the report's 信用承诺信息 table already prints by its
// fields (承诺类型, 承诺编码, 承诺日期, 受理单位, 承诺内容, 履约状态). The platform builds
// the record with this, so the kiosk's report and the platform read the event alike.
import type { CreditRecord } from '../domain/creditRecord';
import type { EventPayload } from '../platform/platformEvents';
import { civilTime } from '../report/reportNumber';

/** 履约状态 of a commitment the platform has not yet heard broken. */
export const COMMITMENT_IN_FORCE = '履约中';

export function commitmentRecordOf(payload: EventPayload<'commitment'>, subjectId: string, dataVersion: number): CreditRecord {
  const signedOn = civilTime(new Date(payload.signedAt)).date;
  return {
    id: `commitment-${payload.commitmentNumber}`,
    subjectId,
    category: 'commitment',
    title: payload.commitmentType,
    documentNumber: payload.commitmentNumber,
    authority: payload.acceptingUnit,
    decisionDate: signedOn,
    validFrom: signedOn,
    validTo: payload.validUntil,
    content: `${payload.commitmentType}信用承诺：${Object.values(payload.fields).join('；')}`,
    status: 'active',
    disclosureDeadline: payload.validUntil,
    dataVersion,
    fields: { 承诺类型: payload.commitmentType, 履约状态: COMMITMENT_IN_FORCE },
  };
}
