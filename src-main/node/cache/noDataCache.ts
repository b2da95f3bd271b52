// A production kiosk before its first package: no cache file yet. The services get a
// cache that holds nothing and says so — a lookup is "data unavailable, ask staff",
// never "no record" (which would read as a clean credit history) — while the
// operator signs in and imports the first package, after which the real file is opened.
import fs from 'node:fs';
import type { LocalCreditCache } from './creditCache';
import { CacheError } from './cacheError';
import { openCreditCache, type OpenCacheOptions } from './openCreditCache';

const NO_DATA = '尚无信用数据，请管理员导入数据包 / no credit data yet; an operator must import a package';

export function noDataCache(): LocalCreditCache {
  const refuse = async (): Promise<never> => {
    throw new CacheError('CACHE_UNAVAILABLE', NO_DATA);
  };
  return {
    findByCode: refuse,
    findManyByCode: refuse,
    findHitsByCode: refuse,
    findRepresentedBy: refuse,
    search: refuse,
    check: refuse,
    dataInfo: async () => ({ dataVersion: 0, dataAsOf: '', subjects: 0 }),
    close: async () => undefined,
  };
}

/** The cache file when there is one, else the stand-in that holds nothing. */
export async function openCacheOrNoData(options: OpenCacheOptions): Promise<LocalCreditCache> {
  return fs.existsSync(options.file) ? openCreditCache(options) : noDataCache();
}
