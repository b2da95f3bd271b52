// Offline verification: a fresh report is valid; every kind of edit is caught.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerVerify } from '../../../src-main/cli/commands/verifyReport';
import type { IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { PdfRef, PdfReader } from '../../../src-main/node/pdf/pdfReader';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { ensureReportKey, PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { COMPANY } from '../../unit/common/report/reportFixtures';
import { firstPageContent, objectDictText, rewritePdf } from './pdfRewrite';
import { issue, tempDir } from './reportTestKit';

let dir: string;
let a: IssuedReportResult;
let b: IssuedReportResult;
let keys: string[];

beforeAll(async () => {
  dir = tempDir('report-verify');
  a = await issue(dir);
  b = await issue(dir, { subject: { ...COMPANY, name: '演示市另一家科技有限公司' } });
  keys = [ensureReportKey(fileKeyStore(dir), path.join(dir, 'keys')).publicKeyPem];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function imageRef(pdf: Buffer): number {
  const reader = new PdfReader(pdf);
  const resources = reader.dict(reader.pages()[0]!.dict.get('Resources'), 'resources');
  const xobjects = reader.dict(resources.get('XObject'), 'xobjects');
  return ([...xobjects.values()][0] as PdfRef).num;
}

function envelopeRef(pdf: Buffer): number {
  const reader = new PdfReader(pdf);
  for (const num of reader.objectNumbers()) {
    const v = reader.object(num).value;
    if (v instanceof Map && (v.get('Type') as { name?: string } | undefined)?.name === 'EmbeddedFile') return num;
  }
  throw new Error('no embedded file');
}

describe('verifyReportPdf', () => {
  it('accepts a fresh report and returns its number and model', () => {
    const r = verifyReportPdf(a.pdf, keys);
    expect(r).toMatchObject({ valid: true, reportNumber: a.reportNumber, pages: a.pages, contentHash: a.contentHash });
    if (r.valid) expect(r.model.subject.name).toBe(COMPANY.name);
  });

  it('a rewrite that changes nothing stays valid (the tamper tool itself is faithful)', () => {
    expect(verifyReportPdf(rewritePdf(a.pdf, new Map()), keys).valid).toBe(true);
  });

  it('catches a text edit in a content stream', () => {
    const { num, data } = firstPageContent(a.pdf);
    const text = data.toString('latin1');
    const m = /<([0-9a-f]{4})/.exec(text)!;
    const swapped = m[1] === '0001' ? '0002' : '0001';
    const edited = Buffer.from(text.replace(`<${m[1]}`, `<${swapped}`), 'latin1');
    const r = verifyReportPdf(rewritePdf(a.pdf, new Map([[num, { stream: { dict: (d) => d, data: edited } }]])), keys);
    expect(r).toMatchObject({ valid: false, reason: 'layout-mismatch', reportNumber: a.reportNumber });
  });

  it('catches a moved or recoloured drawing (one changed byte, text untouched)', () => {
    const { num, data } = firstPageContent(a.pdf);
    const edited = Buffer.from(data);
    const at = edited.indexOf(' re');
    edited[at - 1] = edited[at - 1] === 0x31 ? 0x32 : 0x31;
    const r = verifyReportPdf(rewritePdf(a.pdf, new Map([[num, { stream: { dict: (d) => d, data: edited } }]])), keys);
    expect(r).toMatchObject({ valid: false, reason: 'layout-mismatch' });
  });

  it('catches a flipped byte in the raw (compressed) file', () => {
    const { num } = firstPageContent(a.pdf);
    const reader = new PdfReader(a.pdf);
    const at = a.pdf.indexOf('stream', reader.objectOffset(num)!) + 20;
    const flipped = Buffer.from(a.pdf);
    flipped[at] = flipped[at]! ^ 0x01;
    expect(verifyReportPdf(flipped, keys).valid).toBe(false);
  });

  it('catches a QR swapped in from another genuine report', () => {
    const donor = imageRef(b.pdf);
    const qr = new PdfReader(b.pdf).streamData(new PdfRef(donor, 0)).data;
    const target = imageRef(a.pdf);
    const r = verifyReportPdf(
      rewritePdf(a.pdf, new Map([[target, { stream: { dict: (d) => d.replace(/\/DecodeParms \d+ 0 R/, ''), data: qr } }]])),
      keys,
    );
    expect(r).toMatchObject({ valid: false, reason: 'qr-mismatch' });
  });

  it('catches an edited model in the embedded data, and a seal swapped in whole from another report', () => {
    const num = envelopeRef(a.pdf);
    const envelope = JSON.parse(new PdfReader(a.pdf).streamData(new PdfRef(num, 0)).data.toString('utf8'));
    envelope.model.subject.name = '改过的名字有限公司';
    const edited = rewritePdf(a.pdf, new Map([[num, { stream: { dict: (d) => d, data: Buffer.from(JSON.stringify(envelope)) } }]]));
    expect(verifyReportPdf(edited, keys)).toMatchObject({ valid: false, reason: 'content-mismatch' });

    const other = new PdfReader(b.pdf).streamData(new PdfRef(envelopeRef(b.pdf), 0)).data;
    const swapped = rewritePdf(a.pdf, new Map([[num, { stream: { dict: (d) => d, data: other } }]]));
    expect(verifyReportPdf(swapped, keys)).toMatchObject({ valid: false, reason: 'layout-mismatch' });
  });

  it('refuses an unknown key, a missing seal and an incremental update', () => {
    const otherKey = ensureReportKey(fileKeyStore(path.join(dir, 'other')), path.join(dir, 'other-keys')).publicKeyPem;
    expect(verifyReportPdf(a.pdf, [otherKey])).toMatchObject({ valid: false, reason: 'unknown-key' });
    const appended = Buffer.concat([a.pdf, Buffer.from('\n1 0 obj\n<<>>\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n0\n%%EOF\n')]);
    expect(verifyReportPdf(appended, keys)).toMatchObject({ valid: false, reason: 'malformed-pdf' });
    expect(verifyReportPdf(Buffer.from('not a pdf'), keys)).toMatchObject({ valid: false, reason: 'malformed-pdf' });
    expect(objectDictText(a.pdf, envelopeRef(a.pdf))).toContain('/EmbeddedFile');
  });
});

describe('credit-kiosk verify-report', () => {
  async function run(args: string[]): Promise<{ out: string; code: number }> {
    const program = new Command().exitOverride();
    registerVerify(program);
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const saved = process.exitCode;
    process.exitCode = 0;
    try {
      await program.parseAsync(['node', 'credit-kiosk', 'verify-report', ...args]);
      return { out, code: Number(process.exitCode ?? 0) };
    } finally {
      write.mockRestore();
      process.exitCode = saved;
    }
  }

  it('answers valid with exit 0, invalid with 1, usage with 2', async () => {
    const good = path.join(dir, 'good.pdf');
    fs.writeFileSync(good, a.pdf);
    const bad = path.join(dir, 'bad.pdf');
    const { num, data } = firstPageContent(a.pdf);
    fs.writeFileSync(bad, rewritePdf(a.pdf, new Map([[num, { stream: { dict: (d) => d, data: Buffer.concat([data, Buffer.from('\n')]) } }]])));
    const key = path.join(dir, 'keys', PUBLIC_KEY_FILE);

    const ok = await run([good, '--json', '--key', key]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ valid: true, reportNumber: a.reportNumber, reason: null });

    const no = await run([bad, '--json', '--key', key]);
    expect(no.code).toBe(1);
    expect(JSON.parse(no.out)).toMatchObject({ valid: false, reportNumber: a.reportNumber, reason: 'layout-mismatch' });

    expect((await run(['--json'])).code).toBe(2);
    expect((await run([path.join(dir, 'missing.pdf'), '--json', '--key', key])).code).toBe(2);
  });
});
