// Fleet settings over a kiosk's own config: each key the fleet configuration carries is
// merged onto the kiosk's value and validated by the kiosk's own schema (the same bounds
// as its config file), so a fleet file can never set what the kiosk's file could not.
import type { FleetSettings } from '../../common/sync/metadataSchemas';
import { ConfigError, KioskConfigSchema, type KioskConfig } from './kioskConfig';

/** The settings that are the kiosk's config (the catalogue is the counter's: liveSettings places it). */
export type FleetConfigSettings = Omit<FleetSettings, 'catalogue'>;

export function withFleetSettings(config: KioskConfig, settings: FleetConfigSettings): KioskConfig {
  const next: Record<string, unknown> = { ...config };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(settings) as Array<[keyof FleetConfigSettings, unknown]>) {
    if (value === undefined) continue;
    const current = config[key];
    const merged = value !== null && typeof value === 'object' && typeof current === 'object' ? { ...current, ...value } : value;
    const parsed = KioskConfigSchema.shape[key].safeParse(merged);
    if (parsed.success) next[key] = parsed.data;
    else problems.push(...parsed.error.issues.map((i) => `${[key, ...i.path.map(String)].join('.')}: ${i.message}`));
  }
  if (problems.length > 0) throw new ConfigError(`统一配置不适用于本机 / the fleet configuration does not fit this kiosk: ${problems.join('; ')}`);
  return next as KioskConfig;
}
