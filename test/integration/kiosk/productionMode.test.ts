// Production fails closed: a demo folder switched to production keeps nothing of the
// demo (accounts, keys, subjects, reader panel), a clean production folder holds no
// demo artefact and starts with no data for an operator, and a packaged build with no
// config runs only the operator's setup screen.
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import { ensureDemoCache } from '../../../src-main/node/cache/cacheLocation';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { EventHub } from '../../../src-main/node/kiosk/eventHub';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { readDemoData } from '../../../src-main/node/cache/demoData';
import { createStaffService } from '../../../src-main/node/staff/staffService';
import { STAFF_DB_FILE } from '../../../src-main/node/staff/staffDb';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const PRODUCTION = { mode: 'production', kioskId: 'ZB-ZD-0001', issuer: '淄博市公共信用信息中心' };
const ADMIN_D900 = { by: 'pin', staffNo: 'D900', pin: '864200' } as const;
const dirs: string[] = [];
const running: KioskRuntime[] = [];

afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-prod-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string, options: { packaged?: boolean } = {}): Promise<KioskApi> {
  const config = loadKioskConfig({ dataDir, env: {}, ...options });
  const runtime = await createKioskRuntime({ config, resourcesDir: RESOURCES, logger: silentLogger() });
  running.push(runtime);
  return runtime.api;
}

async function stopAll(): Promise<void> {
  for (const r of running.splice(0)) await r.close();
}

const writeConfig = (dir: string, config: object): void => fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));

function auditActions(dataDir: string): string[] {
  const db = new Database(path.join(dataDir, STAFF_DB_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);
  } finally {
    db.close();
  }
}

/** Every file below dir whose bytes hold one of the needles: the demo's names, people, codes, accounts and keys. */
function demoTraces(dir: string): string[] {
  const demo = readDemoData(path.join(RESOURCES, 'demo'));
  const staff = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'staff/demo-staff.json'), 'utf8')) as { accounts: Array<{ staffNo: string; name: string }> };
  const demoKey = JSON.parse(fs.readFileSync(path.join(RESOURCES, 'sync/demo-keys/demo-signing.key.json'), 'utf8')) as { keyval: { public: string } };
  const needles = [
    'demo',
    'DEMO',
    '演示',
    demoKey.keyval.public,
    ...staff.accounts.flatMap((a) => [a.name]),
    ...JSON.stringify(demo).match(/\b\d{17}[\dX]\b/g)!,
  ];
  const hits: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.toLowerCase().includes('demo')) hits.push(`${path.relative(dir, p)}/`);
        walk(p);
        continue;
      }
      const bytes = fs.readFileSync(p);
      for (const n of needles) if (bytes.includes(Buffer.from(n, 'utf8'))) hits.push(`${path.relative(dir, p)}: ${n}`);
    }
  };
  walk(dir);
  return hits;
}

describe('a production kiosk', () => {
  it('refuses the demo admin after its folder ran the demo, and audits what it removed', async () => {
    const dir = dataFolder();
    const demo = await start(dir);
    expect(await demo.signIn(ADMIN_D900)).toMatchObject({ ok: true, value: { signedIn: true } });
    await stopAll();

    writeConfig(dir, PRODUCTION);
    const prod = await start(dir);
    expect(await prod.signIn(ADMIN_D900)).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await prod.listDemoCards({})).toMatchObject({ ok: false, error: { code: 'NOT_DEMO_MODE' } });
    expect(fs.existsSync(path.join(dir, 'demo'))).toBe(false);
    expect(auditActions(dir)).toContain('demo-artefacts-removed');
  });

  it('removes the state a demo of the old layout left at the top of the folder', async () => {
    const dir = dataFolder();
    // What the demo wrote before it had its own folder: its cache and its accounts beside config.json.
    ensureDemoCache({ dataDir: dir, demoDir: path.join(RESOURCES, 'demo') });
    const old = await createStaffService({
      cache: { findByCode: async () => null, findHitsByCode: async (codes: readonly string[]) => codes.map(() => null), search: async () => ({ query: '', page: 1, pageSize: 20, hits: [], total: 0, totalIsCapped: false }), dataInfo: async () => ({ dataVersion: 1, dataAsOf: '', subjects: 0 }) },
      hub: new EventHub(),
      logger: silentLogger(),
      dataDir: dir,
      keys: fileKeyStore(dir),
      resourcesDir: RESOURCES,
      kioskId: 'DEMO-KIOSK-01',
      demo: true,
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    await old.close();

    writeConfig(dir, PRODUCTION);
    const prod = await start(dir);
    expect(await prod.signIn(ADMIN_D900)).toMatchObject({ ok: true, value: { signedIn: false } });
    expect(await prod.getStatus({})).toMatchObject({ ok: true, value: { data: { dataVersion: 0, subjects: 0 } } });
    expect(auditActions(dir)).toContain('demo-artefacts-removed');
    await stopAll();
    // Only the audit chain's own record of the removal may name the demo.
    expect(demoTraces(dir).filter((hit) => !/^staff\.sqlite(-wal)?: demo$/.test(hit))).toEqual([]);
  });

  it('starts on a clean folder with no data and no demo artefact, answering lookups "data unavailable"', async () => {
    const dir = dataFolder();
    writeConfig(dir, PRODUCTION);
    const api = await start(dir);
    expect(await api.getStatus({})).toMatchObject({ ok: true, value: { data: { dataVersion: 0, subjects: 0 } } });
    expect(await api.getInfo({})).toMatchObject({ ok: true, value: { mode: 'production', kioskId: 'ZB-ZD-0001' } });
    expect(await api.signIn(ADMIN_D900)).toMatchObject({ ok: true, value: { signedIn: false } });
    await stopAll();
    expect(demoTraces(dir)).toEqual([]);
  });

  it('refuses a production config that leaves the kiosk id or issuer to the demo defaults', () => {
    const dir = dataFolder();
    writeConfig(dir, { mode: 'production', kioskId: 'ZB-ZD-0001' });
    expect(() => loadKioskConfig({ dataDir: dir, env: {} })).toThrow(/issuer/);
  });
});

describe('a packaged build', () => {
  it('with no config runs only the operator screen: what is missing, nothing else answers, nothing is written', async () => {
    const dir = dataFolder();
    const api = await start(dir, { packaged: true });
    const info = await api.getInfo({});
    expect(info).toMatchObject({ ok: true, value: { mode: 'production', setup: { reason: 'no-config', searched: [path.join(dir, 'config.json')] } } });
    expect(await api.getStatus({})).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await api.listDemoCards({})).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await api.signIn(ADMIN_D900)).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('takes a config that names no mode as production', () => {
    const dir = dataFolder();
    writeConfig(dir, { kioskId: 'ZB-ZD-0001', issuer: '淄博市公共信用信息中心' });
    expect(loadKioskConfig({ dataDir: dir, env: {}, packaged: true }).mode).toBe('production');
    expect(loadKioskConfig({ dataDir: dir, env: {} }).mode).toBe('demo');
  });
});
