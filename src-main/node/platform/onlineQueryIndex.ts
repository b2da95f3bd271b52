// The online query index: the repository's latest full package loaded into a cache file
// whose key never leaves memory, so the platform answers /v1/subjects and /v1/search.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalCreditCache } from '../cache/creditCache';
import { openCreditCache } from '../cache/openCreditCache';
import type { Snapshot, Timestamp } from '../../common/sync/metadataSchemas';
import { parseEnvelope } from '../../common/sync/trustRules';
import { applyPackage } from '../sync/packageApplier';
import { PACKAGES_DIR, snapshotFile, TIMESTAMP_FILE } from '../sync/repoLayout';
import { EMPTY_MARKS } from '../sync/syncMarks';

export async function openOnlineQueryIndex(repo: string, stateDir: string): Promise<LocalCreditCache | null> {
  const tsFile = path.join(repo, TIMESTAMP_FILE);
  if (!fs.existsSync(tsFile)) return null;
  const ts = parseEnvelope<Timestamp>(fs.readFileSync(tsFile), 'timestamp').signed;
  const snapshot = parseEnvelope<Snapshot>(fs.readFileSync(path.join(repo, snapshotFile(ts.snapshot.version))), 'snapshot').signed;
  const full = snapshot.packages.find((p) => p.kind === 'full');
  if (!full) return null;
  const key = crypto.randomBytes(32);
  const file = path.join(stateDir, 'platform-index.sqlite');
  await applyPackage({
    cacheFile: file,
    cacheKey: key,
    packagePath: path.join(repo, PACKAGES_DIR, full.name),
    entry: full,
    snapshot: { version: snapshot.version, dataAsOf: snapshot.dataAsOf },
    marks: EMPTY_MARKS,
  });
  return openCreditCache({ file, key, worker: 'none', integrity: 'header' });
}
