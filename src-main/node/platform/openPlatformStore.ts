// `--database`: a postgres:// URL for a city's platform, or an SQLite file for a one-machine trial.
import { openPostgresPlatformStore } from './postgresPlatformStore';
import type { PlatformStore } from './platformStore';
import { openSqlitePlatformStore } from './sqlitePlatformStore';

export function isPostgresUrl(database: string): boolean {
  return /^postgres(ql)?:\/\//i.test(database);
}

export async function openPlatformStore(database: string): Promise<PlatformStore> {
  return isPostgresUrl(database) ? openPostgresPlatformStore(database) : openSqlitePlatformStore(database);
}
