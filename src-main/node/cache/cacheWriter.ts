// Builds a whole cache file from a stream of subjects (demo data, the generator), through
// bulkBuild: a crash or a full disk at any moment leaves the previous file untouched and
// no half-written one in its place.
import path from 'node:path';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { startBulkBuild, type BulkBuild } from './bulkBuild';
import { CacheError, toCacheError } from './cacheError';
import type { SubjectInput } from './cacheRows';
import type { CipherName } from './fieldCipher';

export interface SubjectBundle {
  subject: SubjectInput;
  records: CreditRecord[];
}

export interface BuildCacheOptions {
  file: string;
  key: Uint8Array;
  cipher?: CipherName;
  dataVersion: number;
  /** ISO timestamp: the data's cut-off time. */
  dataAsOf: string;
  /** What built the file: 'demo', 'synthetic', 'sync' … kept in meta. */
  source: string;
  /** Further meta entries (e.g. the demo file's hash). */
  meta?: Record<string, string>;
  subjects: Iterable<SubjectBundle>;
  /** Tests only: caps the file's pages to simulate a full disk. */
  maxPageCount?: number;
}

export interface BuildCacheResult {
  subjects: number;
  records: number;
  bytes: number;
}

export function buildCacheFile(options: BuildCacheOptions): BuildCacheResult {
  const target = path.resolve(options.file);
  let build: BulkBuild | undefined;
  try {
    build = startBulkBuild({ target, key: options.key, cipher: options.cipher, tempTag: 'building', cacheKiB: 262144, maxPageCount: options.maxPageCount });
    let subjects = 0;
    let records = 0;
    for (const { subject, records: recs } of options.subjects) {
      build.inserter.insert(subject, recs, options.dataVersion);
      subjects += 1;
      records += recs.length;
    }
    if (subjects === 0) throw new CacheError('INVALID_INPUT', '没有可写入的主体 / no subjects to write');
    const bytes = build.finish({
      ...options.meta,
      data_version: String(options.dataVersion),
      data_as_of: options.dataAsOf,
      subject_count: String(subjects),
      source: options.source,
    });
    return { subjects, records, bytes };
  } catch (err) {
    build?.abandon();
    throw toCacheError(err, target);
  }
}
