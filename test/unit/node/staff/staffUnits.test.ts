// PIN hashing, staff sessions' idle clock, and the audit chain in memory.
import Database from 'better-sqlite3';
import { scryptSync } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { AuditLog, GENESIS_HASH, verifyAuditChain } from '../../../../src-main/node/staff/auditLog';
import { hashPin, pepperLegacyHash, verifyPin } from '../../../../src-main/node/staff/pinHash';
import { openStaffDb } from '../../../../src-main/node/staff/staffDb';
import { StaffSessions } from '../../../../src-main/node/staff/staffSessions';
import { keyerFrom } from '../../../../src-main/node/keys/subjectKeyer';

const CHEAP = { N: 1024, r: 8, p: 1 };
const PEPPER = Buffer.alloc(32, 5);

describe('PIN hashes', () => {
  it('verifies the right PIN only, with a fresh salt each time', async () => {
    const a = await hashPin('246810', PEPPER, CHEAP);
    const b = await hashPin('246810', PEPPER, CHEAP);
    expect(a).not.toBe(b);
    expect(a).not.toContain('246810');
    expect(await verifyPin('246810', a, PEPPER)).toBe(true);
    expect(await verifyPin('246811', a, PEPPER)).toBe(false);
    expect(await verifyPin('246810', 'garbage', PEPPER)).toBe(false);
  });

  it('cannot be checked without the pepper: a copied staff.sqlite alone does not let anyone try PINs', async () => {
    const stored = await hashPin('246810', PEPPER, CHEAP);
    // What an offline search would do with the file alone: the right PIN under any other pepper fails.
    expect(await verifyPin('246810', stored, Buffer.alloc(32, 6))).toBe(false);
    // And the scrypt output of the right PIN is not what is stored.
    const [, n, r, p, salt, mac] = stored.split('$');
    const bare = scryptSync('246810', Buffer.from(salt!, 'base64'), 32, { N: Number(n), r: Number(r), p: Number(p) });
    expect(bare.equals(Buffer.from(mac!, 'base64'))).toBe(false);
  });

  it('wraps an unpeppered hash of an earlier version without the PIN, and the PIN still works', async () => {
    const salt = Buffer.alloc(16, 3);
    const legacy = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('246810', salt, 32, CHEAP).toString('base64')].join('$');
    const wrapped = pepperLegacyHash(legacy, PEPPER);
    expect(wrapped.startsWith('scrypt-hmac$')).toBe(true);
    expect(wrapped).not.toContain(legacy.split('$')[5]);
    expect(await verifyPin('246810', wrapped, PEPPER)).toBe(true);
    expect(await verifyPin('246811', wrapped, PEPPER)).toBe(false);
    // An unpeppered hash is not accepted as it is.
    expect(await verifyPin('246810', legacy, PEPPER)).toBe(false);
    expect(pepperLegacyHash(wrapped, PEPPER)).toBe(wrapped);
  });
});

describe('staff sessions', () => {
  it('end after the idle time without a call; a call resets the clock', () => {
    let now = new Date('2026-05-15T08:00:00Z');
    const ended: string[] = [];
    const sessions = new StaffSessions({ idleMs: 60_000, now: () => now, onEnded: (s, r) => ended.push(`${s.staffNo}:${r}`), sweepMs: 0 });
    const s = sessions.start({ staffNo: 'D001', name: 'x', role: 'staff' });
    now = new Date(now.getTime() + 59_000);
    expect(sessions.touch(s.token)).not.toBeNull();
    now = new Date(now.getTime() + 59_000);
    sessions.sweep();
    expect(ended).toEqual([]);
    now = new Date(now.getTime() + 61_000);
    sessions.sweep();
    expect(ended).toEqual(['D001:idle']);
    expect(sessions.touch(s.token)).toBeNull();
    sessions.close();
  });
});

describe('audit chain', () => {
  it('links each entry to the one before, and verifies', () => {
    const db = openStaffDb(':memory:', { pepper: PEPPER });
    const log = new AuditLog(db);
    const [a, b] = log.appendMany([
      { at: '2026-05-15T08:00:00Z', kioskId: 'K', staffNo: 'D1', action: 'check', result: 'clear' },
      { at: '2026-05-15T08:00:01Z', kioskId: 'K', staffNo: 'D1', action: 'check', result: 'punish' },
    ]);
    expect(a!.prevHash).toBe(GENESIS_HASH);
    expect(b!.prevHash).toBe(a!.hash);
    expect(verifyAuditChain(db)).toEqual({ valid: true, entries: 2, firstBroken: null });
    expect(verifyAuditChain(new Database(':memory:').exec(openSchema()))).toEqual({ valid: true, entries: 0, firstBroken: null });
    db.close();
  });

  it("writes entries asked to sync later without waiting for the disk, chained as ever, and puts the connection's durability back", () => {
    const db = openStaffDb(':memory:', { pepper: PEPPER });
    const log = new AuditLog(db);
    const set = vi.spyOn(db, 'pragma');
    const entry = { at: '2026-05-15T08:00:00Z', kioskId: 'K', staffNo: 'D1', action: 'batch-check', result: 'clear' };
    log.appendMany([entry, entry], { sync: 'later' });
    expect(set.mock.calls.map((c) => c[0])).toContain('synchronous = NORMAL');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL again for every other write
    set.mockClear();
    log.append(entry);
    expect(set.mock.calls.map((c) => c[0])).not.toContain('synchronous = NORMAL');
    expect(verifyAuditChain(db)).toEqual({ valid: true, entries: 3, firstBroken: null });
    db.close();
  });
});

describe('subject keys', () => {
  it('hide a person’s number behind a keyed hash; organisations stay in clear', () => {
    const k = keyerFrom(Buffer.alloc(32, 7));
    const person = k.subjectKey({ kind: 'natural-person', code: '11010519491231002X' });
    expect(person).toMatch(/^p:[0-9a-f]{32}$/);
    expect(person).toBe(k.subjectKey({ kind: 'natural-person', code: '11010519491231002x' }));
    expect(keyerFrom(Buffer.alloc(32, 8)).subjectKey({ kind: 'natural-person', code: '11010519491231002X' })).not.toBe(person);
    expect(k.subjectKey({ kind: 'enterprise', code: '91350100M000100Y43' })).toBe('o:91350100M000100Y43');
  });
});

function openSchema(): string {
  const db = openStaffDb(':memory:', { pepper: PEPPER });
  const sql = (db.prepare("SELECT group_concat(sql, ';') AS s FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").get() as { s: string }).s;
  db.close();
  return sql;
}
