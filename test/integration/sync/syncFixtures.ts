// Shared set-up for the sync tests: a small signed repository from the synthetic
// generator, a kiosk data folder with its cache key, and a folder-import helper.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticSubjects } from '../../../src-main/node/cache/syntheticData';
import type { SubjectBundle } from '../../../src-main/node/cache/cacheWriter';
import type { PackageLine } from '../../../src-main/common/sync/packageLines';
import { folderSource } from '../../../src-main/node/sync/folderSource';
import { applyPackage } from '../../../src-main/node/sync/packageApplier';
import { PackageWriter } from '../../../src-main/node/sync/packageWriter';
import { publishFromBundles } from '../../../src-main/node/sync/publisher';
import { generateKey, type PrivateKey } from '../../../src-main/node/sync/signing';
import { runSyncCycle, type SyncCycleOptions } from '../../../src-main/node/sync/syncClient';

export const T0 = new Date('2026-03-01T00:00:00Z');

export interface Fixture {
  dir: string;
  repo: string;
  key: PrivateKey;
  cacheFile: string;
  cacheKey: Buffer;
  staging: string;
  shippedRoot(): Buffer;
  cleanup(): void;
}

export function makeFixture(): Fixture {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-sync-'));
  const repo = path.join(dir, 'repo');
  return {
    dir,
    repo,
    key: generateKey('ed25519'),
    cacheFile: path.join(dir, 'kiosk', 'credit-cache.sqlite'),
    cacheKey: crypto.randomBytes(32),
    staging: path.join(dir, 'kiosk', 'sync-staging'),
    shippedRoot: () => fs.readFileSync(path.join(repo, '1.root.json')),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function bundles(count: number, options: { seed?: number; records?: number } = {}): SubjectBundle[] {
  return [...syntheticSubjects({ count, seed: options.seed ?? 7, recordsPerSubject: options.records ?? 3, today: '2026-02-20' })];
}

export async function publish(f: Fixture, data: Iterable<SubjectBundle>, now: Date = T0): Promise<Awaited<ReturnType<typeof publishFromBundles>>> {
  return publishFromBundles(data, { repo: f.repo, key: f.key, now, dataAsOf: now });
}

export function importOptions(f: Fixture, now: Date = T0, source = f.repo): SyncCycleOptions {
  return { source: folderSource(source), cacheFile: f.cacheFile, cacheKey: f.cacheKey, shippedRoot: f.shippedRoot(), stagingDir: f.staging, now };
}

export async function importFolder(f: Fixture, now: Date = T0): ReturnType<typeof runSyncCycle> {
  return runSyncCycle(importOptions(f, now));
}

/** Copies the repository (to tamper with a copy). */
export function copyRepo(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

/** Applies a v1 → v2 delta of the given lines (between a header and an end line) to the fixture's cache. */
export async function applyDelta(f: Fixture, lines: PackageLine[], counts: { subjects: number; records: number; tombstones: number }): ReturnType<typeof applyPackage> {
  const pkg = path.join(f.dir, 'delta.ndjson.gz');
  const w = new PackageWriter(pkg);
  for (const line of [
    { t: 'header', format: 'credit-kiosk-package/1', kind: 'delta', version: 2, baseVersion: 1, dataAsOf: T0.toISOString() } as const,
    ...lines,
    { t: 'end', ...counts } as const,
  ])
    await w.write(line);
  const written = await w.close();
  return applyPackage({
    cacheFile: f.cacheFile,
    cacheKey: f.cacheKey,
    packagePath: pkg,
    entry: { name: `${written.sha256}.delta-v1-v2.ndjson.gz`, kind: 'delta', baseVersion: 1, ...written, ...counts },
    snapshot: { version: 2, dataAsOf: T0.toISOString() },
    marks: { rootJson: null, rootVersion: 1, timestampVersion: 2, timestampExpires: null, snapshotVersion: 2, dataVersion: null, dataAsOf: null, source: null },
  });
}
