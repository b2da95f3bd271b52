// Real pdfkit PDFs, read back with poppler (pdftotext, pdffonts, pdftoppm).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_TEXTS } from '../../../src-main/common/report/reportTexts';
import type { IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { ReportRefusedError } from '../../../src-main/node/report/issueReport';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { plainKeyFile } from '../../../src-main/node/keys/keyFiles';
import { loadSubjectKeyer } from '../../../src-main/node/keys/subjectKeyer';
import { ReportRegistry } from '../../../src-main/node/report/reportRegistry';
import { defaultNoViolationConfigFile, loadNoViolationConfig } from '../../../src-main/node/report/noViolationDomains';
import { COMPANY, PERSON, record } from '../../unit/common/report/reportFixtures';
import { issue, manyPenalties, pdffonts, pdftotext, RESULTS_DIR, tempDir } from './reportTestKit';

let dir: string;
let report: IssuedReportResult;
let file: string;

beforeAll(async () => {
  dir = tempDir('report-pdf');
  report = await issue(dir);
  file = path.join(dir, 'report.pdf');
  fs.writeFileSync(file, report.pdf);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('report PDF', () => {
  it('shows the subject, code, report number and every section title as text', () => {
    const text = pdftotext(file).replace(/\s+/g, '');
    for (const expected of [COMPANY.name, COMPANY.code, report.reportNumber, REPORT_TEXTS.title, REPORT_TEXTS.summaryTitle, REPORT_TEXTS.notesTitle, '演张市监处罚〔2026〕118号']) {
      expect(text, expected).toContain(expected.replace(/\s+/g, ''));
    }
    for (const [i, title] of ['登记注册基础信息', '行政管理信息', '诚实守信相关荣誉信息', '严重失信主体名单信息', '经营（活动）异常名录', '信用承诺信息', '信用评价信息', '司法判决及执行信息', '其他信息', '信用状况提升建议'].entries()) {
      expect(text).toContain(`${REPORT_TEXTS.sectionNumbers[i]}、${title}`);
    }
    expect(text).toContain(`第1页共${report.pages}页`);
    expect(text).not.toContain('演张市监处罚〔2023〕042号');
  });

  it('embeds Noto Sans SC as a subset, and stays small', () => {
    const fonts = pdffonts(file);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toMatch(/NotoSansSC-Bold/);
    expect(report.pages).toBeGreaterThanOrEqual(2);
    expect(report.pages).toBeLessThanOrEqual(4);
    expect(report.pdf.length).toBeLessThan(300 * 1024);
  });

  it('renders page 1 to a PNG for a person to look at', () => {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const prefix = path.join(RESULTS_DIR, 'standard-report');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
    expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
  });

  it('breaks a long table across pages, repeating its header row', async () => {
    const long = await issue(dir, { records: manyPenalties(COMPANY, 60) });
    const longFile = path.join(dir, 'long.pdf');
    fs.writeFileSync(longFile, long.pdf);
    expect(long.pages).toBeGreaterThan(3);
    const text = pdftotext(longFile);
    const headers = text.split('处罚决定书文').length - 1;
    expect(headers).toBeGreaterThan(1);
    // Narrow cells wrap, so count rows by the model and by the summary printed on page 1.
    const admin = long.model.sections[1]!.blocks.find((b) => b.kind === 'table' && b.caption === '行政处罚信息');
    expect(admin?.kind === 'table' && admin.rows.length).toBe(60);
    expect(text.replace(/\s+/g, '')).toContain('60条');
    expect(text.replace(/\s+/g, '')).toContain(`第${long.pages}页共${long.pages}页`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', '-singlefile', longFile, path.join(RESULTS_DIR, 'long-table-page2')]);
  });

  it('prints a natural person’s own report with the ID number masked, and refuses it to staff', async () => {
    const own = await issue(dir, { subject: PERSON, records: [record(PERSON, { category: 'serious-dishonesty', title: '失信被执行人', decisionDate: '2026-01-05' })], audience: 'subject' });
    const personFile = path.join(dir, 'person.pdf');
    fs.writeFileSync(personFile, own.pdf);
    const text = pdftotext(personFile).replace(/\s+/g, '');
    expect(text).toContain('1101**********002X');
    expect(own.pdf.includes(Buffer.from(PERSON.code))).toBe(false);
    await expect(issue(dir, { subject: PERSON, records: [], audience: 'staff' })).rejects.toBeInstanceOf(ReportRefusedError);
  });

  it('prints the no-violation edition with a verdict per domain', async () => {
    const config = loadNoViolationConfig(defaultNoViolationConfigFile(path.resolve(__dirname, '../../../resources')));
    const special = await issue(dir, { edition: 'no-violation', noViolationScope: { config } });
    const specialFile = path.join(dir, 'special.pdf');
    fs.writeFileSync(specialFile, special.pdf);
    const text = pdftotext(specialFile).replace(/\s+/g, '');
    expect(text).toContain('无违法违规记录证明版');
    expect(text).toContain('生态环境');
    expect(text).toContain('无违法违规记录');
    expect(text).toContain('查询到1条记录'); // the 2026 market-regulation penalty
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', specialFile, path.join(RESULTS_DIR, 'no-violation-report')]);
  });

  it('registers every issued report without the subject’s code in clear', () => {
    const keyer = loadSubjectKeyer(fileKeyStore(dir));
    const registry = new ReportRegistry(path.join(dir, 'reports.sqlite'), { keyer });
    try {
      const entry = registry.find(report.reportNumber);
      expect(entry).toMatchObject({ reportNumber: report.reportNumber, pages: report.pages, contentHash: report.contentHash, subjectKeyHash: keyer.reportSubject(COMPANY.code) });
      // The platform learns of it through the outbox, not a flag here.
      expect(registry.registeredBeforeOutbox()).toEqual([]);
    } finally {
      registry.close();
    }
    const bytes = fs.readFileSync(path.join(dir, 'reports.sqlite'));
    expect(bytes.includes(Buffer.from(PERSON.code))).toBe(false);
  });

  it('creates the signing key with mode 0600', () => {
    const mode = fs.statSync(plainKeyFile(dir, 'report-signing')).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
