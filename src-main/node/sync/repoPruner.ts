// Keeps a repository from growing without end: at city scale every release adds a
// full package of several hundred MiB. After a release the publisher removes the
// packages and snapshots of all but the newest few releases. The previous release
// stays by default, so a kiosk that read the old timestamp a moment ago can still
// finish its download; root files are never removed (kiosks walk the rotation chain
// from the root they shipped with). Only files named the repository's way are touched.
import fs from 'node:fs';
import path from 'node:path';
import type { Snapshot } from '../../common/sync/metadataSchemas';
import { parseEnvelope, SyncRefusal } from '../../common/sync/trustRules';
import { isRepositoryPath, PACKAGES_DIR, snapshotFile } from './repoLayout';

export const DEFAULT_KEEP_RELEASES = 2;

export interface PruneResult {
  /** Repository-relative paths removed. */
  removed: string[];
  bytesFreed: number;
}

const SNAPSHOT_NAME = /^(\d{1,15})\.snapshot\.json$/;

/** Throws unless `keepReleases` is a whole number ≥ 1 (the publisher checks before it writes anything). */
export function checkKeepReleases(keepReleases: number): void {
  if (!Number.isInteger(keepReleases) || keepReleases < 1) throw new SyncRefusal('SYNC_BAD_PACKAGE', `至少保留一个版本 / keep at least one release (got ${keepReleases})`);
}

/** Removes what the newest `keepReleases` snapshots (up to and including `current`) do not name. */
export function pruneRepository(repo: string, current: number, keepReleases: number = DEFAULT_KEEP_RELEASES): PruneResult {
  checkKeepReleases(keepReleases);
  const oldestKept = Math.max(1, current - keepReleases + 1);
  const keep = new Set<string>();
  for (let v = oldestKept; v <= current; v++) {
    const file = path.join(repo, snapshotFile(v));
    if (!fs.existsSync(file)) continue;
    const snapshot = parseEnvelope<Snapshot>(fs.readFileSync(file), 'snapshot').signed;
    for (const p of snapshot.packages) keep.add(p.name);
  }
  if (keep.size === 0) throw new SyncRefusal('SYNC_SOURCE_MISSING', `仓库中找不到 v${current} 的快照 / no snapshot for v${current} in the repository`);

  const removed: string[] = [];
  let bytesFreed = 0;
  const remove = (rel: string): void => {
    const file = path.join(repo, rel);
    bytesFreed += fs.statSync(file).size;
    fs.rmSync(file);
    removed.push(rel);
  };
  for (const name of fs.readdirSync(repo)) {
    const m = SNAPSHOT_NAME.exec(name);
    if (m && Number(m[1]) < oldestKept) remove(name);
  }
  const packagesDir = path.join(repo, PACKAGES_DIR);
  if (fs.existsSync(packagesDir)) {
    for (const name of fs.readdirSync(packagesDir)) {
      const rel = `${PACKAGES_DIR}/${name}`;
      if (isRepositoryPath(rel) && !keep.has(name)) remove(rel);
    }
  }
  return { removed: removed.sort(), bytesFreed };
}
