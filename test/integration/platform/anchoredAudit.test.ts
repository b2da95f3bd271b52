// `audit verify --platform`: the kiosk's latest audit anchor on the platform catches what the
// local chain alone cannot — entries cut off the end with the head moved back, or an entry
// rewritten with every later hash and the head recomputed. More entries after the anchor are fine.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register as audit } from '../../../src-main/cli/commands/audit';
import { cliConfig, cliDataDir } from '../../../src-main/cli/dataFolder';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { AuditLog, digest, entryText, GENESIS_HASH, type AuditEntryInput } from '../../../src-main/node/staff/auditLog';
import { loadPinPepper } from '../../../src-main/node/staff/pinHash';
import { openStaffDb } from '../../../src-main/node/staff/staffDb';
import { runCliJson } from '../../support/runCli';
import { tempDir } from '../report/reportTestKit';
import { post, testKiosk, type TestKiosk } from './platformFixtures';

let dir: string;
let platform: PlatformServer;
let kiosk: TestKiosk;
let anchoredDb: string;

const entry = (i: number): AuditEntryInput => ({ at: `2026-12-07T0${i % 10}:00:00Z`, kioskId: 'K', staffNo: 'S100', action: 'check', result: `r${i}`, detail: { n: i } });

beforeAll(async () => {
  dir = tempDir('anchored-audit');
  const dataDir = cliDataDir(dir);
  const kioskId = cliConfig(dir).kioskId;
  // The kiosk's own key, where the kiosk keeps it: the anchor is signed with it.
  kiosk = testKiosk(kioskId, dir);
  fs.mkdirSync(reportPaths(dataDir).keyDir, { recursive: true });
  fs.writeFileSync(path.join(reportPaths(dataDir).keyDir, 'report-signing-key.pub.pem'), kiosk.key.publicKeyPem);
  anchoredDb = path.join(dir, 'staff.sqlite');
  const db = openStaffDb(anchoredDb, { pepper: loadPinPepper(fileKeyStore(dir)) });
  const log = new AuditLog(db);
  const written = log.appendMany([1, 2, 3, 4, 5].map(entry));
  db.close();
  platform = await startPlatformServer({ repo: dir, queryIndex: false, stateDir: path.join(dir, 'platform'), tokens: { [kioskId]: { token: kiosk.token, publicKeyPem: kiosk.key.publicKeyPem } } });
  expect((await post(platform.url, kiosk.token, { events: [kiosk.anchor(5, written[4]!.hash)] })).status).toBe(200);
  fs.writeFileSync(path.join(dir, 'token'), kiosk.token);
});
afterAll(async () => {
  await platform?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function copyOf(name: string, change: (db: Database.Database) => void): string {
  const file = path.join(dir, `${name}.sqlite`);
  fs.copyFileSync(anchoredDb, file);
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  change(db);
  db.close();
  return file;
}

function verify(db: string): Promise<{ out: unknown; exit: number }> {
  return runCliJson([audit], ['audit', 'verify', '--db', db, '--data-dir', dir, '--platform', platform.url, '--token-file', path.join(dir, 'token'), '--json']);
}

describe('audit verify --platform', () => {
  it('a log that kept its anchored entries (and grew) matches the anchor', async () => {
    const grown = copyOf('grown', (db) => void new AuditLog(db).appendMany([6, 7].map(entry)));
    expect(await verify(grown)).toEqual({ exit: 0, out: { valid: true, chainValid: true, entries: 7, firstBroken: null, anchor: { verdict: 'consistent', anchoredEntries: 5, localEntries: 7, signatureChecked: true } } });
  });

  it('catches entries cut off the end with the head moved back, which the chain alone accepts', async () => {
    const cut = copyOf('cut', (db) => {
      const third = db.prepare('SELECT seq, hash FROM audit_log WHERE seq = 3').get() as { seq: number; hash: string };
      db.prepare('DELETE FROM audit_log WHERE seq > 3').run();
      db.prepare('UPDATE audit_head SET seq = ?, hash = ?').run(third.seq, third.hash);
    });
    expect(await verify(cut)).toMatchObject({ exit: 1, out: { valid: false, chainValid: true, anchor: { verdict: 'truncated', anchoredEntries: 5, localEntries: 3 } } });
  });

  it('catches an entry rewritten with every later hash and the head recomputed', async () => {
    const rewritten = copyOf('rewritten', (db) => {
      db.prepare("UPDATE audit_log SET result = 'nothing found' WHERE seq = 2").run();
      let prev = GENESIS_HASH;
      const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, string> & { seq: number }>;
      for (const r of rows) {
        const fields = { at: r.at!, kioskId: r.kiosk_id!, staffNo: r.staff_no!, action: r.action!, itemId: r.item_id!, subjectKey: r.subject_key!, result: r.result!, detail: r.detail! };
        const hash = digest('sha256', entryText(r.seq, fields, prev));
        db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
        prev = hash;
      }
      db.prepare('UPDATE audit_head SET hash = ?').run(prev);
    });
    expect(await verify(rewritten)).toMatchObject({ exit: 1, out: { valid: false, chainValid: true, anchor: { verdict: 'rewritten' } } });
  });

  it('an unreachable platform leaves the local check, and says so', async () => {
    const { out, exit } = await runCliJson([audit], ['audit', 'verify', '--db', anchoredDb, '--data-dir', dir, '--platform', 'http://127.0.0.1:9', '--token-file', path.join(dir, 'token'), '--json']);
    expect({ out, exit }).toMatchObject({ exit: 0, out: { valid: true, anchor: { verdict: 'unreachable' } } });
  });
});
