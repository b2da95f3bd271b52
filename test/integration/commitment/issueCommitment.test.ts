// A signed credit commitment (信用承诺书): numbered, drawn with its signature as vector
// strokes and sealed like a report — verify-report's verifier accepts it and refuses it
// once a stroke is moved — registered, queued once through the outbox, refused politely
// when identical to one that stands, and never half-done.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findKind, type CommitmentCatalogue } from '../../../src-main/common/commitment/commitmentCatalogue';
import { commitmentRecordOf } from '../../../src-main/common/commitment/commitmentRecord';
import { PAYLOADS, type EventPayload } from '../../../src-main/common/platform/platformEvents';
import { buildReportModel } from '../../../src-main/common/report/reportModel';
import { REPORT_NUMBER_PATTERN } from '../../../src-main/common/report/reportNumber';
import type { SignatureStrokes } from '../../../src-main/common/signature/signatureStrokes';
import { loadCommitmentCatalogue } from '../../../src-main/node/commitment/commitmentCatalogueFile';
import { CommitmentStore } from '../../../src-main/node/commitment/commitmentStore';
import { issueCommitment, type CommitmentIssuerOptions, type CommitmentRequest } from '../../../src-main/node/commitment/issueCommitment';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { loadSubjectKeyer } from '../../../src-main/node/keys/subjectKeyer';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { ensureReportKey } from '../../../src-main/node/report/reportKeys';
import { ReportRegistry } from '../../../src-main/node/report/reportRegistry';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { COMPANY, PERSON, PROVENANCE } from '../../unit/common/report/reportFixtures';
import { firstPageContent, rewritePdf } from '../report/pdfRewrite';
import { pdftotext, tempDir } from '../report/reportTestKit';

const RESOURCES = path.resolve(__dirname, '../../../resources');
const NOW = new Date('2026-12-07T06:30:00Z');
/** A name written in three strokes, as the pad sends it. */
const STROKES: SignatureStrokes = [
  [[120, 300], [180, 120], [240, 300]],
  [[300, 120], [300, 300], [420, 300]],
  [[500, 200], [620, 140], [700, 260], [820, 180]],
];

let dir: string;
let store: CommitmentStore;
let queued: Array<EventPayload<'commitment'>>;
let catalogue: CommitmentCatalogue;
let options: CommitmentIssuerOptions;

beforeEach(() => {
  dir = tempDir('commitment');
  store = new CommitmentStore(path.join(dir, 'commitments.sqlite'));
  queued = [];
  catalogue = loadCommitmentCatalogue(RESOURCES);
  options = {
    catalogue,
    keys: fileKeyStore(dir),
    dataDir: dir,
    kioskId: 'TEST-KIOSK-01',
    issuer: '演示市公共信用信息中心',
    outbox: {
      enqueue: (type, payload) => {
        expect(type).toBe('commitment');
        queued.push(PAYLOADS.commitment.parse(payload));
        return `evt-${queued.length}-000000`;
      },
    },
    store,
    now: () => NOW,
  };
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const request = (over: Partial<CommitmentRequest> = {}): CommitmentRequest => ({
  kindId: 'certificate-notification',
  fields: { certificate: '社会保险缴纳证明' },
  subject: PERSON,
  signerName: PERSON.name,
  signature: { kind: 'drawn', strokes: STROKES },
  channel: 'kiosk',
  provenance: PROVENANCE,
  ...over,
});

describe('issuing a commitment', () => {
  it('prints the filled letter, numbered and sealed, which verify-report accepts', async () => {
    const issued = await issueCommitment(options, request());
    if (!issued.ok) throw new Error(issued.error.message);
    const { commitmentNumber, pdf, validUntil } = issued.value;
    expect(commitmentNumber).toMatch(REPORT_NUMBER_PATTERN);
    expect(validUntil).toBe('2027-12-07');
    const key = ensureReportKey(fileKeyStore(dir), reportPaths(dir).keyDir);
    const verified = verifyReportPdf(pdf, [key.publicKeyPem]);
    expect(verified).toMatchObject({ valid: true, reportNumber: commitmentNumber });
    expect(verified.valid && verified.model.edition).toBe('commitment');

    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdftotext(file).replace(/\s+/g, '');
    for (const expected of ['信用承诺书（证明事项告知承诺）', `承诺书编号${commitmentNumber}`, '以本承诺代替提交社会保险缴纳证明', '周建国', '1101**********002X', '承诺人签名', '当面签署']) expect(text).toContain(expected);
    // The holder's number is masked on the copy too.
    expect(text).not.toContain(PERSON.code);

    // Registered like a report, under the keyed subject.
    const registry = new ReportRegistry(reportPaths(dir).registryFile, { keyer: loadSubjectKeyer(fileKeyStore(dir)) });
    expect(registry.find(commitmentNumber)).toMatchObject({ edition: 'commitment', contentHash: verified.valid ? verified.contentHash : '' });
    registry.close();
  });

  it('draws the signature into the page: a stroke moved after sealing fails verification', async () => {
    const issued = await issueCommitment(options, request());
    if (!issued.ok) throw new Error(issued.error.message);
    const key = ensureReportKey(fileKeyStore(dir), reportPaths(dir).keyDir);
    const { num, data } = firstPageContent(issued.value.pdf);
    const content = data.toString('latin1');
    // The signature alone sets round caps and joins; its first stroke starts with the next "x y m".
    const at = content.indexOf('1 J');
    expect(at).toBeGreaterThan(0);
    const move = /(\d+(?:\.\d+)?) (\d+(?:\.\d+)?) m/.exec(content.slice(at))!;
    const moved = `${(Number(move[1]) + 6).toFixed(2)} ${move[2]} m`;
    const edited = content.slice(0, at) + content.slice(at).replace(move[0], moved);
    const tampered = rewritePdf(issued.value.pdf, new Map([[num, { stream: { dict: (d) => d, data: Buffer.from(edited, 'latin1') } }]]));
    expect(verifyReportPdf(tampered, [key.publicKeyPem])).toMatchObject({ valid: false, reason: 'layout-mismatch' });
  });

  it('queues one strict event with the subject keyed and masked, never the code in clear', async () => {
    const issued = await issueCommitment(options, request());
    if (!issued.ok) throw new Error(issued.error.message);
    expect(queued).toHaveLength(1);
    const [payload] = queued;
    expect(payload).toMatchObject({ commitmentNumber: issued.value.commitmentNumber, kindId: 'certificate-notification', commitmentType: '证明事项告知型', signature: 'drawn', channel: 'kiosk', fields: { certificate: '社会保险缴纳证明' } });
    expect(payload!.subject.maskedCode).toBe('1101**********002X');
    expect(JSON.stringify(payload)).not.toContain(PERSON.code);
    expect(JSON.stringify(payload)).not.toContain(PERSON.name);
  });

  it('refuses a second identical commitment while the first stands, and takes a different one', async () => {
    const first = await issueCommitment(options, request());
    expect(first.ok).toBe(true);
    const again = await issueCommitment(options, request());
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_COMMITTED' } });
    expect(!again.ok && again.error.message).toContain(first.ok ? first.value.commitmentNumber : '?');
    expect(queued).toHaveLength(1);
    expect((await issueCommitment(options, request({ fields: { certificate: '住所使用证明' } }))).ok).toBe(true);
    expect((await issueCommitment(options, request({ subject: COMPANY, signerName: '林晓岚' }))).ok).toBe(true);
    expect(queued).toHaveLength(3);
  });

  it('records and queues nothing when the session ended while the letter was drawn', async () => {
    const dropped = await issueCommitment(options, request({ stillWanted: () => false }));
    expect(dropped).toMatchObject({ ok: false, error: { code: 'NO_SESSION' } });
    expect(queued).toHaveLength(0);
    // Nothing half-done: the same commitment signed again is not taken for a duplicate.
    expect((await issueCommitment(options, request())).ok).toBe(true);
  });

  it('leaves no record when the outbox cannot take the event', async () => {
    const failing = { ...options, outbox: { enqueue: (): string => { throw new Error('disk full'); } } };
    await expect(issueCommitment(failing, request())).rejects.toThrow('disk full');
    expect((await issueCommitment(options, request())).ok).toBe(true);
  });

  it('refuses a kind or an option the catalogue does not have, with a clear reason', async () => {
    expect(await issueCommitment(options, request({ kindId: 'no-such-kind' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const bad = await issueCommitment(options, request({ fields: { certificate: '自拟证明' } }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toContain('替代的证明');
    expect(queued).toHaveLength(0);
  });

  it('comes back through sync as the 信用承诺 record the report prints', async () => {
    const issued = await issueCommitment(options, request({ subject: COMPANY, signerName: '林晓岚' }));
    if (!issued.ok) throw new Error(issued.error.message);
    const record = commitmentRecordOf(queued[0]!, COMPANY.id, 8);
    const model = buildReportModel({ subject: COMPANY, records: [record], audience: 'public', edition: 'standard', generatedAt: NOW, today: '2026-12-08', reportNumber: '20261208100000ABCDEFGH', issuer: 'x', kioskId: 'k', provenance: PROVENANCE });
    if (!model.ok) throw new Error(model.error.message);
    const section = model.value.sections.find((s) => s.id === 'commitments')!;
    const table = section.blocks[0]!;
    expect(table.kind).toBe('table');
    expect(table.kind === 'table' && table.rows[0]).toEqual(['1', '证明事项告知型', issued.value.commitmentNumber, '2026-12-07', catalogue.acceptingUnit, expect.stringContaining('社会保险缴纳证明'), '履约中']);
  });
});

describe('the shipped catalogue', () => {
  it('has the six kinds of the plans, each with text in both languages', () => {
    expect(catalogue.kinds.map((k) => k.type)).toEqual(['审批替代型', '主动公开型', '行业自律型', '信用修复型', '证明事项告知型', '政务服务承诺型']);
    expect(findKind(catalogue, 'government-service')?.fields[0]?.options.length).toBeGreaterThan(0);
  });
});
