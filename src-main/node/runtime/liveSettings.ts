// Fleet settings applied to a running kiosk, without a restart: each setting goes where the
// running services read it.
//  - session.idleSeconds / countdownSeconds, issuer: the kiosk info getInfo answers (the
//    screens read it again after each sync);
//  - printQuotaPerDay: the print quota store's limit, from the next print on;
//  - issuer, report.maskOwnIdNumber: the config the report issuer reads at each report;
//  - catalogue: the counter's business items, placed where the staff service reads its
//    synced catalogue (dataDir/staff-catalogue.json, kept for the next start) and reloaded,
//    so the next check and item list use it.
import path from 'node:path';
import type { KioskInfo } from '../../common/contract/views';
import { parseCatalogue, type Catalogue } from '../../common/staff/catalogue';
import type { FleetSettings } from '../../common/sync/metadataSchemas';
import { withFleetSettings } from '../config/fleetSettings';
import { ConfigError, type KioskConfig } from '../config/kioskConfig';
import type { Logger } from '../logging/logger';
import { SYNCED_CATALOGUE } from '../staff/catalogueFiles';
import { writeFileAtomic } from '../sync/atomicFile';
import { appliedFleetSettings } from '../sync/fleetConfigSync';

export interface LiveTargets {
  /** The runtime's one config object (the report issuer and the sync service read it). */
  config: KioskConfig;
  /** The info object the kiosk service answers getInfo with. */
  info: KioskInfo;
  quota: { setPerDay(perDay: number): void };
  /** The counter (staff service): re-reads its catalogue from the data folder. */
  counter: { reloadCatalogue(): boolean };
}

/** Validates the settings for this kiosk (ConfigError when they do not fit), then applies them all. */
export function applyLiveSettings(targets: LiveTargets, settings: FleetSettings): void {
  const { catalogue: sent, ...rest } = settings;
  const catalogue = sent === undefined ? undefined : checkedCatalogue(sent);
  const next = withFleetSettings(targets.config, rest);
  // Everything is checked; the catalogue's file goes first, so a write that fails changes nothing.
  if (catalogue) writeFileAtomic(path.join(targets.config.dataDir, SYNCED_CATALOGUE), `${JSON.stringify(catalogue)}\n`);
  targets.config.session = next.session;
  targets.config.issuer = next.issuer;
  targets.config.report = next.report;
  targets.config.printQuotaPerDay = next.printQuotaPerDay;
  targets.info.idleSeconds = next.session.idleSeconds;
  targets.info.countdownSeconds = next.session.countdownSeconds;
  targets.info.issuer = next.issuer;
  targets.quota.setPerDay(next.printQuotaPerDay);
  if (catalogue) targets.counter.reloadCatalogue();
}

/** The fleet's catalogue checked by the staff catalogue's own schema; a bad one is refused whole. */
function checkedCatalogue(value: unknown): Catalogue {
  const parsed = parseCatalogue(value);
  if (parsed.ok) return parsed.catalogue;
  throw new ConfigError(`业务事项目录无效，未采用，沿用原目录 / the business-item catalogue is invalid and was refused; the previous one stays: ${parsed.message}`, 'CATALOGUE_INVALID');
}

/**
 * At start, before the services are built: the fleet configuration applied before, over the
 * config file's values. One that no longer fits (the file changed) is logged and left out.
 */
export function applyStoredFleetSettings(config: KioskConfig, stateFile: string, logger: Logger): void {
  try {
    const stored = appliedFleetSettings(stateFile);
    // The catalogue is not config: it was placed in the data folder when applied.
    const { catalogue: _placed, ...settings } = stored?.settings ?? {};
    if (stored) Object.assign(config, withFleetSettings(config, settings));
  } catch (err) {
    if (!(err instanceof ConfigError) && !(err as { code?: string }).code?.startsWith('SYNC_')) throw err;
    logger.warn({ event: 'fleet-config-not-applied', err }, (err as Error).message);
  }
}
