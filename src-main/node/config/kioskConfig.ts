// The kiosk's configuration: one JSON file, validated. With none, a checkout runs the
// embedded demo; a packaged build fails closed: it is "not configured" (the operator
// screen says what is missing) and a config file that names no mode means production.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PhotoDecoderConfigSchema } from '../../common/face/photoDecoderConfig';
import { FacePolicySchema } from '../../common/face/facePolicy';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../common/time/displayTime';
import { PenaltyPeriodsOverrideSchema } from '../../common/rules/disclosurePeriods';
import { UnrepairableListSchema } from '../../common/rules/repairEligibility';
import { DEFAULT_OBJECTION_CONFIG, ObjectionConfigSchema } from '../../common/rules/objectionRules';

const PrinterConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('file'), dir: z.string().optional() }).strict(),
  z.object({ kind: z.literal('cups'), url: z.string().url(), name: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('windows'), name: z.string().min(1) }).strict(),
]);

const ReaderConfig = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('simulated'),
      profile: z.enum(['raw-interrupt', 'packet64', 'feature-length', 'serial']).default('raw-interrupt'),
      /** The vendor's photo decoder; set, it replaces the demo's stand-in. */
      photoDecoder: PhotoDecoderConfigSchema.optional(),
    })
    .strict(),
  z
    .object({
      /** A real reader over USB HID or a serial port, found by the VID/PID profile table. */
      kind: z.literal('hardware'),
      /** An operator's profile table extending resources/readers/profiles.json. */
      profilesFile: z.string().optional(),
      /** Which reader when several are attached: a device path or "vid:pid". */
      preferred: z.string().optional(),
      /** Readers whose finds fail while the card still lies there must not report removal. */
      announceRemoval: z.boolean().default(true),
      /** The reader vendor's card photo decoder (docs/readers.md); absent: the photo stays WLT and the face step sends the person to the counter. */
      photoDecoder: PhotoDecoderConfigSchema.optional(),
    })
    .strict(),
]);

/** Where the kiosk's secrets are kept (src-main/node/keys, docs/security.md). */
const KeysConfig = z.discriminatedUnion('store', [
  /** Plain 0600 files in the data folder: development and demo only. */
  z.object({ store: z.literal('file') }).strict(),
  /** Electron safeStorage (DPAPI on Windows); the Electron host only. */
  z.object({ store: z.literal('safe-storage') }).strict(),
  /** systemd-creds (TPM2 where present, else the host credential key). */
  z.object({ store: z.literal('systemd-creds') }).strict(),
  /** A root-owned master key file outside the data folder. */
  z.object({ store: z.literal('key-file'), keyFile: z.string().min(1) }).strict(),
]);
/** A reserved (.invalid) host: a demo report's QR can never lead a phone to a real service. */
export const DEMO_VERIFY_URL = 'https://verify.demo.invalid/report';

export const KioskConfigSchema = z
  .object({
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/).default('DEMO-KIOSK-01'),
    mode: z.enum(['demo', 'production']).default('demo'),
    /** A self-service terminal (citizens at a touch screen) or a counter workstation (staff checks). */
    station: z.enum(['self-service', 'counter']).default('self-service'),
    /** Where the cache, keys, reports and logs live. */
    dataDir: z.string().optional(),
    issuer: z.string().min(1).default('演示市公共信用信息中心（演示数据）'),
    window: z
      .object({ kiosk: z.boolean().default(true), devTools: z.boolean().default(false) })
      .strict()
      .default({ kiosk: true, devTools: false }),
    session: z
      .object({
        idleSeconds: z.number().int().min(10).max(3600).default(60),
        countdownSeconds: z.number().int().min(5).max(120).default(20),
        /** Backstop in the services: a session never outlives this, whatever the screen does. */
        maxSessionSeconds: z.number().int().min(60).max(7200).default(600),
      })
      .strict()
      .default({ idleSeconds: 60, countdownSeconds: 20, maxSessionSeconds: 600 }),
    reader: ReaderConfig.default({ kind: 'simulated', profile: 'raw-interrupt' }),
    printer: PrinterConfig.default({ kind: 'file' }),
    freshness: z
      .object({ maxDataAgeHours: z.number().positive().default(72) })
      .strict()
      .default({ maxDataAgeHours: 72 }),
    keys: KeysConfig.default({ store: 'file' }),
    printQuotaPerDay: z.number().int().min(0).max(100).default(2),
    /** How long what the kiosk leaves behind is kept (docs/security.md). */
    retention: z
      .object({
        logMaxBytes: z.number().int().min(64 * 1024).default(10 * 1024 * 1024),
        logMaxFiles: z.number().int().min(1).max(1000).default(10),
        logMaxAgeDays: z.number().int().min(1).max(3650).default(30),
        printedFileDays: z.number().int().min(0).max(365).default(1),
        deliveredOutboxDays: z.number().int().min(0).max(3650).default(30),
      })
      .strict()
      .default({ logMaxBytes: 10 * 1024 * 1024, logMaxFiles: 10, logMaxAgeDays: 30, printedFileDays: 1, deliveredOutboxDays: 30 }),
    /** The printed report (docs/report-verification.md). */
    report: z
      .object({
        /** The verification service a phone opens from the report's QR (the QR still carries the offline seal). The default is a demo address. */
        verifyUrl: z.string().url().default(DEMO_VERIFY_URL),
        /** A person's own report shows their ID number masked (true) or whole (false), as the hall's policy says. */
        maskOwnIdNumber: z.boolean().default(true),
        /**
         * The issuer's electronic seal (电子印章) stamped on every page: an opaque PNG file,
         * relative to the config file's folder. Absent: the demo's seal (marked 演示) in demo
         * mode, none in production.
         */
        sealImage: z.string().min(1).optional(),
      })
      .strict()
      .default({ verifyUrl: DEMO_VERIFY_URL, maskOwnIdNumber: true }),
    /** The zone every time a person reads is shown in (an IANA name; China time by default). */
    timeZone: z.string().refine(isTimeZone, 'unknown time zone / 未知时区').default(DEFAULT_TIME_ZONE),
    /** The admin console on a public screen closes (and its sign-in ends) after this many idle seconds. */
    adminConsole: z
      .object({ idleSeconds: z.number().int().min(10).max(1800).default(120) })
      .strict()
      .default({ idleSeconds: 120 }),
    /** Packaged voice prompts for the main steps; volume 0–1. */
    voice: z
      .object({ enabled: z.boolean().default(true), volume: z.number().min(0).max(1).default(0.8) })
      .strict()
      .default({ enabled: true, volume: 0.8 }),
    /** The one outbox to the platform (docs/sync.md, Delivery): its loop, its bounds, its periodic events. */
    outbox: z
      .object({
        /** Delivery every N seconds when all is well (and soon after each event). */
        deliverSeconds: z.number().int().min(5).max(3600).default(60),
        /** Pending events beyond which new ones are refused loudly (nothing is dropped). */
        maxPending: z.number().int().min(1000).max(5_000_000).default(500_000),
        /** The admin console's alarm: this many pending, or the oldest this many hours old. */
        alarmPending: z.number().int().min(1).max(5_000_000).default(5000),
        alarmAgeHours: z.number().positive().max(24 * 365).default(72),
        /** The audit head is anchored every N minutes (and at each staff sign-out). */
        anchorMinutes: z.number().int().min(1).max(1440).default(60),
        heartbeatMinutes: z.number().int().min(1).max(1440).default(5),
      })
      .strict()
      .default({ deliverSeconds: 60, maxPending: 500_000, alarmPending: 5000, alarmAgeHours: 72, anchorMinutes: 60, heartbeatMinutes: 5 }),
    /** 令第36号: the statutory periods (override per severity; the regulation's values by default) and the penalties that cannot be repaired. */
    disclosure: z
      .object({ penaltyPeriods: PenaltyPeriodsOverrideSchema.default({}), unrepairable: z.array(UnrepairableListSchema).max(50).default([]) })
      .strict()
      .default({ penaltyPeriods: {}, unrepairable: [] }),
    /** Objections (异议申请): the reasons offered, the answer period, the categories excluded, the platform's key for the phone. */
    objection: ObjectionConfigSchema.default(DEFAULT_OBJECTION_CONFIG),
    /** Face comparison with the card photo before a person's own data (docs/security.md); absent: on in production, off in the demo. */
    faceCheck: FacePolicySchema.optional(),
    /** Sync and the online fallback (docs/sync.md). Absent: folder import only, no online fallback. */
    sync: z
      .object({
        /** The platform's base URL: the repository at <url>/repo/, the online API at <url>/v1/. https in production. */
        platformUrl: z.string().url().optional(),
        /** PEM file of the CA that signs the platform's certificate (pinning); required for https. */
        caFile: z.string().optional(),
        /** File holding this kiosk's bearer token for the online API and event intake. */
        tokenFile: z.string().optional(),
        /** The trusted root shipped with the kiosk; default resources/sync/root.json. */
        trustedRootFile: z.string().optional(),
        /** Scheduled pull every N minutes (0: only on demand). */
        intervalMinutes: z.number().int().min(0).max(1440).default(60),
        /** Folders a USB import may come from (e.g. /media, /run/media). */
        importRoots: z.array(z.string().min(1)).max(10).default([]),
        onlineTimeoutMs: z.number().int().min(200).max(30_000).default(3000),
        onlineRetries: z.number().int().min(0).max(5).default(2),
      })
      .strict()
      .optional(),
  })
  .strict();

export type KioskConfigInput = z.input<typeof KioskConfigSchema>;
export type KioskConfig = z.output<typeof KioskConfigSchema> & {
  dataDir: string;
  configPath: string | null;
  /** Set when a packaged build found no config file: where it looked. The kiosk then runs only the operator screen. */
  unconfigured?: { searched: string[] };
};

export class ConfigError extends Error {
  /** CATALOGUE_INVALID: a fleet configuration's business-item catalogue failed its schema. */
  constructor(
    message: string,
    readonly code: 'CONFIG_INVALID' | 'CATALOGUE_INVALID' = 'CONFIG_INVALID',
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ConfigSources {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Explicit config file (CLI --config); else CREDIT_KIOSK_CONFIG; else <dataDir>/config.json if present. */
  configPath?: string;
  dataDir?: string;
  /** A packaged build (Electron's app.isPackaged, or a web host outside a source checkout): never falls back to the demo. */
  packaged?: boolean;
}

/** Reads and validates the config; with no file at all, the demo configuration in a checkout, "unconfigured" when packaged. */
export function loadKioskConfig(sources: ConfigSources = {}): KioskConfig {
  const env = sources.env ?? process.env;
  const cwd = sources.cwd ?? process.cwd();
  const dataDir = path.resolve(cwd, sources.dataDir ?? env.CREDIT_KIOSK_DATA_DIR ?? '.kiosk-data');
  const explicit = sources.configPath ?? env.CREDIT_KIOSK_CONFIG;
  const candidate = explicit ? path.resolve(cwd, explicit) : path.join(dataDir, 'config.json');
  let raw: unknown = {};
  let configPath: string | null = null;
  if (fs.existsSync(candidate)) {
    configPath = candidate;
    try {
      raw = JSON.parse(fs.readFileSync(candidate, 'utf8'));
    } catch (err) {
      throw new ConfigError(`配置文件不是有效的 JSON / config file is not valid JSON: ${candidate}: ${(err as Error).message}`);
    }
  } else if (explicit) {
    throw new ConfigError(`找不到配置文件 / config file not found: ${candidate}`);
  }
  // Fail closed: a packaged build never slides into the demo by omission.
  if (sources.packaged && raw !== null && typeof raw === 'object' && !('mode' in raw)) raw = { ...raw, mode: 'production' };
  const parsed = KioskConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`配置无效 / invalid config${configPath ? ` (${configPath})` : ''}: ${where}`);
  }
  const resolvedDataDir = parsed.data.dataDir ? path.resolve(path.dirname(configPath ?? candidate), parsed.data.dataDir) : dataDir;
  const { sealImage } = parsed.data.report;
  const report = sealImage === undefined ? parsed.data.report : { ...parsed.data.report, sealImage: path.resolve(path.dirname(configPath ?? candidate), sealImage) };
  const config: KioskConfig = { ...parsed.data, report, dataDir: resolvedDataDir, configPath };
  if (configPath === null && sources.packaged) return { ...config, unconfigured: { searched: [candidate] } };
  // The defaults of these two are the demo's ("DEMO-KIOSK-01", "演示市…"): production names its own.
  const unnamed = (['kioskId', 'issuer'] as const).filter((k) => (raw as Record<string, unknown>)[k] === undefined);
  if (config.mode === 'production' && unnamed.length > 0) {
    throw new ConfigError(`生产模式须在配置中写明 ${unnamed.join('、')} / production needs ${unnamed.join(' and ')} in the config${configPath ? ` (${configPath})` : ''}`);
  }
  return config;
}
