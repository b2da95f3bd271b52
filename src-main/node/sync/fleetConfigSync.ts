// The kiosk side of fleet configuration (issue 17.7): on each sync, fetch fleet-config.json
// from the same repository, verify it like metadata (the snapshot role's keys, version
// above the applied one, not expired), apply it without a restart, keep it for the next
// start, and acknowledge it to the platform through the outbox ('config-ack', applied or
// refused with the refusal's code). A refusal keeps the settings in force as they were.
import fs from 'node:fs';
import type { EventPayload } from '../../common/platform/platformEvents';
import { checkFleetConfig, MAX_FLEET_CONFIG_BYTES } from '../../common/sync/fleetConfig';
import type { FleetConfig, FleetSettings } from '../../common/sync/metadataSchemas';
import { parseEnvelope, SyncRefusal } from '../../common/sync/trustRules';
import { ConfigError } from '../config/kioskConfig';
import type { Logger } from '../logging/logger';
import { writeFileAtomic } from './atomicFile';
import { FLEET_CONFIG_FILE } from './repoLayout';
import type { RepoSource } from './repoSource';
import { verifySignature } from './signing';
import { trustedRootOf } from './syncClient';
import { readSyncMarks } from './syncMarks';

/** The applied fleet configuration in the kiosk's data folder (its signed envelope as received). */
export const FLEET_CONFIG_STATE_FILE = 'fleet-config.json';

/** Where the acknowledgement goes: the kiosk's one outbox. */
export interface ConfigAckOutbox {
  enqueue(type: 'config-ack', payload: EventPayload<'config-ack'>): string;
}

export interface FleetConfigSyncDeps {
  /** The applied configuration (its signed envelope), read at start: dataDir/fleet-config.json. */
  stateFile: string;
  shippedRoot: () => Buffer;
  /** The cache file, whose sync marks hold the newest trusted root. */
  cacheFile: string;
  /** Applies the settings live; throws ConfigError (CONFIG_INVALID, CATALOGUE_INVALID) when they do not fit this kiosk, applying none. */
  apply: (settings: FleetSettings) => void;
  outbox: ConfigAckOutbox;
  logger: Logger;
}

export type FleetConfigOutcome =
  | { outcome: 'none' | 'current'; version: number }
  | { outcome: 'applied'; version: number }
  | { outcome: 'refused'; version: number; code: string; message: string };

/** Settings of the applied configuration, for the kiosk's start; null when none was applied. */
export function appliedFleetSettings(stateFile: string): { version: number; settings: FleetSettings } | null {
  if (!fs.existsSync(stateFile)) return null;
  const config = parseEnvelope<FleetConfig>(fs.readFileSync(stateFile), 'fleet-config').signed;
  return { version: config.version, settings: config.settings };
}

export function createFleetConfigSync(deps: FleetConfigSyncDeps): { check(source: RepoSource, now: Date): Promise<FleetConfigOutcome> } {
  /** Refusals already acknowledged (version and code), so a refused file is reported once, not on every sync. */
  const reported = new Set<string>();

  const refuse = (version: number, code: string, message: string): FleetConfigOutcome => {
    const key = `${version}|${code}`;
    if (!reported.has(key)) {
      reported.add(key);
      deps.outbox.enqueue('config-ack', { configVersion: version, result: 'refused', reason: `${code}: ${message}`.slice(0, 200) });
    }
    deps.logger.warn({ event: 'fleet-config-refused', version, code }, message);
    return { outcome: 'refused', version, code, message };
  };

  return {
    async check(source, now) {
      const applied = appliedFleetSettings(deps.stateFile)?.version ?? 0;
      const bytes = await source.fetchMeta(FLEET_CONFIG_FILE, MAX_FLEET_CONFIG_BYTES);
      if (!bytes) return { outcome: 'none', version: applied };
      let version = 0;
      try {
        const envelope = parseEnvelope<FleetConfig>(bytes, 'fleet-config');
        version = envelope.signed.version;
        const config = checkFleetConfig(envelope, trustedRootOf(deps.shippedRoot(), readSyncMarks(deps.cacheFile)).root, applied, now, verifySignature);
        if (!config) return { outcome: 'current', version: applied };
        deps.apply(config.settings);
        writeFileAtomic(deps.stateFile, bytes);
        deps.outbox.enqueue('config-ack', { configVersion: config.version, result: 'applied' });
        deps.logger.info({ event: 'fleet-config-applied', version: config.version, keys: Object.keys(config.settings) }, 'fleet configuration applied');
        return { outcome: 'applied', version: config.version };
      } catch (err) {
        if (err instanceof SyncRefusal) return refuse(version, err.code, err.message);
        if (err instanceof ConfigError) return refuse(version, err.code, err.message);
        throw err;
      }
    },
  };
}
