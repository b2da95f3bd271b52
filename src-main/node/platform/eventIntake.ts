// What the platform checks before it stores anything from a kiosk: the body is JSON, the
// batch and each payload match the contract, and an audit anchor is signed by the posting
// kiosk's own registered key. The first failure refuses the whole batch with its code.
import { EventBatchSchema, PAYLOADS, type PlatformEvent } from '../../common/platform/platformEvents';
import { auditAnchorSignedBy } from './auditAnchorSeal';
import { PlatformRefusal } from './platformRefusal';

export function parseEventBatch(body: Buffer, kiosk: { kioskId: string; publicKeyPem: string | null }): PlatformEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new PlatformRefusal('INVALID_INPUT', '请求不是 JSON / the request body is not JSON');
  }
  const batch = EventBatchSchema.safeParse(json);
  if (!batch.success) {
    const issue = batch.error.issues[0]!;
    throw new PlatformRefusal('EVENTS_INVALID', `事件格式无效 / invalid events at ${issue.path.join('.') || '(body)'}: ${issue.message}`);
  }
  for (const e of batch.data.events) {
    const payload = PAYLOADS[e.type].safeParse(e.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0]!;
      throw new PlatformRefusal('EVENTS_INVALID', `事件内容无效 / invalid ${e.type} payload at ${issue.path.join('.') || '(payload)'}: ${issue.message}`, e.id);
    }
    // Without a registered key the anchor is kept unchecked: `audit verify` checks it against the kiosk's own key.
    if (e.type === 'audit-anchor' && kiosk.publicKeyPem !== null && !auditAnchorSignedBy(kiosk.kioskId, PAYLOADS['audit-anchor'].parse(e.payload), kiosk.publicKeyPem)) {
      throw new PlatformRefusal('ANCHOR_SIGNATURE_INVALID', `审计锚点签名无效或非本终端密钥 / the audit anchor is not signed by this kiosk's registered key`, e.id);
    }
  }
  return batch.data.events;
}
