// The platform side of fleet configuration: writes the next version of fleet-config.json
// into the repository, signed with the snapshot role's key (as the publisher signs
// releases), and reads which version is published (the fleet view shows it).
import fs from 'node:fs';
import path from 'node:path';
import { parseCatalogue } from '../../common/staff/catalogue';
import { FleetSettingsSchema, RootSchema, SPEC_VERSION, type FleetConfig, type FleetSettings } from '../../common/sync/metadataSchemas';
import { parseEnvelope, SyncRefusal } from '../../common/sync/trustRules';
import { writeFileAtomic } from './atomicFile';
import { FLEET_CONFIG_FILE, ROOT_FILE } from './repoLayout';
import { keyIdOf, publicKeyOf, signEnvelope, type PrivateKey } from './signing';

const DAY = 86_400_000;

export interface PublishFleetConfigOptions {
  repo: string;
  key: PrivateKey;
  settings: FleetSettings;
  now?: Date;
  /** How long kiosks accept this version (default a year): a frozen old file stops applying. */
  days?: number;
}

export function publishFleetConfig(options: PublishFleetConfigOptions): FleetConfig {
  const repo = path.resolve(options.repo);
  const rootFile = path.join(repo, ROOT_FILE);
  if (!fs.existsSync(rootFile)) throw new SyncRefusal('SYNC_SOURCE_MISSING', `仓库中没有 root.json / the repository has no root.json: ${repo}`);
  const root = RootSchema.parse((JSON.parse(fs.readFileSync(rootFile, 'utf8')) as { signed: unknown }).signed);
  if (!root.roles.snapshot.keyids.includes(keyIdOf(publicKeyOf(options.key)))) {
    throw new SyncRefusal('SYNC_UNKNOWN_KEY', "该密钥不是 snapshot 角色的密钥 / this key is not a snapshot key of the repository's root");
  }
  const settings = FleetSettingsSchema.safeParse(options.settings);
  if (!settings.success) {
    const i = settings.error.issues[0];
    throw new SyncRefusal('SYNC_BAD_METADATA', `统一配置无效 / invalid fleet settings: ${i ? `${i.path.map(String).join('.')}: ${i.message}` : ''}`);
  }
  // The kiosks would refuse it (CATALOGUE_INVALID): the operator hears it now.
  const catalogue = settings.data.catalogue === undefined ? null : parseCatalogue(settings.data.catalogue);
  if (catalogue && !catalogue.ok) throw new SyncRefusal('SYNC_BAD_METADATA', `业务事项目录无效 / invalid business-item catalogue: ${catalogue.message}`);
  const now = options.now ?? new Date();
  const config: FleetConfig = {
    _type: 'fleet-config',
    spec: SPEC_VERSION,
    version: (publishedFleetConfigVersion(repo) ?? 0) + 1,
    expires: new Date(now.getTime() + (options.days ?? 365) * DAY).toISOString(),
    settings: settings.data,
  };
  writeFileAtomic(path.join(repo, FLEET_CONFIG_FILE), `${JSON.stringify(signEnvelope(config, [options.key]))}\n`);
  return config;
}

/** The published version, or null when the repository has no fleet configuration; a damaged file is a SyncRefusal. */
export function publishedFleetConfigVersion(repo: string): number | null {
  const file = path.join(repo, FLEET_CONFIG_FILE);
  if (!fs.existsSync(file)) return null;
  return parseEnvelope<FleetConfig>(fs.readFileSync(file), 'fleet-config').signed.version;
}
