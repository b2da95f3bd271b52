// Fleet configuration (issue 17.7): the settings an operator sets for many kiosks at once,
// as one signed file of the repository (fleet-config.json), signed by the keys the root
// trusts for the snapshot role, with its own version. A kiosk refuses it as it refuses
// metadata — bad signature, unknown key, rollback, expiry — and applies only a newer one.
import { z } from 'zod';
import { EnvelopeSchema, SPEC_VERSION, TimestampSchema, type Envelope, type Root } from './metadataSchemas';
import { checkSignatures, isExpired, SyncRefusal, type VerifySignature } from './trustRules';

/** Only these keys of the kiosk's config travel; the kiosk validates the result as its own config. */
export const FleetSettingsSchema = z
  .object({
    /** Idle times of the self-service session. */
    session: z.object({ idleSeconds: z.number().int(), countdownSeconds: z.number().int(), maxSessionSeconds: z.number().int() }).partial().strict().optional(),
    /** The admin console's idle sign-out. */
    adminConsole: z.object({ idleSeconds: z.number().int() }).partial().strict().optional(),
    /** Free report prints per subject and day (0: no limit). */
    printQuotaPerDay: z.number().int().optional(),
    /** The issuer named on reports and screens. */
    issuer: z.string().min(1).max(100).optional(),
    /** Disclosure policy: a person's own report masks their ID number. */
    report: z.object({ maskOwnIdNumber: z.boolean() }).partial().strict().optional(),
    /** How old data may be before the kiosk calls it stale. */
    freshness: z.object({ maxDataAgeHours: z.number().positive() }).partial().strict().optional(),
  })
  .strict();
export type FleetSettings = z.infer<typeof FleetSettingsSchema>;

export const FleetConfigSchema = z
  .object({
    _type: z.literal('fleet-config'),
    spec: z.literal(SPEC_VERSION),
    version: TimestampSchema.shape.version,
    expires: TimestampSchema.shape.expires,
    settings: FleetSettingsSchema,
  })
  .strict();
export type FleetConfig = z.infer<typeof FleetConfigSchema>;

export const MAX_FLEET_CONFIG_BYTES = 64 * 1024;

export function parseFleetConfig(bytes: Uint8Array): Envelope<FleetConfig> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new SyncRefusal('SYNC_BAD_METADATA', 'fleet-config: not UTF-8 JSON');
  }
  const envelope = EnvelopeSchema.safeParse(json);
  const signed = envelope.success ? FleetConfigSchema.safeParse(envelope.data.signed) : null;
  if (!envelope.success || !signed?.success) {
    const issue = (envelope.success ? signed?.error?.issues : envelope.error.issues)?.[0];
    throw new SyncRefusal('SYNC_BAD_METADATA', `fleet-config: ${issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return { signed: signed.data, signatures: envelope.data.signatures };
}

/**
 * The fleet configuration to apply, or null when it is the one already applied. Signed by
 * the snapshot role's keys; a lower version than the applied one is a rollback.
 */
export function checkFleetConfig(envelope: Envelope<FleetConfig>, root: Root, appliedVersion: number, now: Date, verify: VerifySignature): FleetConfig | null {
  checkSignatures(envelope, root, 'snapshot', verify);
  const config = envelope.signed;
  if (config.version < appliedVersion) throw new SyncRefusal('SYNC_ROLLBACK', `fleet-config version ${config.version} < ${appliedVersion}`);
  if (config.version === appliedVersion) return null;
  if (isExpired(config.expires, now)) throw new SyncRefusal('SYNC_EXPIRED', `fleet-config v${config.version} expired ${config.expires}`);
  return config;
}
