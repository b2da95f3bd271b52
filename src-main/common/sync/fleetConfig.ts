// Fleet configuration (issue 17.7) as a kiosk checks it: one signed file of the repository
// (fleet-config.json, metadataSchemas.FleetConfigSchema), signed by the keys the root trusts
// for the snapshot role, with its own version. Refused as metadata is refused — bad
// signature, unknown key, rollback, expiry — and applied only when newer than the applied one.
import type { Envelope, FleetConfig, Root } from './metadataSchemas';
import { checkSignatures, isExpired, SyncRefusal, type VerifySignature } from './trustRules';

export const MAX_FLEET_CONFIG_BYTES = 64 * 1024;

/** The fleet configuration to apply, or null when it is the one already applied. */
export function checkFleetConfig(envelope: Envelope<FleetConfig>, root: Root, appliedVersion: number, now: Date, verify: VerifySignature): FleetConfig | null {
  checkSignatures(envelope, root, 'snapshot', verify);
  const config = envelope.signed;
  if (config.version < appliedVersion) throw new SyncRefusal('SYNC_ROLLBACK', `fleet-config version ${config.version} < ${appliedVersion}`);
  if (config.version === appliedVersion) return null;
  if (isExpired(config.expires, now)) throw new SyncRefusal('SYNC_EXPIRED', `fleet-config v${config.version} expired ${config.expires}`);
  return config;
}
