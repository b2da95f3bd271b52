// `credit-kiosk publish --input DIR --out REPO --key KEY`: source exports (NDJSON,
// docs/sync.md) to a new signed release. `--timestamp-only` re-signs the timestamp
// (run it on a schedule); `--rotate-to NEWKEY` adds the next root to the chain;
// `--fleet-config SETTINGS.json` signs the next version of the fleet configuration.
// `--workers N` sets the threads that check and stage the input lines (stagingPool.ts).
import type { Command } from 'commander';
import fs from 'node:fs';
import { publishFleetConfig } from '../../node/sync/fleetConfigFile';
import { publishFromFolder, refreshTimestamp, rotateRoot } from '../../node/sync/publisher';
import { readKeyFile } from '../../node/sync/keyFile';
import { DEFAULT_KEEP_RELEASES } from '../../node/sync/repoPruner';
import { emit, emitError, EXIT_USAGE } from '../output';

interface PublishCliOptions {
  input?: string;
  out?: string;
  key?: string;
  timestampOnly?: boolean;
  rotateTo?: string;
  fleetConfig?: string;
  timestampDays: string;
  keepReleases: string;
  workers?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('publish')
    .description('发布新的签名数据版本 / publish a new signed release of the repository')
    .option('--input <dir>', 'folder of NDJSON source exports')
    .option('--out <repo>', 'the repository folder')
    .option('--key <file>', 'signing key file')
    .option('--timestamp-only', 're-sign the timestamp only (keeps kiosks fresh)')
    .option('--rotate-to <file>', 'rotate the root to this new key (signed by --key and the new key)')
    .option('--fleet-config <file>', 'publish these fleet settings (JSON: session.idleSeconds/countdownSeconds, printQuotaPerDay, issuer, report.maskOwnIdNumber, catalogue) as the next fleet-config.json')
    .option('--timestamp-days <n>', 'timestamp validity in days', '7')
    .option('--keep-releases <n>', 'releases whose packages stay in the repository (older ones are removed)', String(DEFAULT_KEEP_RELEASES))
    .option('--workers <n>', 'worker threads that check and stage the input lines (0: all in the main thread; default: the available cores)')
    .option('--json', 'print JSON')
    .action(async (options: PublishCliOptions) => {
      const days = Number(options.timestampDays);
      const keepReleases = Number(options.keepReleases);
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if ((workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) || !options.out || !options.key || !(days > 0) || !(Number.isInteger(keepReleases) && keepReleases >= 1) || (!options.input && !options.timestampOnly && !options.rotateTo && !options.fleetConfig)) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk publish --input DIR --out REPO --key KEY [--keep-releases N] [--workers N] [--timestamp-only] [--rotate-to NEWKEY] [--fleet-config SETTINGS]', EXIT_USAGE);
        return;
      }
      try {
        const key = readKeyFile(options.key);
        if (options.rotateTo) {
          const version = rotateRoot({ repo: options.out, oldKeys: [key], newKey: readKeyFile(options.rotateTo) });
          emit(options, { rootVersion: version }, `root v${version} written`);
          return;
        }
        if (options.fleetConfig) {
          const config = publishFleetConfig({ repo: options.out, key, settings: JSON.parse(fs.readFileSync(options.fleetConfig, 'utf8')) as never });
          emit(options, { fleetConfigVersion: config.version, expires: config.expires }, `fleet-config v${config.version} written`);
          return;
        }
        if (options.timestampOnly) {
          const version = refreshTimestamp({ repo: options.out, key, timestampDays: days });
          emit(options, { timestampVersion: version }, `timestamp v${version} written`);
          return;
        }
        const result = await publishFromFolder(options.input!, { repo: options.out, key, timestampDays: days, keepReleases, workers });
        emit(
          options,
          result,
          `v${result.version}: full ${result.full.subjects} subjects / ${result.full.records} records (${result.full.length} bytes)` +
            (result.delta ? `; delta ${result.delta.subjects} changed, ${result.delta.tombstones} deleted` : '') +
            (result.pruned.removed.length > 0 ? `; removed ${result.pruned.removed.length} obsolete files (${result.pruned.bytesFreed} bytes)` : ''),
        );
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
