// `credit-kiosk gen-data --subjects N --out FILE --seed S`: a cache file of synthetic
// data, for load tests and benchmarks (never for a kiosk in service).
import type { Command } from 'commander';
import path from 'node:path';
import { ensureCacheKey, resolveCacheLocation } from '../../node/cache/cacheLocation';
import { buildCacheFile } from '../../node/cache/cacheWriter';
import { DEFAULT_SYNTHETIC_SUBJECTS, syntheticSubjects } from '../../node/cache/syntheticData';
import { emit, emitError, EXIT_USAGE } from '../output';

interface GenOptions {
  json?: boolean;
  subjects: string;
  records: string;
  out?: string;
  seed: string;
  keyFile?: string;
}

export function register(program: Command): void {
  program
    .command('gen-data')
    .description('生成合成信用数据缓存 / build a cache file of synthetic data')
    .option('--subjects <n>', 'number of subjects', String(DEFAULT_SYNTHETIC_SUBJECTS))
    .option('--records <n>', 'mean records per subject', '20')
    .option('--out <file>', 'the cache file to write')
    .option('--seed <n>', 'random seed', '1')
    .option('--key-file <file>', 'cache key file (created if absent; default: the data folder’s key)')
    .option('--json', 'print JSON')
    .action((options: GenOptions) => {
      const subjects = Number(options.subjects);
      const records = Number(options.records);
      const seed = Number(options.seed);
      if (!options.out || !Number.isInteger(subjects) || subjects < 1 || !Number.isFinite(records) || records < 0 || !Number.isInteger(seed)) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk gen-data --subjects N --out FILE [--seed S] [--records R]', EXIT_USAGE);
        return;
      }
      try {
        const key = ensureCacheKey(options.keyFile ? path.resolve(options.keyFile) : resolveCacheLocation().keyFile);
        const started = process.hrtime.bigint();
        const built = buildCacheFile({
          file: options.out,
          key,
          dataVersion: 1,
          dataAsOf: new Date().toISOString(),
          source: 'synthetic',
          meta: { synthetic_seed: String(seed) },
          subjects: syntheticSubjects({ count: subjects, seed, recordsPerSubject: records }),
        });
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const result = { file: path.resolve(options.out), ...built, seconds: Math.round(seconds * 10) / 10 };
        emit(options, result, `${result.file}: ${built.subjects} subjects, ${built.records} records, ${(built.bytes / 1048576).toFixed(1)} MiB in ${result.seconds} s`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
