// `credit-kiosk cache check [--json]`: is the local cache whole, and what does it hold?
import type { Command } from 'commander';
import { selectCache } from '../../node/cache/cacheLocation';
import { openCreditCache } from '../../node/cache/openCreditCache';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE } from '../output';

interface CheckOptions {
  json?: boolean;
  db?: string;
  keyFile?: string;
  dataDir?: string;
}

export function register(program: Command): void {
  const cache = program.commands.find((c) => c.name() === 'cache') ?? program.command('cache').description('本地信用数据缓存 / the local credit cache');
  cache
    .command('check')
    .description('检查缓存完整性、数量与版本 / check integrity, counts and versions')
    .option('--json', 'print JSON')
    .option('--db <file>', 'cache file (default: the data folder’s cache)')
    .option('--key-file <file>', 'cache key file (default: the data folder’s key)')
    .option('--data-dir <dir>', 'data folder (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .action(async (options: CheckOptions) => {
      try {
        const { file, key } = selectCache({ db: options.db, keyFile: options.keyFile, config: cliConfig(options.dataDir) });
        const opened = await openCreditCache({ file, key, worker: 'none' });
        try {
          const check = await opened.check();
          const kinds = Object.entries(check.subjectsByKind).map(([k, n]) => `${k} ${n}`).join(', ');
          emit(
            options,
            check,
            [
              `${check.ok ? '完好 / ok' : '需要升级 / needs attention'}: schema v${check.schemaVersion}, data v${check.dataVersion} as of ${check.dataAsOf} (${check.source})`,
              `主体 / subjects: ${check.subjects} (${kinds})`,
              `记录 / records: ${check.records}`,
              `文件 / file: ${(check.fileBytes / 1048576).toFixed(1)} MiB, cipher ${check.cipher}`,
            ].join('\n'),
          );
          if (!check.ok) process.exitCode = EXIT_NEGATIVE;
        } finally {
          await opened.close();
        }
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
