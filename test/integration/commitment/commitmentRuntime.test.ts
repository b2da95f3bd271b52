// Credit commitments through the whole kiosk as the screens call it: on the kiosk for the
// card holder (a lifted card refuses), and at the counter for the applicant of a check
// whose item allows 容缺受理 — signed on the pad or, for a person who cannot sign,
// confirmed by the staff member (audited) — each queued once in the kiosk's one outbox.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../src-main/common/contract/events';
import type { KioskApi } from '../../../src-main/common/contract/kioskApi';
import type { SignatureStrokes } from '../../../src-main/common/signature/signatureStrokes';
import { maskIdNumber } from '../../../src-main/common/rules/masking';
import { loadCacheKey } from '../../../src-main/node/cache/cacheKeys';
import { loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { openKeyStore } from '../../../src-main/node/keys/openKeyStore';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { silentLogger } from '../../../src-main/node/logging/logger';
import { createKioskRuntime, type KioskRuntime } from '../../../src-main/node/runtime/kioskRuntime';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { pdftotext } from '../report/reportTestKit';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const STROKES: SignatureStrokes = [[[100, 300], [200, 100], [300, 300]], [[400, 100], [420, 320]]];
let runtime: KioskRuntime;
let api: KioskApi;
let dataDir: string;
let token: string;

function next(type: KioskEvent['type']): Promise<KioskEvent> {
  return new Promise((resolve) => {
    const off = api.subscribe((e) => {
      if (e.type === type) {
        off();
        resolve(e);
      }
    });
  });
}

/** The commitments queued for the platform, as the one outbox holds them (sealed at rest: opened with the kiosk's key). */
async function queuedCommitments(): Promise<Array<Record<string, unknown>>> {
  const outbox = createOutbox({ file: path.join(runtime.config.dataDir, 'outbox.sqlite'), key: loadCacheKey(openKeyStore(runtime.config)) });
  try {
    return outbox
      .pendingEvents(10_000)
      .filter((e) => e.type === 'commitment')
      .map((e) => e.payload);
  } finally {
    await outbox.close();
  }
}

function publicKey(): string {
  return fs.readFileSync(path.join(runtime.config.dataDir, 'report-keys', 'report-signing-key.pub.pem'), 'utf8');
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commitment-runtime-'));
  const config = loadKioskConfig({ dataDir, env: {} });
  runtime = await createKioskRuntime({ config: { ...config, printer: { kind: 'file', dir: path.join(dataDir, 'printed') } } as typeof config, resourcesDir: RESOURCES, logger: silentLogger() });
  api = runtime.api;
  const signedIn = await api.signIn({ by: 'pin', staffNo: 'D001', pin: '246810' });
  if (!signedIn.ok || !signedIn.value.signedIn) throw new Error('sign-in failed');
  token = signedIn.value.session.token;
});

afterAll(async () => {
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('on the kiosk', () => {
  it('signs for the card holder, and refuses once the card is lifted', async () => {
    const inserted = next('card-inserted');
    await api.placeDemoCard({ cardId: 'card-zhou' });
    const { session } = (await inserted) as Extract<KioskEvent, { type: 'card-inserted' }>;
    const signed = await api.signCommitment({ sessionId: session.id, kindId: 'voluntary-disclosure', fields: { area: '诚信经营' }, strokes: STROKES });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.job.reportNumber).toBe(signed.value.commitmentNumber);
    expect((await queuedCommitments()).at(-1)).toMatchObject({ commitmentNumber: signed.value.commitmentNumber, channel: 'kiosk', signature: 'drawn' });

    const removed = next('card-removed');
    await api.removeDemoCard({});
    await removed;
    const before = (await queuedCommitments()).length;
    const late = await api.signCommitment({ sessionId: session.id, kindId: 'voluntary-disclosure', fields: { area: '产品质量' }, strokes: STROKES });
    expect(late).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(await queuedCommitments()).toHaveLength(before);
  });
});

describe('for an enterprise on the kiosk', () => {
  it('its legal representative signs for it; someone else’s enterprise is refused', async () => {
    const inserted = next('card-inserted');
    await api.placeDemoCard({ cardId: 'card-lin' });
    const { session } = (await inserted) as Extract<KioskEvent, { type: 'card-inserted' }>;
    const signed = await api.signCommitment({ sessionId: session.id, uscc: '91370303MA3C7K2P1R', kindId: 'industry-self-discipline', fields: { industry: '物业服务业' }, strokes: STROKES });
    if (!signed.ok) throw new Error(signed.error.message);
    expect((await queuedCommitments()).at(-1)).toMatchObject({ commitmentNumber: signed.value.commitmentNumber, subject: { kind: 'enterprise', maskedCode: maskIdNumber('91370303MA3C7K2P1R') } });
    const other = await api.signCommitment({ sessionId: session.id, uscc: '12370303MB1F3K6Y81', kindId: 'industry-self-discipline', fields: { industry: '物业服务业' }, strokes: STROKES });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_THE_SUBJECT' } });
    const removed = next('card-removed');
    await api.removeDemoCard({});
    await removed;
  });
});

describe('at the counter', () => {
  it('signs for the applicant of a check that allows 容缺受理, by staff confirmation, on the audit chain', async () => {
    const check = await api.checkSubject({ token, itemId: 'business-licence', by: 'code', code: '12370303MB1F3K6Y81' });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.incentives.map((i) => i.id)).toContain('tolerance-acceptance');
    const signed = await api.signCommitmentAtCounter({ token, checkId: check.value.checkId, kindId: 'government-service', fields: { deadline: '10个工作日' }, signature: { kind: 'staff-confirmed' } });
    if (!signed.ok) throw new Error(signed.error.message);
    const pdf = Buffer.from(signed.value.file.dataBase64, 'base64');
    expect(verifyReportPdf(pdf, [publicKey()])).toMatchObject({ valid: true, reportNumber: signed.value.commitmentNumber });
    const file = path.join(dataDir, 'counter.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdftotext(file).replace(/\s+/g, '');
    expect(text).toContain('无法亲笔签名');
    expect(text).toContain('工号D001');
    expect((await queuedCommitments()).at(-1)).toMatchObject({ commitmentNumber: signed.value.commitmentNumber, channel: 'counter', signature: 'staff-confirmed', staffId: 'D001' });

    const db = new Database(path.join(runtime.config.dataDir, 'staff.sqlite'), { readonly: true });
    const audited = db.prepare("SELECT * FROM audit_log WHERE action = 'commitment'").all() as Array<Record<string, unknown>>;
    db.close();
    expect(audited.map((a) => a.result)).toContain('staff-confirmed');

    // The same again is refused, politely, and the refusal is on the chain too.
    const again = await api.signCommitmentAtCounter({ token, checkId: check.value.checkId, kindId: 'government-service', fields: { deadline: '10个工作日' }, signature: { kind: 'drawn', strokes: STROKES } });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_COMMITTED' } });
  });

  it('refuses where the check’s item allows no commitment', async () => {
    const check = await api.checkSubject({ token, itemId: 'director-filing', by: 'code', code: '91370303MA3C7K2P1R' });
    if (!check.ok) throw new Error(check.error.message);
    const refused = await api.signCommitmentAtCounter({ token, checkId: check.value.checkId, kindId: 'government-service', fields: { deadline: '5个工作日' }, signature: { kind: 'staff-confirmed' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'COMMITMENT_NOT_OFFERED' } });
  });
});
