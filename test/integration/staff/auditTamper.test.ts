// Tampering with the audit chain in the database file itself (as someone with the
// file would: triggers dropped, rows edited, deleted, reordered, inserted) is caught
// by verifyAuditChain, which names the first broken entry.
import Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditChain, type AuditAlg } from '../../../src-main/node/staff/auditLog';
import { openStaffDb, staffDbFile } from '../../../src-main/node/staff/staffDb';
import { removeTempDirs, tempDir } from '../cache/cacheTestFiles';

let file: string;

function build(alg: AuditAlg = 'sha256', n = 10): void {
  file = staffDbFile(tempDir('audit-'));
  const db = openStaffDb(file, { pepper: Buffer.alloc(32, 5) });
  const log = new AuditLog(db, alg);
  for (let i = 1; i <= n; i++) {
    log.append({ at: `2026-05-15T08:00:${String(i).padStart(2, '0')}Z`, kioskId: 'K1', staffNo: 'D001', action: 'check', itemId: 'fiscal-funds', subjectKey: `o:code${i}`, result: 'clear', detail: { i } });
  }
  db.close();
}

/** Opens the file as an attacker would: the append-only triggers go first. */
function tamper(sql: (db: Database.Database) => void): ReturnType<typeof verifyAuditChain> {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  sql(db);
  db.close();
  const check = new Database(file, { readonly: true });
  try {
    return verifyAuditChain(check);
  } finally {
    check.close();
  }
}

beforeEach(() => build());
afterAll(() => removeTempDirs());

describe('audit chain tamper detection', () => {
  it('an untouched chain verifies, with SHA-256 and with SM3', () => {
    expect(tamper(() => undefined)).toEqual({ valid: true, entries: 10, firstBroken: null });
    build('sm3');
    expect(tamper(() => undefined)).toEqual({ valid: true, entries: 10, firstBroken: null });
  });

  it('the triggers refuse edits through SQL while they stand', () => {
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit_log SET result = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it('an edited entry breaks at that entry', () => {
    const v = tamper((db) => db.prepare("UPDATE audit_log SET result = 'punish' WHERE seq = 5").run());
    expect(v.valid).toBe(false);
    expect(v.firstBroken).toMatchObject({ seq: 5, reason: 'hash-mismatch' });
  });

  it('an edit that recomputes the entry’s own hash breaks at the next entry', () => {
    const v = tamper((db) => db.prepare("UPDATE audit_log SET hash = 'f' || substr(hash, 2) WHERE seq = 5").run());
    expect(v.firstBroken).toMatchObject({ seq: 5 });
  });

  it('a deleted entry breaks at the entry after the gap', () => {
    const v = tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run());
    expect(v.firstBroken).toMatchObject({ seq: 5, reason: 'sequence-gap', expectedSeq: 4 });
  });

  it('deleting the newest entries disagrees with the head', () => {
    const v = tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq >= 9').run());
    expect(v.firstBroken).toMatchObject({ seq: 9, reason: 'head-mismatch' });
  });

  it('reordered entries break at the first moved one', () => {
    const v = tamper((db) => {
      db.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 6').run();
      db.prepare('UPDATE audit_log SET seq = 6 WHERE seq = -1').run();
    });
    expect(v.firstBroken).toMatchObject({ seq: 3 });
  });

  it('an inserted entry (later ones renumbered) breaks at the insertion', () => {
    const v = tamper((db) => {
      for (let s = 10; s >= 6; s--) db.prepare('UPDATE audit_log SET seq = seq + 1 WHERE seq = ?').run(s);
      const prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = 5').get() as { hash: string }).hash;
      db.prepare(
        "INSERT INTO audit_log (seq, at, kiosk_id, staff_no, action, item_id, subject_key, result, detail, alg, prev_hash, hash) VALUES (6, '2026-05-15T08:00:05Z', 'K1', 'D001', 'check', 'fiscal-funds', 'o:forged', 'clear', '{}', 'sha256', ?, ?)",
      ).run(prev, 'a'.repeat(64));
    });
    expect(v.firstBroken).toMatchObject({ seq: 6, reason: 'hash-mismatch' });
  });

  it('an entry appended after the head is caught', () => {
    const v = tamper((db) => {
      const last = db.prepare('SELECT * FROM audit_log WHERE seq = 10').get() as Record<string, unknown>;
      db.prepare('INSERT INTO audit_log (seq, at, kiosk_id, staff_no, action, item_id, subject_key, result, detail, alg, prev_hash, hash) VALUES (11,?,?,?,?,?,?,?,?,?,?,?)').run(
        last.at, last.kiosk_id, last.staff_no, last.action, last.item_id, last.subject_key, last.result, last.detail, last.alg, last.hash, 'b'.repeat(64),
      );
    });
    expect(v.valid).toBe(false);
    expect(v.firstBroken?.seq).toBe(11);
  });
});
