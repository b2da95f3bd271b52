// Offline first, online as fallback: a card holder missing from the local cache is
// asked for at the reference platform on loopback, and the answer says so; with the
// platform down, the person is told it cannot be reached (not "no record").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { publishFromBundles } from '../../../src-main/node/sync/publisher';
import { generateKey } from '../../../src-main/node/sync/signing';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const TOKEN = 'kiosk-token-for-tests-0123456789';
let dir: string;
let platform: PlatformServer;
let runtime: KioskRuntime;
let api: KioskApi;

async function sessionFor(cardId: string): Promise<string> {
  const inserted = new Promise<string>((resolve) => {
    const off = api.subscribe((e: KioskEvent) => {
      if (e.type === 'card-inserted') {
        off();
        resolve(e.session.id);
      }
    });
  });
  await api.placeDemoCard({ cardId });
  return inserted;
}

async function removeCard(): Promise<void> {
  const removed = new Promise<void>((resolve) => {
    const off = api.subscribe((e) => e.type === 'card-removed' && (off(), resolve()));
  });
  await api.removeDemoCard({});
  await removed;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-online-'));
  const repo = path.join(dir, 'repo');
  // The platform knows a person the kiosk's demo cache does not (the HMT permit holder).
  await publishFromBundles(
    [
      {
        subject: { id: 'platform-chen', kind: 'natural-person', code: '810000199408230021', formerCodes: [], name: '陈嘉欣' },
        records: [
          { id: 'platform-chen-q1', subjectId: 'platform-chen', category: 'qualification', title: '执业药师', authority: '演示市药品监督管理局', decisionDate: '2024-05-01', status: 'active', dataVersion: 1, fields: {} },
        ],
      },
    ],
    { repo, key: generateKey('ed25519'), now: new Date(), dataAsOf: new Date() },
  );
  platform = await startPlatformServer({ repo, tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(dir, 'platform') });
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'kiosk.token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl: platform.url, tokenFile: 'kiosk.token', intervalMinutes: 0, onlineRetries: 0, onlineTimeoutMs: 1000 } }));
  runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {} }), resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
});

afterAll(async () => {
  await runtime.close();
  await platform.close().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('online fallback', () => {
  it('answers a cache miss from the platform, saying so', async () => {
    const sessionId = await sessionFor('card-hmt');
    const r = await api.lookupSelf({ sessionId });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    expect(r.value.subject.name).toBe('陈嘉欣');
    expect(r.value.provenance).toMatchObject({ source: 'online', askedAt: expect.any(String) });
    expect(r.value.records.map((x) => x.title)).toEqual(['执业药师']);
    await removeCard();
  });

  it('still answers from the cache for subjects it holds', async () => {
    const sessionId = await sessionFor('card-zhou');
    expect(await api.lookupSelf({ sessionId })).toMatchObject({ ok: true, value: { provenance: { source: 'cache' } } });
    await removeCard();
  });

  it('says the platform cannot be reached when it is down, rather than "no record"', async () => {
    await platform.close();
    const sessionId = await sessionFor('card-foreign-2023');
    expect(await api.lookupSelf({ sessionId })).toMatchObject({ ok: false, error: { code: 'ONLINE_UNAVAILABLE' } });
    await removeCard();
  });
});
