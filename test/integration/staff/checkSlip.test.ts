// The check slip (核查单): numbered like a report, the item by its label, sealed with the
// kiosk's report key and verified by the same offline verifier; read back with poppler.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResultView } from '../../../src-main/common/contract/staffViews';
import { REPORT_NUMBER_PATTERN } from '../../../src-main/common/report/reportNumber';
import { register as registerVerify } from '../../../src-main/cli/commands/verifyReport';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { loadSubjectKeyer } from '../../../src-main/node/keys/subjectKeyer';
import { reportPaths } from '../../../src-main/node/report/reportIssuer';
import { ensureReportKey, PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { findIssued } from '../../../src-main/node/report/reportRegistry';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { renderCheckSlip, type RenderedSlip } from '../../../src-main/node/staff/checkSlip';
import { firstPageContent, rewritePdf } from '../report/pdfRewrite';
import { pdftotext, tempDir } from '../report/reportTestKit';
import { runCliJson } from '../../support/runCli';

const CHECK: CheckResultView = {
  checkId: 'c-7f3a9e21',
  checkedAt: '2026-12-02T01:46:03.012Z',
  item: { id: 'construction-bidding', name: '工程建设项目招标投标' },
  subject: { id: 's1', kind: 'enterprise', code: '91350100M000100Y43', name: '演示市青禾智能科技有限公司', legalRepresentative: '林晓岚', registrationStatus: '存续', codeMasked: false },
  hits: [
    {
      kind: 'serious-dishonesty',
      record: { id: 'r1', category: 'serious-dishonesty', title: '严重违法失信名单', documentNumber: '演市监严〔2026〕3号', authority: '演示市市场监督管理局', decisionDate: '2026-03-01', content: '列入', severity: 'serious', status: 'active', sourceDepartment: '演示市市场监督管理局', fields: {} },
    },
  ],
  measures: [{ id: 'restrict-bidding', type: 1, scope: 'national', listNumber: 12, name: '限制参与招标投标', measure: '依法限制参与工程建设项目招标投标', legalBasis: [{ title: '《招标投标法实施条例》', article: '第六十七条' }], implementingBody: '发展改革部门', target: '失信主体', triggeredBy: ['serious-dishonesty'] }],
  incentives: [],
  verdict: 'punish',
  statusTags: ['失信惩戒对象'],
  provenance: { source: 'cache', dataVersion: 7, dataAsOf: '2026-12-01T18:00:00Z', stale: false },
  catalogueVersion: '2026.3',
};

let dir: string;
let slip: RenderedSlip;
let file: string;

beforeAll(async () => {
  dir = tempDir('check-slip');
  slip = await renderCheckSlip({
    check: CHECK,
    staff: { staffNo: 'D001', name: '王芳' },
    kioskId: 'TEST-KIOSK-01',
    decision: { decision: 'measure-applied', note: '依法限制投标', recordedAt: '2026-12-02T01:50:00Z' },
    printedAt: '2026-12-02T01:52:10Z',
    dataDir: dir,
    keys: fileKeyStore(dir),
    registrySubject: loadSubjectKeyer(fileKeyStore(dir)).reportSubject(CHECK.subject.code),
  });
  file = path.join(dir, 'slip.pdf');
  fs.writeFileSync(file, slip.pdf);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('check slip', () => {
  it('is numbered like a report and names the item by its label, not its id', () => {
    expect(slip.slipNumber).toMatch(REPORT_NUMBER_PATTERN);
    expect(slip.slipNumber.startsWith('20261202095210')).toBe(true);
    const text = pdftotext(file).replace(/\s+/g, '');
    expect(text).toContain(`核查单编号${slip.slipNumber}`);
    expect(text).toContain('核查事项工程建设项目招标投标');
    expect(text).not.toContain('construction-bidding');
    expect(text).not.toContain(CHECK.checkId);
    for (const expected of ['信用核查单', '严重违法失信名单', '限制参与招标投标', '已采取惩戒措施', '王芳（工号D001）', '2026-12-0209:46', '核查人员签字']) expect(text).toContain(expected);
  });

  it('is sealed with the kiosk’s report key and verified offline like a report', () => {
    const key = ensureReportKey(fileKeyStore(dir), reportPaths(dir).keyDir);
    const result = verifyReportPdf(slip.pdf, [key.publicKeyPem]);
    expect(result).toMatchObject({ valid: true, reportNumber: slip.slipNumber, keyId: key.keyId });
    expect(result.valid && result.model.edition).toBe('check-slip');
  });

  it('is refused once a glyph on its page is changed', () => {
    const key = ensureReportKey(fileKeyStore(dir), reportPaths(dir).keyDir);
    const { num, data } = firstPageContent(slip.pdf);
    const text = data.toString('latin1');
    const m = /<([0-9a-f]{4})/.exec(text)!;
    const edited = Buffer.from(text.replace(`<${m[1]}`, `<${m[1] === '0001' ? '0002' : '0001'}`), 'latin1');
    const result = verifyReportPdf(rewritePdf(slip.pdf, new Map([[num, { stream: { dict: (d) => d, data: edited } }]])), [key.publicKeyPem]);
    expect(result).toMatchObject({ valid: false, reason: 'layout-mismatch', reportNumber: slip.slipNumber });
  });

  it('is entered in the report registry, where verify-report finds its number as it finds a report’s', async () => {
    const keys = fileKeyStore(dir);
    expect(findIssued(reportPaths(dir).registryFile, keys, slip.slipNumber)).toMatchObject({
      reportNumber: slip.slipNumber,
      edition: 'check-slip',
      kind: 'legal-person',
      subjectKeyHash: loadSubjectKeyer(keys).reportSubject(CHECK.subject.code),
      pages: slip.pages,
    });
    // The command line reads a data folder through its config: a demo folder keeps its state in demo/.
    const root = tempDir('check-slip-cli');
    const modeDir = path.join(root, 'demo');
    const printed = await renderCheckSlip({
      check: CHECK,
      staff: { staffNo: 'D001', name: '王芳' },
      kioskId: 'TEST-KIOSK-01',
      printedAt: '2026-12-02T02:10:00Z',
      dataDir: modeDir,
      keys: fileKeyStore(modeDir),
      registrySubject: loadSubjectKeyer(fileKeyStore(modeDir)).reportSubject(CHECK.subject.code),
    });
    const pdf = path.join(root, 'slip.pdf');
    fs.writeFileSync(pdf, printed.pdf);
    const { out, exit } = await runCliJson([registerVerify], ['verify-report', pdf, '--data-dir', root, '--json']);
    expect(exit).toBe(0);
    expect(out).toMatchObject({ valid: true, reportNumber: printed.slipNumber, edition: 'check-slip', registeredHere: true });
    // A genuine slip of another kiosk verifies with its key but is not in this registry.
    const other = await runCliJson([registerVerify], ['verify-report', file, '--data-dir', root, '--key', path.join(reportPaths(dir).keyDir, PUBLIC_KEY_FILE), '--json']);
    expect(other.out).toMatchObject({ valid: true, reportNumber: slip.slipNumber, registeredHere: false });
    fs.rmSync(root, { recursive: true, force: true });
  });
});
