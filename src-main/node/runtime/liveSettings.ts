// Fleet settings applied to a running kiosk, without a restart: each setting goes where the
// running services read it.
//  - session.idleSeconds / countdownSeconds, issuer: the kiosk info getInfo answers (the
//    screens read it again after each sync);
//  - printQuotaPerDay: the print quota store's limit, from the next print on;
//  - issuer, report.maskOwnIdNumber: the config the report issuer reads at each report.
import type { KioskInfo } from '../../common/contract/views';
import type { FleetSettings } from '../../common/sync/metadataSchemas';
import { withFleetSettings } from '../config/fleetSettings';
import { ConfigError, type KioskConfig } from '../config/kioskConfig';
import type { Logger } from '../logging/logger';
import { appliedFleetSettings } from '../sync/fleetConfigSync';

export interface LiveTargets {
  /** The runtime's one config object (the report issuer and the sync service read it). */
  config: KioskConfig;
  /** The info object the kiosk service answers getInfo with. */
  info: KioskInfo;
  quota: { setPerDay(perDay: number): void };
}

/** Validates the settings for this kiosk (ConfigError when they do not fit), then applies them all. */
export function applyLiveSettings(targets: LiveTargets, settings: FleetSettings): void {
  const next = withFleetSettings(targets.config, settings);
  targets.config.session = next.session;
  targets.config.issuer = next.issuer;
  targets.config.report = next.report;
  targets.config.printQuotaPerDay = next.printQuotaPerDay;
  targets.info.idleSeconds = next.session.idleSeconds;
  targets.info.countdownSeconds = next.session.countdownSeconds;
  targets.info.issuer = next.issuer;
  targets.quota.setPerDay(next.printQuotaPerDay);
}

/**
 * At start, before the services are built: the fleet configuration applied before, over the
 * config file's values. One that no longer fits (the file changed) is logged and left out.
 */
export function applyStoredFleetSettings(config: KioskConfig, stateFile: string, logger: Logger): void {
  try {
    const stored = appliedFleetSettings(stateFile);
    if (stored) Object.assign(config, withFleetSettings(config, stored.settings));
  } catch (err) {
    if (!(err instanceof ConfigError) && !(err as { code?: string }).code?.startsWith('SYNC_')) throw err;
    logger.warn({ event: 'fleet-config-not-applied', err }, (err as Error).message);
  }
}
