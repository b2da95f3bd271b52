// The report's QR: a URL of the configured verification service that a phone can open,
// still carrying the offline seal, which a kiosk or the CLI verifies without a network.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VERIFY_URL, loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import type { IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { PdfReader, PdfRef } from '../../../src-main/node/pdf/pdfReader';
import { ensureReportKey } from '../../../src-main/node/report/reportKeys';
import { renderReportPdf } from '../../../src-main/node/report/reportPdf';
import { decodeQrPayload, verifySeal } from '../../../src-main/node/report/reportSeal';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { rewritePdf } from './pdfRewrite';
import { issue, tempDir } from './reportTestKit';

const SERVICE = 'https://xinyong.demo.invalid/check';
let dir: string;
let report: IssuedReportResult;
let keyPem: string;

beforeAll(async () => {
  dir = tempDir('report-qr');
  report = await issue(dir, { verifyUrl: SERVICE });
  keyPem = ensureReportKey(fileKeyStore(dir), path.join(dir, 'keys')).publicKeyPem;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('report QR', () => {
  it('is a URL of the verification service carrying the seal, which verifies offline', async () => {
    const key = ensureReportKey(fileKeyStore(dir), path.join(dir, 'keys'));
    const rendered = await renderReportPdf(report.model, { signer: key.signer });
    const url = new URL(rendered.qrPayload!);
    expect(`${url.origin}${url.pathname}`).toBe(SERVICE);
    expect(url.searchParams.get('s')).toMatch(/^CKR1\./);
    const seal = decodeQrPayload(rendered.qrPayload!);
    expect(seal?.reportNumber).toBe(report.reportNumber);
    expect(verifySeal(seal!, keyPem)).toBe(true);
    expect(verifyReportPdf(rendered.pdf, [keyPem])).toMatchObject({ valid: true, reportNumber: report.reportNumber });
  });

  it('keeps the issued report verifiable, and the service URL covered by the seal', () => {
    expect(verifyReportPdf(report.pdf, [keyPem])).toMatchObject({ valid: true });
    const reader = new PdfReader(report.pdf);
    const num = reader.objectNumbers().find((n) => {
      const v = reader.object(n).value;
      return v instanceof Map && (v.get('Type') as { name?: string } | undefined)?.name === 'EmbeddedFile';
    })!;
    const envelope = JSON.parse(reader.streamData(new PdfRef(num, 0)).data.toString('utf8'));
    expect(envelope.model.verifyUrl).toBe(SERVICE);
    envelope.model.verifyUrl = 'https://phishing.demo.invalid/check';
    const edited = rewritePdf(report.pdf, new Map([[num, { stream: { dict: (d) => d, data: Buffer.from(JSON.stringify(envelope)) } }]]));
    expect(verifyReportPdf(edited, [keyPem])).toMatchObject({ valid: false, reason: 'content-mismatch' });
  });

  it('defaults to a demo address that can never reach a real service', () => {
    const config = loadKioskConfig({ dataDir: dir, env: {} });
    expect(config.report.verifyUrl).toBe(DEMO_VERIFY_URL);
    expect(new URL(DEMO_VERIFY_URL).hostname.endsWith('.invalid')).toBe(true);
    expect(decodeQrPayload('https://verify.demo.invalid/report?s=not-a-seal')).toBeNull();
  });
});
