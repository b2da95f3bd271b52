// The repository's signed metadata (after TUF: root, timestamp, snapshot) as
// schemas. Every outside byte passes one of these before any field is trusted.
// `.strict()` so an unexpected field is a refusal, not something silently ignored.
import { z } from 'zod';

export const SPEC_VERSION = 'credit-kiosk-sync/1';

const Hex = (bytes?: number) => (bytes ? z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`)) : z.string().regex(/^(?:[0-9a-f]{2})+$/));
const Version = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const Length = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** ISO 8601 UTC with seconds, as the publisher writes it. */
const Instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/).refine((s) => Number.isFinite(Date.parse(s)), 'instant');

export const KEY_TYPES = ['ed25519', 'sm2'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const PublicKeySchema = z.discriminatedUnion('keytype', [
  z.object({ keytype: z.literal('ed25519'), scheme: z.literal('ed25519'), keyval: z.object({ public: Hex(32) }).strict() }).strict(),
  // Uncompressed point 04||x||y; signatures are SM2 over SM3 with the default user id (GM/T 0009).
  z.object({ keytype: z.literal('sm2'), scheme: z.literal('sm2-sm3'), keyval: z.object({ public: z.string().regex(/^04[0-9a-f]{128}$/) }).strict() }).strict(),
]);
export type PublicKey = z.infer<typeof PublicKeySchema>;

const KeyId = Hex(32);
const Role = z.object({ keyids: z.array(KeyId).min(1).max(16), threshold: z.number().int().min(1).max(16) }).strict();

export const ROLE_NAMES = ['root', 'timestamp', 'snapshot'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

export const RootSchema = z
  .object({
    _type: z.literal('root'),
    spec: z.literal(SPEC_VERSION),
    version: Version,
    expires: Instant,
    keys: z.record(KeyId, PublicKeySchema).refine((k) => Object.keys(k).length <= 64, 'too many keys'),
    roles: z.object({ root: Role, timestamp: Role, snapshot: Role }).strict(),
  })
  .strict();
export type Root = z.infer<typeof RootSchema>;

export const TimestampSchema = z
  .object({
    _type: z.literal('timestamp'),
    spec: z.literal(SPEC_VERSION),
    version: Version,
    expires: Instant,
    snapshot: z.object({ version: Version, length: Length, sha256: Hex(32) }).strict(),
  })
  .strict();
export type Timestamp = z.infer<typeof TimestampSchema>;

export const PackageEntrySchema = z
  .object({
    /** File name under packages/, itself starting with the file's sha256 (consistent snapshots). */
    name: z.string().regex(/^[0-9a-f]{64}\.(?:full-v\d{1,15}|delta-v\d{1,15}-v\d{1,15})\.ndjson\.gz$/),
    kind: z.enum(['full', 'delta']),
    /** A delta applies only onto exactly this data version. */
    baseVersion: Version.nullable(),
    length: Length,
    /** Decompressed bytes: a cap against a compression bomb, signed like the rest. */
    uncompressedLength: Length,
    sha256: Hex(32),
    subjects: Length,
    records: Length,
    tombstones: Length,
  })
  .strict();
export type PackageEntry = z.infer<typeof PackageEntrySchema>;

export const SnapshotSchema = z
  .object({
    _type: z.literal('snapshot'),
    spec: z.literal(SPEC_VERSION),
    /** The snapshot version is the data version it describes. */
    version: Version,
    expires: Instant,
    /** The data's cut-off time (数据截止时间). */
    dataAsOf: Instant,
    packages: z.array(PackageEntrySchema).min(1).max(64),
  })
  .strict();
export type Snapshot = z.infer<typeof SnapshotSchema>;

/**
 * Fleet configuration (issue 17.7): settings an operator sets for many kiosks at once, signed
 * by the snapshot role's keys, with its own version. Only these keys of the kiosk's config
 * travel; the kiosk validates the result as its own config before applying it.
 */
export const FleetSettingsSchema = z
  .object({
    /** Idle times of the self-service screens (the screens re-read them after each sync). */
    session: z.object({ idleSeconds: z.number().int(), countdownSeconds: z.number().int() }).partial().strict().optional(),
    /** Free report prints per subject and day (0: no limit). */
    printQuotaPerDay: z.number().int().optional(),
    /** The issuer named on reports and screens. */
    issuer: z.string().min(1).max(100).optional(),
    /** Disclosure policy: a person's own report masks their ID number. */
    report: z.object({ maskOwnIdNumber: z.boolean() }).partial().strict().optional(),
    /**
     * The counter's business-item catalogue, whole. Only its outline is checked here: the kiosk
     * checks it with the staff catalogue's own schema (CatalogueSchema) before applying anything,
     * so a bad one is refused by its own code (CATALOGUE_INVALID) with the version it came in.
     */
    catalogue: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type FleetSettings = z.infer<typeof FleetSettingsSchema>;

export const FleetConfigSchema = TimestampSchema.pick({ spec: true, version: true, expires: true })
  .extend({ _type: z.literal('fleet-config'), settings: FleetSettingsSchema })
  .strict();
export type FleetConfig = z.infer<typeof FleetConfigSchema>;

export const SignatureSchema = z.object({ keyid: KeyId, sig: Hex() }).strict();

/** A signed document: the `signed` part is verified as canonical JSON. */
export const EnvelopeSchema = z.object({ signed: z.unknown(), signatures: z.array(SignatureSchema).min(1).max(32) }).strict();
export type Envelope<T = unknown> = { signed: T; signatures: Array<z.infer<typeof SignatureSchema>> };
