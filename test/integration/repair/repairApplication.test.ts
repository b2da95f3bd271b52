// 信用修复申请 through the whole kiosk stack (demo cache, simulated reader, file printer,
// the one outbox, the one platform client) and the reference platform: eligibility by the
// rules, the 信用修复承诺书 printed, sealed and verifiable, the application and its pages
// delivered, the pages deleted on the kiosk once the platform has them and never in clear
// on its disk; a platform that is away gets everything later; a lifted card queues nothing.
import Database from 'better-sqlite3';
import { createPrivateKey, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import { PAYLOADS } from '../../../src-main/common/platform/platformEvents';
import { REPORT_NUMBER_PATTERN } from '../../../src-main/common/report/reportNumber';
import type { SignatureStrokes } from '../../../src-main/common/signature/signatureStrokes';
import { DEMO_PHONE_KEY_FILE, openPhone } from '../../../src-main/node/citizen/phoneSeal';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { attachmentDir, readAttachments } from '../../../src-main/node/platform/attachmentIntake';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { pdftotext } from '../report/reportTestKit';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const TOKEN = 'repair-kiosk-token-0123456789abc';
const PHONE = '13812345678';
const REPAIRABLE = 'demo-r-zhou-pen-repairable';
const TOO_EARLY = 'demo-r-zhou-pen-current';
const STROKES: SignatureStrokes = [[[100, 300], [200, 100], [300, 300]], [[400, 100], [420, 320]]];
/** The pages a person on Zhou's case shows the document camera (a person, an ordinary failure). */
const PERSON_PAGES = ['identity-document', 'penalty-fulfilled', 'authority-repair-form', 'training-certificate', 'credit-report'];

/** A JPEG-framed page carrying a marker no file on the kiosk may hold in clear. */
function page(marker: Buffer): string {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), marker, randomBytes(64), Buffer.from([0xff, 0xd9])]).toString('base64');
}

async function poll<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Kiosk {
  runtime: KioskRuntime;
  api: KioskApi;
  events: KioskEvent[];
  dataDir: string;
}

async function startKiosk(dir: string, platformUrl: string): Promise<Kiosk> {
  const dataDir = path.join(dir, 'kiosk');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'token'), TOKEN);
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ sync: { platformUrl, tokenFile: path.join(dataDir, 'token'), intervalMinutes: 0 } }));
  const runtime = await createKioskRuntime({ config: loadKioskConfig({ dataDir, env: {} }), resourcesDir: RESOURCES, logger: silentLogger() });
  const events: KioskEvent[] = [];
  runtime.api.subscribe((e) => events.push(e));
  await poll(() => events.some((e) => e.type === 'reader-status' && e.reader.state === 'connected'), Boolean);
  return { runtime, api: runtime.api, events, dataDir: runtime.config.dataDir };
}

async function placeCard(k: Kiosk, cardId: string): Promise<string> {
  const before = k.events.length;
  await k.api.placeDemoCard({ cardId });
  const inserted = await poll(() => k.events.slice(before).find((e) => e.type === 'card-inserted'), (e) => e !== undefined);
  if (inserted?.type !== 'card-inserted') throw new Error('no card event');
  return inserted.session.id;
}

async function removeCard(k: Kiosk): Promise<void> {
  await k.api.removeDemoCard({});
  await poll(() => k.api.getStatus({}), (s) => s.ok && s.value.session === null);
}

function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const pagesHeld = (k: Kiosk): number => rows<{ n: number }>(path.join(k.dataDir, 'repair.sqlite'), 'SELECT count(*) AS n FROM page')[0]!.n;
const queued = (k: Kiosk): number => rows<{ n: number }>(path.join(k.dataDir, 'outbox.sqlite'), "SELECT count(*) AS n FROM events WHERE type = 'repair-application'")[0]!.n;

/** Every file under the kiosk's data folder: none may hold a marker or the phone in clear (nor base64 of a marker). */
function expectNothingInClear(k: Kiosk, needles: Buffer[]): void {
  const files = fs.readdirSync(k.dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  expect(files.length).toBeGreaterThan(3);
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(f.parentPath, f.name));
    for (const n of needles) expect(bytes.includes(n), `${f.name} holds ${n.toString('hex')}`).toBe(false);
  }
}

let root: string;
let platform: PlatformServer;
let kiosk: Kiosk;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'repair-'));
  fs.mkdirSync(path.join(root, 'repo'));
  platform = await startPlatformServer({ repo: path.join(root, 'repo'), tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(root, 'platform') });
  kiosk = await startKiosk(path.join(root, 'a'), platform.url);
});

afterAll(async () => {
  await kiosk?.runtime.close();
  await platform?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('credit repair application at the kiosk', () => {
  it('says why a penalty cannot be repaired yet, and from which date', async () => {
    const sessionId = await placeCard(kiosk, 'card-zhou');
    const early = await kiosk.api.repairCheck({ sessionId, recordId: TOO_EARLY });
    expect(early).toMatchObject({ ok: true, value: { allowed: false, reason: 'rules', eligibility: { kind: 'not-yet', reason: 'minimum-period', minMonths: 3 } } });
    if (!early.ok || early.value.allowed || early.value.reason !== 'rules' || early.value.eligibility.kind !== 'not-yet' || early.value.eligibility.reason !== 'minimum-period') throw new Error('unexpected');
    expect(early.value.eligibility.from > new Date().toISOString().slice(0, 10)).toBe(true);
    expect(await kiosk.api.repairCheck({ sessionId, recordId: 'demo-r-qinghe-pen-current' })).toEqual({ ok: true, value: { allowed: false, reason: 'not-shown' } });
    await removeCard(kiosk);
  });

  it('files an application: letter sealed and verifiable, pages delivered then deleted here, never in clear on disk', async () => {
    const sessionId = await placeCard(kiosk, 'card-zhou');
    const check = await kiosk.api.repairCheck({ sessionId, recordId: REPAIRABLE });
    if (!check.ok || !check.value.allowed) throw new Error(JSON.stringify(check));
    expect(check.value.severity).toBe('ordinary');
    expect(check.value.checklist.map((m) => m.code)).toEqual(['commitment-letter', ...PERSON_PAGES]);
    expect(check.value.letter.id).toBe('credit-repair');

    const markers = PERSON_PAGES.map(() => randomBytes(24));
    const photos = PERSON_PAGES.map((material, i) => ({ material, jpeg: page(markers[i]!) }));
    // A page missing: refused with what is missing, nothing queued.
    const missing = await kiosk.api.repairSubmit({ sessionId, recordId: REPAIRABLE, fields: { corrected: '已履行行政处罚决定' }, strokes: STROKES, phone: PHONE, photos: photos.slice(1) });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('身份证件') } });
    expect(queued(kiosk)).toBe(0);

    const filed = await kiosk.api.repairSubmit({ sessionId, recordId: REPAIRABLE, fields: { corrected: '已履行行政处罚决定' }, strokes: STROKES, phone: PHONE, photos });
    if (!filed.ok || !filed.value.submitted) throw new Error(JSON.stringify(filed));
    const receipt = filed.value.receipt;
    expect(receipt).toMatchObject({ recordTitle: '未按规定申报纳税', phoneMasked: '138****5678', answerWorkingDays: 5, materials: 6 });
    expect(receipt.applicationNumber).toMatch(REPORT_NUMBER_PATTERN);

    // The printed letter is the receipt: read back and verified as verify-report verifies.
    const dir = path.join(kiosk.dataDir, 'printed');
    const file = await poll(() => fs.readdirSync(dir).find((f) => f.includes(receipt.commitmentNumber) && f.endsWith('.pdf')), (f) => f !== undefined);
    const text = pdftotext(path.join(dir, file!)).replace(/\s+/g, '');
    for (const s of ['信用承诺书（信用修复型）', '信用修复申请', receipt.applicationNumber, '未按规定申报纳税', '演淄税简罚〔2026〕0112号', '5个工作日', '已履行行政处罚决定']) expect(text).toContain(s);
    const key = fs.readFileSync(path.join(reportPaths(kiosk.dataDir).keyDir, PUBLIC_KEY_FILE), 'utf8');
    expect(verifyReportPdf(fs.readFileSync(path.join(dir, file!)), [key])).toMatchObject({ valid: true, reportNumber: receipt.commitmentNumber });

    // A second application for the same record waits for the first.
    expect(await kiosk.api.repairCheck({ sessionId, recordId: REPAIRABLE })).toEqual({ ok: true, value: { allowed: false, reason: 'pending' } });
    expect(await kiosk.api.repairSubmit({ sessionId, recordId: REPAIRABLE, fields: { corrected: '已履行行政处罚决定' }, strokes: STROKES, phone: PHONE, photos })).toEqual({
      ok: true,
      value: { submitted: false, check: { allowed: false, reason: 'pending' } },
    });
    expect(queued(kiosk)).toBe(1);

    // The platform has the event (phone sealed to its key) and every page; the kiosk holds none of them any more.
    const stored = await poll(
      () => rows<{ payload: string }>(path.join(root, 'platform', 'platform-events.sqlite'), "SELECT payload FROM events WHERE type = 'repair-application'"),
      (r) => r.length > 0,
    );
    expect(stored).toHaveLength(1);
    const payload = PAYLOADS['repair-application'].parse(JSON.parse(stored[0]!.payload));
    expect(payload).toMatchObject({ applicationNumber: receipt.applicationNumber, recordId: REPAIRABLE, severity: 'ordinary', applicant: 'subject', commitmentNumber: receipt.commitmentNumber, subject: { kind: 'person', maskedCode: '3703**********1532' } });
    expect(payload.attachments.map((a) => a.material)).toEqual(PERSON_PAGES);
    expect(openPhone(payload.phone, createPrivateKey(fs.readFileSync(path.join(RESOURCES, DEMO_PHONE_KEY_FILE), 'utf8')), receipt.applicationNumber)).toBe(PHONE);
    const pagesDir = attachmentDir(path.join(root, 'platform'), 'DEMO-KIOSK-01', receipt.applicationNumber);
    const received = await poll(() => readAttachments(path.join(root, 'platform'), 'DEMO-KIOSK-01', receipt.applicationNumber), (r) => r.length === PERSON_PAGES.length);
    expect(received.map((p) => p.material).sort()).toEqual([...PERSON_PAGES].sort());
    // Each page as photographed (it opens to the very JPEG) — and sealed at rest: no JPEG marker, no page's bytes on the platform's disk.
    for (const p of received) expect(p.jpeg.equals(Buffer.from(photos.find((x) => x.material === p.material)!.jpeg, 'base64'))).toBe(true);
    for (const f of fs.readdirSync(pagesDir)) {
      const bytes = fs.readFileSync(path.join(pagesDir, f));
      expect(bytes.includes(Buffer.from([0xff, 0xd8, 0xff])), f).toBe(false);
      for (const m of markers) expect(bytes.includes(m), f).toBe(false);
    }
    // The pages' key is their own: a new operators' pepper (every operator's password set again) strands none.
    fs.rmSync(path.join(root, 'platform', 'fleet-operator-pepper'), { force: true });
    expect(readAttachments(path.join(root, 'platform'), 'DEMO-KIOSK-01', receipt.applicationNumber)).toHaveLength(PERSON_PAGES.length);
    await poll(() => pagesHeld(kiosk), (n) => n === 0);
    expect(pagesHeld(kiosk)).toBe(0);
    expectNothingInClear(kiosk, [...markers, ...markers.map((m) => Buffer.from(m.toString('base64').slice(0, 24))), Buffer.from(PHONE)]);
    expect(await kiosk.api.repairList({ sessionId })).toMatchObject({ ok: true, value: [{ applicationNumber: receipt.applicationNumber, recordTitle: '未按规定申报纳税', state: 'submitted', pagesWaiting: 0 }] });
    await removeCard(kiosk);
  });

  it('the card lifted before filing: nothing is queued, no page kept', async () => {
    const sessionId = await placeCard(kiosk, 'card-zhou');
    const before = queued(kiosk);
    await removeCard(kiosk);
    const photos = PERSON_PAGES.map((material) => ({ material, jpeg: page(randomBytes(8)) }));
    expect(await kiosk.api.repairSubmit({ sessionId, recordId: REPAIRABLE, fields: { corrected: '已履行行政处罚决定' }, strokes: STROKES, phone: PHONE, photos })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await kiosk.api.repairCameraStep({ sessionId, open: true })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(kiosk.runtime.cameraAllowed?.()).toBe(false);
    expect(queued(kiosk)).toBe(before);
    expect(pagesHeld(kiosk)).toBe(0);
  });
});

/** What the reference platform holds of one type, read back through its schema. */
const platformHas = <T extends 'repair-application' | 'commitment'>(stateDir: string, type: T) =>
  rows<{ payload: string }>(path.join(stateDir, 'platform-events.sqlite'), `SELECT payload FROM events WHERE type = '${type}'`).map((r) => PAYLOADS[type].parse(JSON.parse(r.payload)) as ReturnType<(typeof PAYLOADS)[T]['parse']>);

describe('credit repair application at the counter', () => {
  it('staff list the card holder’s penalties with eligibility and file one for them, confirmed for a person who cannot sign, with the staff number', async () => {
    // Its own platform: a second kiosk under the same id would collide with the first one's sequence numbers.
    const stateDir = path.join(root, 'c', 'platform');
    const own = await startPlatformServer({ repo: path.join(root, 'repo'), tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir });
    const counter = await startKiosk(path.join(root, 'c'), own.url);
    try {
      const signedIn = await counter.api.signIn({ by: 'pin', staffNo: 'D001', pin: '246810' });
      if (!signedIn.ok || !signedIn.value.signedIn) throw new Error('sign-in failed');
      const token = signedIn.value.session.token;
      // Every counter method refuses an unknown token as every other does; no card on the reader is said plainly.
      for (const call of [
        () => counter.api.repairCounterApplicant({ token: 'not-a-token-0123456789abcdef' }),
        () => counter.api.repairCounterCheck({ token: 'not-a-token-0123456789abcdef', recordId: REPAIRABLE }),
        () => counter.api.repairCounterCameraStep({ token: 'not-a-token-0123456789abcdef', open: true }),
        () => counter.api.repairCounterSubmit({ token: 'not-a-token-0123456789abcdef', recordId: REPAIRABLE, fields: {}, signature: { kind: 'staff-confirmed' }, phone: PHONE, photos: [] }),
      ])
        expect(await call()).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
      expect(await counter.api.repairCounterApplicant({ token })).toMatchObject({ ok: false, error: { code: 'NO_SESSION', message: expect.stringContaining('请在读卡器上放置身份证') } });

      await placeCard(counter, 'card-zhou');
      const applicant = await counter.api.repairCounterApplicant({ token });
      if (!applicant.ok) throw new Error(JSON.stringify(applicant));
      expect(applicant.value.subject).toEqual({ name: '周建国', kind: 'natural-person', codeMasked: '3703**********1532' });
      const byId = Object.fromEntries(applicant.value.penalties.map((p) => [p.record.id, p.check]));
      expect(byId[REPAIRABLE]).toMatchObject({ allowed: true, severity: 'ordinary' });
      expect(byId[TOO_EARLY]).toMatchObject({ allowed: false, reason: 'rules', eligibility: { kind: 'not-yet', reason: 'minimum-period' } });
      expect(applicant.value.applications).toEqual([]);

      const photos = PERSON_PAGES.map((material) => ({ material, jpeg: page(randomBytes(24)) }));
      const filed = await counter.api.repairCounterSubmit({ token, recordId: REPAIRABLE, fields: { corrected: '已履行行政处罚决定' }, signature: { kind: 'staff-confirmed' }, phone: PHONE, photos });
      if (!filed.ok || !filed.value.submitted) throw new Error(JSON.stringify(filed));
      const { receipt, file } = filed.value;
      expect(receipt).toMatchObject({ recordTitle: '未按规定申报纳税', phoneMasked: '138****5678', printJobId: null });
      // The sealed letter comes back to print at the counter, verifiable as a report is.
      const key = fs.readFileSync(path.join(reportPaths(counter.dataDir).keyDir, PUBLIC_KEY_FILE), 'utf8');
      expect(verifyReportPdf(Buffer.from(file.dataBase64, 'base64'), [key])).toMatchObject({ valid: true, reportNumber: receipt.commitmentNumber });

      // The platform has both, with the staff number: the letter confirmed by staff, the application filed at the counter.
      const letters = await poll(() => platformHas(stateDir, 'commitment'), (r) => r.some((c) => c.commitmentNumber === receipt.commitmentNumber));
      expect(letters.find((c) => c.commitmentNumber === receipt.commitmentNumber)).toMatchObject({ channel: 'counter', signature: 'staff-confirmed', staffId: 'D001' });
      const stored = await poll(() => platformHas(stateDir, 'repair-application'), (r) => r.some((p) => p.applicationNumber === receipt.applicationNumber));
      expect(stored.find((p) => p.applicationNumber === receipt.applicationNumber)).toMatchObject({ staffId: 'D001', applicant: 'subject', commitmentNumber: receipt.commitmentNumber });
      expect(await counter.api.repairCounterCheck({ token, recordId: REPAIRABLE })).toEqual({ ok: true, value: { allowed: false, reason: 'pending' } });
      expect(await counter.api.repairLookup({ token, applicationNumber: receipt.applicationNumber })).toMatchObject({ ok: true, value: { applicationNumber: receipt.applicationNumber } });
      const after = await counter.api.repairCounterApplicant({ token });
      expect(after).toMatchObject({ ok: true, value: { applications: [{ applicationNumber: receipt.applicationNumber, recordTitle: '未按规定申报纳税' }] } });

      // The card lifted: the counter files nothing more for anyone.
      await removeCard(counter);
      const before = queued(counter);
      expect(await counter.api.repairCounterSubmit({ token, recordId: TOO_EARLY, fields: { corrected: '已履行行政处罚决定' }, signature: { kind: 'drawn', strokes: STROKES }, phone: PHONE, photos })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
      expect(queued(counter)).toBe(before);

      // The document camera is the staff member's only while they are signed in: signing out withdraws it at once.
      expect(await counter.api.repairCounterCameraStep({ token, open: true })).toEqual({ ok: true, value: { open: true } });
      expect(counter.runtime.cameraAllowed?.()).toBe(true);
      expect(await counter.api.signOut({ token })).toMatchObject({ ok: true });
      expect(counter.runtime.cameraAllowed?.()).toBe(false);
    } finally {
      await counter.runtime.close();
      await own.close();
    }
  }, 120_000);
});

describe('the session timing out mid-flow', () => {
  it('with the camera step open and the pages taken: the session ends as idle, the camera is withdrawn, nothing is queued or kept', async () => {
    const sessionId = await placeCard(kiosk, 'card-zhou');
    const before = queued(kiosk);
    expect(await kiosk.api.repairCheck({ sessionId, recordId: REPAIRABLE })).toMatchObject({ ok: true });
    expect(await kiosk.api.repairCameraStep({ sessionId, open: true })).toEqual({ ok: true, value: { open: true } });
    expect(kiosk.runtime.cameraAllowed?.()).toBe(true);
    // The screen's idle countdown ran out: it ends the session as timed out.
    const seen = kiosk.events.length;
    expect(await kiosk.api.endSession({ sessionId, reason: 'idle' })).toMatchObject({ ok: true });
    await poll(() => kiosk.events.slice(seen).some((e) => e.type === 'session-ended' && e.reason === 'idle'), Boolean);
    expect(kiosk.runtime.cameraAllowed?.()).toBe(false);
    const photos = PERSON_PAGES.map((material) => ({ material, jpeg: page(randomBytes(8)) }));
    expect(await kiosk.api.repairSubmit({ sessionId, recordId: TOO_EARLY, fields: { corrected: '已履行行政处罚决定' }, strokes: STROKES, phone: PHONE, photos })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await kiosk.api.repairList({ sessionId })).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(queued(kiosk)).toBe(before);
    expect(pagesHeld(kiosk)).toBe(0);
  });
});

describe('credit repair application while the platform is away', () => {
  it('the receipt says it will be sent; pages wait sealed and go once the platform is back', async () => {
    // A port nothing listens on yet; the platform starts there later.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const dir = path.join(root, 'b');
    const away = await startKiosk(dir, `http://127.0.0.1:${port}`);
    let later: PlatformServer | null = null;
    try {
      const sessionId = await placeCard(away, 'card-zhou');
      const marker = randomBytes(24);
      const photos = PERSON_PAGES.map((material, i) => ({ material, jpeg: page(i === 0 ? marker : randomBytes(24)) }));
      const filed = await away.api.repairSubmit({ sessionId, recordId: REPAIRABLE, fields: { corrected: '已完成整改并消除不良影响' }, strokes: STROKES, phone: PHONE, photos });
      if (!filed.ok || !filed.value.submitted) throw new Error(JSON.stringify(filed));
      expect(filed.value.receipt.delivered).toBe(false);
      expect(pagesHeld(away)).toBe(PERSON_PAGES.length);
      expect(await away.api.repairList({ sessionId })).toMatchObject({ ok: true, value: [{ state: 'sending', pagesWaiting: PERSON_PAGES.length }] });
      expectNothingInClear(away, [marker, Buffer.from(PHONE)]);
      await removeCard(away);

      later = await startPlatformServer({ repo: path.join(root, 'repo'), tokens: { 'DEMO-KIOSK-01': TOKEN }, stateDir: path.join(dir, 'platform'), port });
      await poll(() => pagesHeld(away), (n) => n === 0, 90_000);
      expect(pagesHeld(away)).toBe(0);
      expect(readAttachments(path.join(dir, 'platform'), 'DEMO-KIOSK-01', filed.value.receipt.applicationNumber)).toHaveLength(PERSON_PAGES.length);
    } finally {
      await away.runtime.close();
      await later?.close();
    }
  }, 150_000);
});
