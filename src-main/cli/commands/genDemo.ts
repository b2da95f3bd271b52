// `credit-kiosk gen-demo --subjects N --out DIR`: a signed repository of synthetic
// data, signed with the DEMO key (resources/sync/demo-keys), so a demo kiosk that
// trusts the shipped demo root accepts it. Never for a kiosk in service.
import type { Command } from 'commander';
import path from 'node:path';
import { findResourcesDir } from '../../node/config/resourcesDir';
import { syntheticSubjects } from '../../node/cache/syntheticData';
import { parseEnvelope } from '../../common/sync/trustRules';
import type { Root } from '../../common/sync/metadataSchemas';
import { readKeyFile } from '../../node/sync/keyFile';
import { publishFromBundles } from '../../node/sync/publisher';
import { loadTrustedRoot } from '../../node/sync/trustedRoot';
import { emit, emitError, EXIT_USAGE } from '../output';

interface GenDemoOptions {
  subjects: string;
  records: string;
  seed: string;
  out?: string;
  key?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('gen-demo')
    .description('生成演示用签名数据仓库 / build a signed demo repository of synthetic data')
    .option('--subjects <n>', 'number of subjects', '1000')
    .option('--records <n>', 'mean records per subject', '20')
    .option('--seed <n>', 'random seed', '1')
    .option('--out <dir>', 'the repository folder (a second run publishes the next version with a delta)')
    .option('--key <file>', 'signing key (default: the demo key)')
    .option('--json', 'print JSON')
    .action(async (options: GenDemoOptions) => {
      const subjects = Number(options.subjects);
      const records = Number(options.records);
      const seed = Number(options.seed);
      if (!options.out || !Number.isInteger(subjects) || subjects < 1 || !(records >= 0) || !Number.isInteger(seed)) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk gen-demo --subjects N --out DIR', EXIT_USAGE);
        return;
      }
      try {
        const key = readKeyFile(options.key ?? path.join(findResourcesDir(), 'sync', 'demo-keys', 'demo-signing.key.json'));
        const initialRoot = options.key ? undefined : parseEnvelope<Root>(loadTrustedRoot(), 'root');
        const started = process.hrtime.bigint();
        const result = await publishFromBundles(syntheticSubjects({ count: subjects, seed, recordsPerSubject: records }), {
          repo: options.out,
          key,
          ...(initialRoot && { initialRoot }),
        });
        const seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10;
        emit(options, { repo: path.resolve(options.out), ...result, seconds }, `v${result.version}: ${result.full.subjects} subjects, ${result.full.records} records in ${seconds} s`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
