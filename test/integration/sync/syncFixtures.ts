// Shared set-up for the sync tests: a small signed repository from the synthetic
// generator, a kiosk data folder with its cache key, and a folder-import helper.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticSubjects } from '../../../src-main/node/cache/syntheticData';
import type { SubjectBundle } from '../../../src-main/node/cache/cacheWriter';
import { folderSource } from '../../../src-main/node/sync/folderSource';
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
