import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src-main/common/encoding/canonicalJson';
import { assessFreshness, staleNotice } from '../../../../src-main/common/sync/freshness';
import type { SyncRefusal } from '../../../../src-main/common/sync/trustRules';
import { checkNextRoot, checkTimestamp, choosePackage } from '../../../../src-main/common/sync/trustRules';
import type { Snapshot, Timestamp } from '../../../../src-main/common/sync/metadataSchemas';
import { makeRoot } from '../../../../src-main/node/sync/publisher';
import { generateKey, signEnvelope, verifySignature } from '../../../../src-main/node/sync/signing';

const NOW = new Date('2026-03-01T00:00:00Z');
const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as SyncRefusal).code;
  }
  return 'none';
};

describe('canonical JSON', () => {
  it('sorts keys and refuses floats', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'] }, { integersOnly: true })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(() => canonicalJson({ a: 1.5 }, { integersOnly: true })).toThrow();
  });
});

describe('root rotation chain', () => {
  const k1 = generateKey();
  const k2 = generateKey('sm2');
  const root1 = makeRoot(k1, 1, NOW);
  it('accepts N+1 signed by the old and the new keys', () => {
    const next = signEnvelope(makeRoot(k2, 2, NOW), [k1, k2]);
    expect(checkNextRoot(root1, next, verifySignature).version).toBe(2);
  });
  it('refuses N+1 signed only by the new key, and a skipped version', () => {
    expect(code(() => checkNextRoot(root1, signEnvelope(makeRoot(k2, 2, NOW), [k2]), verifySignature))).toBe('SYNC_UNKNOWN_KEY');
    expect(code(() => checkNextRoot(root1, signEnvelope(makeRoot(k2, 3, NOW), [k1, k2]), verifySignature))).toBe('SYNC_ROLLBACK');
  });
});

describe('timestamp rules', () => {
  const k = generateKey();
  const root = makeRoot(k, 1, NOW);
  const ts = (version: number, snapshot: number, expires: string): ReturnType<typeof signEnvelope<Timestamp>> =>
    signEnvelope<Timestamp>({ _type: 'timestamp', spec: 'credit-kiosk-sync/1', version, expires, snapshot: { version: snapshot, length: 1, sha256: '0'.repeat(64) } }, [k]);
  it('refuses rollback of itself and of the snapshot, and expiry', () => {
    expect(code(() => checkTimestamp(ts(1, 5, '2026-04-01T00:00:00Z'), root, { timestampVersion: 2, snapshotVersion: 0 }, NOW, verifySignature))).toBe('SYNC_ROLLBACK');
    expect(code(() => checkTimestamp(ts(3, 4, '2026-04-01T00:00:00Z'), root, { timestampVersion: 2, snapshotVersion: 5 }, NOW, verifySignature))).toBe('SYNC_ROLLBACK');
    expect(code(() => checkTimestamp(ts(3, 5, '2026-02-01T00:00:00Z'), root, { timestampVersion: 2, snapshotVersion: 5 }, NOW, verifySignature))).toBe('SYNC_EXPIRED');
    expect(checkTimestamp(ts(3, 5, '2026-04-01T00:00:00Z'), root, { timestampVersion: 2, snapshotVersion: 5 }, NOW, verifySignature).version).toBe(3);
  });
});

describe('package choice', () => {
  const entry = (kind: 'full' | 'delta', base: number | null) => ({ name: 'x', kind, baseVersion: base, length: 1, uncompressedLength: 1, sha256: '0'.repeat(64), subjects: 0, records: 0, tombstones: 0 });
  const snap = { packages: [entry('full', null), entry('delta', 4)] } as unknown as Snapshot;
  it('takes the delta from exactly the local version, else the full package', () => {
    expect(choosePackage(snap, 4).kind).toBe('delta');
    expect(choosePackage(snap, 3).kind).toBe('full');
    expect(choosePackage(snap, null).kind).toBe('full');
  });
  it('takes the full package when the delta carries half its rows or more (the full one then applies sooner)', () => {
    const sized = (kind: 'full' | 'delta', base: number | null, subjects: number, records: number, tombstones = 0) => ({ ...entry(kind, base), subjects, records, tombstones });
    const withDelta = (delta: ReturnType<typeof sized>) => ({ packages: [sized('full', null, 1000, 20_000), delta] }) as unknown as Snapshot;
    expect(choosePackage(withDelta(sized('delta', 4, 100, 2_000, 10)), 4).kind).toBe('delta');
    expect(choosePackage(withDelta(sized('delta', 4, 500, 10_000)), 4).kind).toBe('delta');
    expect(choosePackage(withDelta(sized('delta', 4, 980, 19_600)), 4).kind).toBe('full');
    expect(choosePackage({ packages: [sized('delta', 4, 980, 19_600)] } as unknown as Snapshot, 4).kind).toBe('delta');
  });
});

describe('freshness policy', () => {
  it('is stale past the maximum age or past the timestamp’s expiry, and says the data’s time', () => {
    expect(assessFreshness({ dataAsOf: '2026-02-28T00:00:00Z', timestampExpires: '2026-03-05T00:00:00Z', maxDataAgeHours: 72, now: NOW })).toEqual({ stale: false, reason: 'fresh', ageHours: 24 });
    expect(assessFreshness({ dataAsOf: '2026-02-20T00:00:00Z', timestampExpires: '2026-03-05T00:00:00Z', maxDataAgeHours: 72, now: NOW }).reason).toBe('too-old');
    expect(assessFreshness({ dataAsOf: '2026-02-28T00:00:00Z', timestampExpires: '2026-02-29T00:00:00Z', maxDataAgeHours: 72, now: NOW }).reason).toBe('timestamp-expired');
    expect(assessFreshness({ dataAsOf: null, timestampExpires: null, maxDataAgeHours: 72, now: NOW }).reason).toBe('no-data');
    expect(staleNotice('2026-02-20T08:30:00Z')).toContain('2026-02-20 08:30');
  });
});
