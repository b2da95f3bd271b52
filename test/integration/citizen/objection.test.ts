// 异议申请 through the whole kiosk stack (demo cache, simulated reader, file printer,
// the one outbox) and the reference platform: the receipt is printed, sealed and
// verifiable; the application reaches the platform, stored by its id, with the phone
// sealed so that only the platform's key opens it and no kiosk file holds it in clear.
import Database from 'better-sqlite3';
import { createPrivateKey } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import { PAYLOADS } from '../../../src-main/common/platform/platformEvents';
import { REPORT_NUMBER_PATTERN } from '../../../src-main/common/report/reportNumber';
import { DEMO_PHONE_KEY_FILE, openPhone } from '../../../src-main/node/citizen/phoneSeal';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { pdftotext } from '../report/reportTestKit';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const TOKEN = 'objection-kiosk-token-0123456789';
const PHONE = '13912345678';
const FINE = 'demo-r-zhou-pen-current';
let runtime: KioskRuntime;
let api: KioskApi;
let platform: PlatformServer;
let root: string;
const events: KioskEvent[] = [];

async function poll<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function placeCard(cardId: string): Promise<string> {
  const before = events.length;
  await api.placeDemoCard({ cardId });
  const inserted = await poll(() => events.slice(before).find((e) => e.type === 'card-inserted'), (e) => e !== undefined);
  if (inserted?.type !== 'card-inserted') throw new Error('no card event');
  return inserted.session.id;
}

async function removeCard(): Promise<void> {
  await api.removeDemoCard({});
  await poll(() => api.getStatus({}), (s) => s.ok && s.value.session === null);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'objection-'));
  const repo = path.join(root, 'repo');
  fs.mkdirSync(repo);
  platform = await startPlatformServer({ repo, tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(root, 'platform') });
  const dataDir = path.join(root, 'kiosk');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, 'token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl: platform.url, tokenFile: path.join(dataDir, 'token'), intervalMinutes: 0 } }));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {} }), resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
  api.subscribe((e) => events.push(e));
  await poll(() => events.some((e) => e.type === 'reader-status' && e.reader.state === 'connected'), Boolean);
});

afterAll(async () => {
  await runtime.close();
  await platform.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('objection at the kiosk', () => {
  it('files an objection: sealed receipt printed, queued once, delivered to the platform with the phone sealed', async () => {
    const sessionId = await placeCard('card-zhou');
    const options = await api.objectionOptions({ sessionId });
    expect(options.ok && options.value.answerWorkingDays).toBe(10);
    expect(await api.objectionCheck({ sessionId, recordId: FINE })).toEqual({ ok: true, value: { allowed: true } });

    const filed = await api.objectionSubmit({ sessionId, recordId: FINE, reasonCode: 'content-wrong', phone: PHONE });
    if (!filed.ok || !filed.value.submitted) throw new Error(JSON.stringify(filed));
    const receipt = filed.value.receipt;
    expect(receipt.applicationNumber).toMatch(REPORT_NUMBER_PATTERN);
    expect(receipt.phoneMasked).toBe('139****5678');

    // The printed receipt: read back, and verified as verify-report verifies.
    const dir = path.join(runtime.config.dataDir, 'printed');
    const file = await poll(() => fs.readdirSync(dir).find((f) => f.includes(receipt.applicationNumber) && f.endsWith('.pdf')), (f) => f !== undefined);
    const pdf = fs.readFileSync(path.join(dir, file!));
    const text = pdftotext(path.join(dir, file!));
    expect(text).toContain('信用信息异议申请回执');
    expect(text).toContain(receipt.applicationNumber);
    expect(text).toContain('违规占用消防车通道');
    expect(text).toContain('10 个工作日');
    expect(text).toContain('139****5678');
    expect(text).not.toContain(PHONE);
    const key = fs.readFileSync(path.join(reportPaths(runtime.config.dataDir).keyDir, PUBLIC_KEY_FILE), 'utf8');
    expect(verifyReportPdf(pdf, [key])).toMatchObject({ valid: true, reportNumber: receipt.applicationNumber });
    expect(await api.verifyReportCode({ text: receipt.applicationNumber })).toMatchObject({ ok: true, value: { verdict: 'unknown' } });

    // A second objection on the same record: refused as pending.
    expect(await api.objectionCheck({ sessionId, recordId: FINE })).toEqual({ ok: true, value: { allowed: false, reason: 'pending' } });
    expect(await api.objectionSubmit({ sessionId, recordId: FINE, reasonCode: 'other', phone: PHONE })).toEqual({ ok: true, value: { submitted: false, reason: 'pending' } });
    expect(await api.objectionList({ sessionId })).toMatchObject({ ok: true, value: [{ applicationNumber: receipt.applicationNumber, state: 'submitted', recordTitle: '违规占用消防车通道' }] });

    // No kiosk file holds the phone in clear (outbox, register, logs, the printed receipt).
    const files = fs.readdirSync(runtime.config.dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const f of files) expect(fs.readFileSync(path.join(f.parentPath, f.name)).includes(PHONE), f.name).toBe(false);

    // The runtime's one outbox delivers it on its own; the platform stores it by id, and its key opens the phone.
    const platformRows = (): Array<{ id: string; payload: string }> => {
      const db = new Database(path.join(root, 'platform', 'platform-events.sqlite'), { readonly: true });
      try {
        return db.prepare("SELECT id, payload FROM events WHERE type = 'objection'").all() as Array<{ id: string; payload: string }>;
      } finally {
        db.close();
      }
    };
    const rows = await poll(platformRows, (r) => r.length > 0);
    expect(rows).toHaveLength(1);
    const payload = PAYLOADS.objection.parse(JSON.parse(rows[0]!.payload));
    expect(payload).toMatchObject({ applicationNumber: receipt.applicationNumber, recordId: FINE, reasonCode: 'content-wrong', applicant: 'subject', subject: { kind: 'person', maskedCode: '3703**********1532' } });
    const platformKey = createPrivateKey(fs.readFileSync(path.join(RESOURCES, DEMO_PHONE_KEY_FILE), 'utf8'));
    expect(openPhone(payload.phone, platformKey, receipt.applicationNumber)).toBe(PHONE);
    await removeCard();
  });

  it('refuses a record that is not shown or not taken, saying why', async () => {
    const sessionId = await placeCard('card-lin');
    expect(await api.objectionCheck({ sessionId, recordId: 'demo-r-lin-commit-1' })).toEqual({ ok: true, value: { allowed: false, reason: 'category-excluded', category: 'commitment' } });
    expect(await api.objectionCheck({ sessionId, recordId: FINE })).toEqual({ ok: true, value: { allowed: false, reason: 'not-shown' } });
    expect(await api.objectionSubmit({ sessionId, recordId: 'demo-r-lin-qual-1', reasonCode: 'no-such-reason', phone: PHONE })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await removeCard();
  });

  it('the card lifted before filing: nothing is queued', async () => {
    const sessionId = await placeCard('card-lin');
    const pendingBefore = countObjections();
    await removeCard();
    expect(await api.objectionSubmit({ sessionId, recordId: 'demo-r-lin-qual-1', reasonCode: 'content-wrong', phone: PHONE })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(countObjections()).toBe(pendingBefore);
  });
});

function countObjections(): number {
  const db = new Database(path.join(runtime.config.dataDir, 'outbox.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM events WHERE type = 'objection'").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
