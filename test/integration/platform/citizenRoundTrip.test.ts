// The citizen loop closed (issue 18, items 1 and 3): at the kiosk a person files an
// objection and signs a commitment; the one outbox delivers both to the reference
// platform; `platform export` merges them into the city's regular feed and `publish`
// makes the next release; the kiosk syncs it and its summary now shows the record as
// objection-pending (异议处理中) and the commitment as a 信用承诺 record. The same feed
// published without the export leaves both unseen: that is what the export adds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register } from '../../../src-main/cli/commands/platform';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import type { RecordView } from '../../../src-main/common/contract/views';
import type { SignatureStrokes } from '../../../src-main/common/signature/signatureStrokes';
import type { Envelope, Root } from '../../../src-main/common/sync/metadataSchemas';
import { parseEnvelope } from '../../../src-main/common/sync/trustRules';
import { readDemoData, resolveDemoSubjects } from '../../../src-main/node/cache/demoData';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { plainKeyFile } from '../../../src-main/node/keys/keyFiles';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { readKeyFile } from '../../../src-main/node/sync/keyFile';
import { publishFromFolder } from '../../../src-main/node/sync/publisher';
import { runCliJson } from '../../support/runCli';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const TOKEN = 'roundtrip-kiosk-token-0123456789';
const FINE = 'demo-r-zhou-pen-current';
const STROKES: SignatureStrokes = [[[100, 300], [200, 100], [300, 300]], [[400, 100], [420, 320]]];
let root: string;
let feed: string;
let repo: string;
let platform: PlatformServer;
let runtime: KioskRuntime;
let api: KioskApi;
let staffToken: string;
const events: KioskEvent[] = [];

async function poll<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The city's regular feed as the publisher reads it (docs/sync.md): the demo's subjects and records. */
function writeFeed(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const bundles = resolveDemoSubjects(readDemoData(path.join(RESOURCES, 'demo')).data, new Date());
  fs.writeFileSync(path.join(dir, 'subjects.ndjson'), bundles.map((b) => JSON.stringify(b.subject)).join('\n') + '\n');
  const byCategory = new Map<string, string[]>();
  for (const { records } of bundles) {
    for (const { dataVersion: _unused, ...r } of records) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), JSON.stringify(r)]);
  }
  for (const [category, lines] of byCategory) fs.writeFileSync(path.join(dir, `${category}.ndjson`), lines.join('\n') + '\n');
}

async function publish(input: string): Promise<number> {
  const key = readKeyFile(path.join(RESOURCES, 'sync', 'demo-keys', 'demo-signing.key.json'));
  const initialRoot = parseEnvelope<Root>(fs.readFileSync(path.join(RESOURCES, 'sync', 'root.json')), 'root') as Envelope<Root>;
  return (await publishFromFolder(input, { repo, key, initialRoot })).version;
}

async function syncTo(version: number): Promise<void> {
  const ran = await api.adminAction({ token: staffToken, action: 'run-sync' });
  if (!ran.ok || ran.value.action === 'leave-kiosk') throw new Error(JSON.stringify(ran));
  expect(ran.value.run).toMatchObject({ ok: true, version });
}

async function withCard<T>(cardId: string, fn: (sessionId: string) => Promise<T>): Promise<T> {
  const before = events.length;
  await api.placeDemoCard({ cardId });
  const inserted = await poll(() => events.slice(before).find((e) => e.type === 'card-inserted'), (e) => e !== undefined);
  if (inserted?.type !== 'card-inserted') throw new Error('no card event');
  try {
    return await fn(inserted.session.id);
  } finally {
    await api.removeDemoCard({});
    await poll(() => api.getStatus({}), (s) => s.ok && s.value.session === null);
  }
}

/** What card-zhou sees: the summary's records, and the report's preview as text. */
async function ownView(): Promise<{ records: RecordView[]; report: string; objections: string[] }> {
  return withCard('card-zhou', async (sessionId) => {
    const r = await api.lookupSelf({ sessionId });
    if (!r.ok) throw new Error(r.error.message);
    const preview = await api.previewReport({ sessionId });
    if (!preview.ok) throw new Error(preview.error.message);
    const list = await api.objectionList({ sessionId });
    if (!list.ok) throw new Error(list.error.message);
    return { records: r.value.records, report: JSON.stringify(preview.value.sections), objections: list.value.map((o) => `${o.applicationNumber}:${o.state}`) };
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtrip-'));
  feed = path.join(root, 'feed');
  repo = path.join(root, 'repo');
  writeFeed(feed);
  await publish(feed);
  platform = await startPlatformServer({ repo, tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(root, 'platform'), queryIndex: false });
  const dataDir = path.join(root, 'kiosk');
  fs.mkdirSync(dataDir);
  fs.writeFileSync(path.join(dataDir, 'token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl: platform.url, tokenFile: path.join(dataDir, 'token'), intervalMinutes: 0 } }));
  const config = loadKioskConfig({ dataDir, env: {} });
  runtime = await createKioskRuntime({ config: { ...config, printer: { kind: 'file', dir: path.join(dataDir, 'printed') } } as typeof config, resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
  api.subscribe((e) => events.push(e));
  const signedIn = await api.signIn({ by: 'pin', staffNo: 'D900', pin: '864200' });
  if (!signedIn.ok || !signedIn.value.signedIn) throw new Error('sign-in failed');
  staffToken = signedIn.value.session.token;
  await poll(() => events.some((e) => e.type === 'reader-status' && e.reader.state === 'connected'), Boolean);
  await syncTo(1);
});

afterAll(async () => {
  await runtime?.close();
  await platform?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the citizen round trip through the platform', () => {
  it('an objection and a commitment made at the kiosk come back through sync once the platform exports them', async () => {
    const { applicationNumber, commitmentNumber } = await withCard('card-zhou', async (sessionId) => {
      const filed = await api.objectionSubmit({ sessionId, recordId: FINE, reasonCode: 'content-wrong', phone: '13912345678' });
      if (!filed.ok || !filed.value.submitted) throw new Error(JSON.stringify(filed));
      const signed = await api.signCommitment({ sessionId, kindId: 'voluntary-disclosure', fields: { area: '诚信经营' }, strokes: STROKES });
      if (!signed.ok) throw new Error(signed.error.message);
      return { applicationNumber: filed.value.receipt.applicationNumber, commitmentNumber: signed.value.commitmentNumber };
    });

    // The one outbox delivers both on its own.
    const delivered = await poll(() => platform.store.eventsOfTypes(['objection', 'commitment']), (e) => e.length === 2);
    expect(delivered.map((e) => e.type).sort()).toEqual(['commitment', 'objection']);

    // Without the export: the city's feed alone makes the next release, and nothing has come back.
    await syncTo(await publish(feed));
    const before = await ownView();
    expect(before.records.find((r) => r.id === FINE)?.status).toBe('active');
    expect(before.records.some((r) => r.documentNumber === commitmentNumber)).toBe(false);
    expect(before.report).not.toContain('（异议处理中）');
    expect(before.report).not.toContain(commitmentNumber);
    expect(before.objections).toEqual([`${applicationNumber}:submitted`]);

    // The platform's export merged into the feed, published, synced.
    const merged = path.join(root, 'merged');
    const exported = await runCliJson([register], ['platform', 'export', '--database', path.join(root, 'platform', 'platform-events.sqlite'), '--feed', feed, '--subject-key', plainKeyFile(runtime.config.dataDir, 'subject'), '--out', merged, '--json']);
    expect(exported).toMatchObject({ exit: 0, out: { commitments: 1, objections: 1, unmatched: [] } });
    await syncTo(await publish(merged));

    const after = await ownView();
    expect(after.records.find((r) => r.id === FINE)?.status).toBe('objection-pending');
    expect(after.report).toContain('（异议处理中）');
    expect(after.report).toContain(commitmentNumber);
    expect(after.records.find((r) => r.documentNumber === commitmentNumber)).toMatchObject({ category: 'commitment', title: '主动公开型', fields: { 承诺类型: '主动公开型', 履约状态: '履约中' } });
    // The person placing their card sees their application is being processed.
    expect(after.objections).toEqual([`${applicationNumber}:processing`]);
  });

  it('refuses an output folder that is the feed, and a subject key that is not one, saying why', async () => {
    const database = path.join(root, 'platform', 'platform-events.sqlite');
    const badKey = path.join(root, 'bad.key');
    fs.writeFileSync(badKey, 'not a key');
    const same = await runCliJson([register], ['platform', 'export', '--database', database, '--feed', feed, '--subject-key', badKey, '--out', path.join(root, 'x'), '--json']);
    expect(same.out).toMatchObject({ error: { code: 'INVALID_INPUT', message: expect.stringContaining('主体密钥') } });
    const key = plainKeyFile(runtime.config.dataDir, 'subject');
    const intoFeed = await runCliJson([register], ['platform', 'export', '--database', database, '--feed', feed, '--subject-key', key, '--out', feed, '--json']);
    expect(intoFeed.out).toMatchObject({ error: { message: expect.stringContaining('输出目录不能是数据源目录') } });
  });
});
