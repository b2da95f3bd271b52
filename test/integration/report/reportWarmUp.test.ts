// The start-up warm-up: prepares the kiosk's signing key and draws without touching any
// real report; the first real report afterwards is sealed with that same key.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { plainKeyFile } from '../../../src-main/node/keys/keyFiles';
import { ensureReportKey } from '../../../src-main/node/report/reportKeys';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { warmUpReports } from '../../../src-main/node/report/reportWarmUp';
import { issue, tempDir } from './reportTestKit';

let dir: string;
beforeAll(() => {
  dir = tempDir('report-warm-up');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('warmUpReports', () => {
  it('creates the signing key ahead of the first print and registers no report', async () => {
    const keyDir = path.join(dir, 'keys');
    await warmUpReports({ keys: fileKeyStore(dir), keyDir });
    expect(fs.statSync(plainKeyFile(dir, 'report-signing')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, 'reports.sqlite'))).toBe(false);
    const key = ensureReportKey(fileKeyStore(dir), keyDir);
    const report = await issue(dir);
    expect(verifyReportPdf(report.pdf, [key.publicKeyPem])).toMatchObject({ valid: true, keyId: key.keyId });
  });
});
