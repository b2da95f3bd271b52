// The kiosk runtime starts the outbox's delivery loop: with a platform configured, its
// heartbeat and a report printed at the screen reach the reference platform without
// anyone asking for a delivery, and the admin console shows the outbox's state.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../../src-main/common/contract/views';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';

const TOKEN = 'kiosk-token-for-outbox-0123456789';
let dir: string;
let platform: PlatformServer;
let runtime: KioskRuntime;

function received(): Array<{ type: string; payload: Record<string, unknown> }> {
  const db = new Database(path.join(dir, 'platform', 'platform-events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT type, payload FROM events').all() as Array<{ type: string; payload: string }>).map((r) => ({ type: r.type, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-outbox-'));
  fs.mkdirSync(path.join(dir, 'repo'));
  platform = await startPlatformServer({ repo: path.join(dir, 'repo'), tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(dir, 'platform'), queryIndex: false });
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'kiosk.token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl: platform.url, tokenFile: 'kiosk.token', intervalMinutes: 0 }, outbox: { deliverSeconds: 3600 } }));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {} }), resourcesDir: path.resolve(__dirname, '../../../resources'), logger: silentLogger() });
});

afterAll(async () => {
  // The runtime first: its close flushes a last anchor into the outbox file.
  for (const closing of [runtime, platform]) await closing?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the runtime delivers the outbox', () => {
  it('sends the heartbeat and a printed report’s registration on its own; the admin console shows the outbox', async () => {
    const api = runtime.api;
    await expect.poll(() => received().filter((e) => e.type === 'heartbeat').length, { timeout: 20_000 }).toBe(1);
    expect(received().find((e) => e.type === 'heartbeat')?.payload).toMatchObject({ appVersion: expect.any(String), reader: expect.stringMatching(/^(ok|absent)$/), printer: 'ok', outboxBacklog: expect.any(Number) });

    const inserted = new Promise<SessionInfo>((resolve) => {
      const off = api.subscribe((e) => e.type === 'card-inserted' && (off(), resolve(e.session)));
    });
    await api.placeDemoCard({ cardId: 'card-zhou' });
    const session = await inserted;
    const printed = await api.printReport({ sessionId: session.id });
    if (!printed.ok) throw new Error(printed.error.message);
    await expect.poll(() => received().find((e) => e.type === 'report-issued')?.payload.reportNumber, { timeout: 20_000 }).toBe(printed.value.reportNumber);
    const report = received().find((e) => e.type === 'report-issued')!.payload;
    // The person by a masked code and a keyed hash, never the number.
    expect(report).toMatchObject({ subject: { kind: 'person', maskedCode: expect.stringMatching(/^\d{4}\*+[\dX]{4}$/), key: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    const signedIn = await api.signIn({ by: 'pin', staffNo: 'D900', pin: '864200' });
    if (!signedIn.ok || !signedIn.value.signedIn) throw new Error('admin sign-in failed');
    const overview = await api.getAdminOverview({ token: signedIn.value.session.token });
    expect(overview.ok && overview.value.outbox).toMatchObject({ platformConfigured: true, alarm: false, alarmMessage: '' });
  });
});
