// `credit-kiosk sync import PATH | pull --url URL | status`, over the kiosk's cache.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { assessFreshness } from '../../common/sync/freshness';
import { SyncRefusal } from '../../common/sync/trustRules';
import { ensureCacheKey, readCacheKey, resolveCacheLocation } from '../../node/cache/cacheLocation';
import { folderSource } from '../../node/sync/folderSource';
import { httpSource } from '../../node/sync/httpSource';
import type { RepoSource } from '../../node/sync/repoSource';
import { runSyncCycle } from '../../node/sync/syncClient';
import { readSyncMarks } from '../../node/sync/syncMarks';
import { loadTrustedRoot } from '../../node/sync/trustedRoot';
import { cliConfig, cliDataDir } from '../dataFolder';
import { emit, emitError } from '../output';

interface SyncCliOptions {
  json?: boolean;
  db?: string;
  keyFile?: string;
  root?: string;
  url?: string;
  caFile?: string;
}

function cacheOf(options: SyncCliOptions): { file: string; key: Buffer; dataDir: string } {
  const defaults = resolveCacheLocation({ dataDir: cliDataDir() });
  const file = options.db ? path.resolve(options.db) : defaults.file;
  const keyFile = options.keyFile ? path.resolve(options.keyFile) : defaults.keyFile;
  return { file, key: fs.existsSync(keyFile) ? readCacheKey(keyFile) : ensureCacheKey(keyFile), dataDir: path.dirname(file) };
}

async function runAndReport(options: SyncCliOptions, source: () => RepoSource): Promise<void> {
  try {
    const cache = cacheOf(options);
    const result = await runSyncCycle({
      source: source(),
      cacheFile: cache.file,
      cacheKey: cache.key,
      shippedRoot: loadTrustedRoot(options.root, process.cwd(), { production: cliConfig().mode === 'production' }),
      stagingDir: path.join(cache.dataDir, 'sync-staging'),
    });
    const summary = result.outcome === 'applied' ? { ...result, ...result.apply } : result;
    emit(options, summary, `${result.outcome}: data v${result.version} as of ${result.dataAsOf ?? '-'}`);
  } catch (err) {
    const code = err instanceof SyncRefusal ? err.code : ((err as { code?: string }).code ?? 'INTERNAL');
    emitError(options, code, (err as Error).message);
  }
}

export function register(program: Command): void {
  const sync = program.command('sync').description('同步签名数据 / sync signed data');
  const common = (c: Command): Command =>
    c
      .option('--db <file>', 'cache file (default: the data folder’s cache)')
      .option('--key-file <file>', 'cache key file (default: the data folder’s key)')
      .option('--root <file>', 'trusted root (default: resources/sync/root.json)')
      .option('--json', 'print JSON');
  common(sync.command('import <path>').description('从文件夹（移动介质）导入 / import from a folder (USB media)')).action((dir: string, options: SyncCliOptions) =>
    runAndReport(options, () => folderSource(dir)),
  );
  common(sync.command('pull').description('从平台拉取 / pull from the platform'))
    .option('--url <url>', 'repository URL (…/repo/)')
    .option('--ca-file <file>', 'CA of the platform (https)')
    .action((options: SyncCliOptions) => {
      if (!options.url) return emitError(options, 'USAGE', '用法 / usage: credit-kiosk sync pull --url URL', 2);
      return runAndReport(options, () => httpSource({ url: options.url!, ...(options.caFile && { ca: fs.readFileSync(options.caFile) }) }));
    });
  common(sync.command('status').description('数据版本与新鲜度 / data version and freshness')).action((options: SyncCliOptions) => {
    try {
      const marks = readSyncMarks(cacheOf(options).file);
      const config = cliConfig();
      const fresh = assessFreshness({ dataAsOf: marks.dataAsOf, timestampExpires: marks.timestampExpires, maxDataAgeHours: config.freshness.maxDataAgeHours, now: new Date() });
      const status = { version: marks.dataVersion, dataAsOf: marks.dataAsOf, timestampExpires: marks.timestampExpires, stale: fresh.stale };
      emit(options, status, `data v${status.version ?? '-'} as of ${status.dataAsOf ?? '-'}; timestamp expires ${status.timestampExpires ?? '-'}; ${status.stale ? `STALE (${fresh.reason})` : 'fresh'}`);
    } catch (err) {
      emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
    }
  });
}
