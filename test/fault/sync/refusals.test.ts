// Each hostile repository is refused with its own code, and the cache is left
// exactly as it was (same bytes, same version).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_ERROR_MESSAGES } from '../../../src-main/common/sync/syncErrors';
import { SyncRefusal } from '../../../src-main/common/sync/trustRules';
import { publishFromBundles, refreshTimestamp } from '../../../src-main/node/sync/publisher';
import { generateKey, signEnvelope } from '../../../src-main/node/sync/signing';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { readSyncMarks } from '../../../src-main/node/sync/syncMarks';
import { bundles, copyRepo, importFolder, importOptions, makeFixture, publish, T0, type Fixture } from '../../integration/sync/syncFixtures';

let f: Fixture;
const HOUR = 3_600_000;
const later = new Date(T0.getTime() + HOUR);

function fingerprint(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function expectRefusal(run: Promise<unknown>, code: string): Promise<void> {
  const err = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncRefusal);
  expect((err as SyncRefusal).code).toBe(code);
  // A person reads the Chinese sentence first.
  expect((err as SyncRefusal).message.startsWith(SYNC_ERROR_MESSAGES[(err as SyncRefusal).code].split(' / ')[0]!)).toBe(true);
}

function tampered(name: string): string {
  const dir = path.join(f.dir, name);
  copyRepo(f.repo, dir);
  return dir;
}

function latestFull(repo: string): string {
  const names = fs.readdirSync(path.join(repo, 'packages')).filter((n) => n.includes('.full-v2.'));
  return path.join(repo, 'packages', names[0]!);
}

beforeEach(async () => {
  f = makeFixture();
  await publish(f, bundles(30));
  await importFolder(f); // the kiosk holds v1
  const v2 = bundles(32);
  v2[0]!.records[0]!.status = 'revoked';
  await publish(f, v2, later); // the repository offers v2 (full + delta)
});
afterEach(() => f.cleanup());

describe('refusals leave the cache as it was', () => {
  async function refused(source: string, code: string, now = later): Promise<void> {
    const before = fingerprint(f.cacheFile);
    await expectRefusal(runSyncCycle(importOptions(f, now, source)), code);
    expect(fingerprint(f.cacheFile)).toBe(before);
    expect(readSyncMarks(f.cacheFile).dataVersion).toBe(1);
  }

  it('a flipped byte in a package: SYNC_HASH_MISMATCH', async () => {
    const repo = tampered('flip-package');
    for (const name of fs.readdirSync(path.join(repo, 'packages'))) {
      const file = path.join(repo, 'packages', name);
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      fs.writeFileSync(file, bytes);
    }
    await refused(repo, 'SYNC_HASH_MISMATCH');
  });

  it('a flipped byte in signed metadata: SYNC_BAD_SIGNATURE; in the snapshot: SYNC_HASH_MISMATCH', async () => {
    const repo = tampered('flip-meta');
    const ts = fs.readFileSync(path.join(repo, 'timestamp.json'), 'utf8');
    fs.writeFileSync(path.join(repo, 'timestamp.json'), ts.replace(/"expires":"(\d)/, (_m, d: string) => `"expires":"${d === '2' ? '3' : '2'}`));
    await refused(repo, 'SYNC_BAD_SIGNATURE');
    const repo2 = tampered('flip-snapshot');
    const snap = path.join(repo2, '2.snapshot.json');
    const bytes = fs.readFileSync(snap);
    bytes[bytes.indexOf('dataAsOf') + 15]! ^= 0x01;
    fs.writeFileSync(snap, bytes);
    await refused(repo2, 'SYNC_HASH_MISMATCH');
  });

  it('a timestamp signed by an unknown key: SYNC_UNKNOWN_KEY', async () => {
    const repo = tampered('unknown-key');
    const file = path.join(repo, 'timestamp.json');
    const envelope = JSON.parse(fs.readFileSync(file, 'utf8')) as { signed: { version: number } };
    envelope.signed.version += 5;
    fs.writeFileSync(file, JSON.stringify(signEnvelope(envelope.signed, [generateKey()])));
    await refused(repo, 'SYNC_UNKNOWN_KEY');
  });

  it('an older release (rollback): SYNC_ROLLBACK', async () => {
    const old = tampered('rollback'); // a copy of the repository at v2 …
    await importFolder(f, later); // … the kiosk takes v2 …
    // … then an attacker serves v1's signed timestamp (kept from before).
    const v1Repo = path.join(f.dir, 'v1-repo');
    fs.rmSync(path.join(old, 'timestamp.json'));
    copyRepo(old, v1Repo);
    const f1 = makeFixture();
    try {
      f1.key = f.key;
      fs.cpSync(path.join(f.repo, '1.root.json'), path.join(f1.repo, '1.root.json'), { recursive: true });
      fs.cpSync(path.join(f.repo, 'root.json'), path.join(f1.repo, 'root.json'));
      await publishFromBundles(bundles(5), { repo: f1.repo, key: f.key, now: later });
      const before = fingerprint(f.cacheFile);
      await expectRefusal(runSyncCycle(importOptions(f, later, f1.repo)), 'SYNC_ROLLBACK');
      expect(fingerprint(f.cacheFile)).toBe(before);
      expect(readSyncMarks(f.cacheFile).dataVersion).toBe(2);
    } finally {
      f1.cleanup();
    }
  });

  it('metadata past its expiry (freeze): SYNC_EXPIRED', async () => {
    await refused(f.repo, 'SYNC_EXPIRED', new Date(later.getTime() + 8 * 24 * HOUR));
  });

  it('a snapshot of another release (mix-and-match): SYNC_MIXED_SNAPSHOT', async () => {
    const repo = tampered('mix-snapshot');
    fs.copyFileSync(path.join(repo, '1.snapshot.json'), path.join(repo, '2.snapshot.json'));
    await refused(repo, 'SYNC_MIXED_SNAPSHOT');
  });

  it('a package of another release under this release’s name: SYNC_MIXED_SNAPSHOT', async () => {
    const repo = tampered('mix-package');
    const v1Full = fs.readdirSync(path.join(repo, 'packages')).find((n) => n.includes('.full-v1.'))!;
    for (const name of fs.readdirSync(path.join(repo, 'packages')).filter((n) => n.includes('-v2.'))) {
      const target = path.join(repo, 'packages', name);
      const size = fs.statSync(target).size;
      const other = fs.readFileSync(path.join(repo, 'packages', v1Full));
      // Same length as signed, so only the hash and the header can tell.
      fs.writeFileSync(target, Buffer.concat([other, Buffer.alloc(Math.max(0, size - other.length))]).subarray(0, size));
    }
    await refused(repo, 'SYNC_MIXED_SNAPSHOT');
  });

  it('a package longer than its signed length: SYNC_TOO_LARGE', async () => {
    const repo = tampered('too-long');
    for (const name of fs.readdirSync(path.join(repo, 'packages'))) fs.appendFileSync(path.join(repo, 'packages', name), Buffer.alloc(1024, 0x41));
    await refused(repo, 'SYNC_TOO_LARGE');
    expect(latestFull(repo)).toBeTruthy();
  });

  it('a refreshed timestamp over the same data only moves the marks', async () => {
    await importFolder(f, later);
    const marks = readSyncMarks(f.cacheFile);
    refreshTimestamp({ repo: f.repo, key: f.key, now: new Date(later.getTime() + 6 * 24 * HOUR) });
    const result = await importFolder(f, new Date(later.getTime() + 8 * 24 * HOUR));
    expect(result.outcome).toBe('refreshed');
    expect(readSyncMarks(f.cacheFile).timestampVersion).toBe(marks.timestampVersion + 1);
  });
});
