// `credit-kiosk search TEXT [--json]`: organisations by (part of) their name.
import type { Command } from 'commander';
import { selectCache } from '../../node/cache/cacheLocation';
import { openCreditCache } from '../../node/cache/openCreditCache';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE, EXIT_USAGE } from '../output';

interface SearchCliOptions {
  json?: boolean;
  db?: string;
  keyFile?: string;
  dataDir?: string;
  page: string;
  pageSize: string;
}

export function register(program: Command): void {
  program
    .command('search')
    .description('按名称搜索企业和组织 / search organisations by name (natural persons are never listed)')
    .argument('[text]', 'part of the name')
    .option('--json', 'print JSON')
    .option('--page <n>', 'page (1-based)', '1')
    .option('--page-size <n>', 'hits per page (1–100)', '20')
    .option('--db <file>', 'cache file (default: the data folder’s cache)')
    .option('--key-file <file>', 'cache key file (default: the data folder’s key)')
    .option('--data-dir <dir>', 'data folder (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .action(async (text: string | undefined, options: SearchCliOptions) => {
      if (text === undefined || text.trim() === '') {
        emitError(options, 'USAGE', '请提供要搜索的名称 / give the name to search: credit-kiosk search TEXT', EXIT_USAGE);
        return;
      }
      try {
        const { file, key } = selectCache({ db: options.db, keyFile: options.keyFile, config: cliConfig(options.dataDir) });
        const cache = await openCreditCache({ file, key, worker: 'none' });
        try {
          const page = await cache.search(text, { page: Number(options.page), pageSize: Number(options.pageSize) });
          const lines = page.hits.map((h) => `  ${h.code}  ${h.name}  (${h.match})`);
          const more = page.totalIsCapped ? `${page.total}+` : String(page.total);
          emit(options, page, [`"${page.query}": ${more} 个结果 / matches, 第 ${page.page} 页 / page ${page.page}`, ...lines].join('\n'));
          if (page.hits.length === 0) process.exitCode = EXIT_NEGATIVE;
        } finally {
          await cache.close();
        }
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
