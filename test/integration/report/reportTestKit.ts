// Shared by the report and printing integration tests: issue real reports into a temp folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreditRecord } from '../../../src-main/common/domain/creditRecord';
import type { Subject } from '../../../src-main/common/domain/subject';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { issueReport, type IssueReportInput, type IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { COMPANY, companyRecords, PROVENANCE, record } from '../../unit/common/report/reportFixtures';

export const NOW = new Date('2026-11-21T02:03:04Z');
export const RESULTS_DIR = path.resolve(__dirname, '../../../test-results/report');

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
}

export async function issue(dir: string, over: Partial<IssueReportInput> = {}): Promise<IssuedReportResult> {
  return issueReport({
    subject: COMPANY,
    records: companyRecords(),
    provenance: PROVENANCE,
    edition: 'standard',
    audience: 'public',
    issuer: '演示市公共信用信息中心',
    kioskId: 'TEST-KIOSK-01',
    keys: fileKeyStore(dir),
    keyDir: path.join(dir, 'keys'),
    registryFile: path.join(dir, 'reports.sqlite'),
    now: NOW,
    ...over,
  });
}

/** n visible penalties: enough rows to run a table across pages. */
export function manyPenalties(subject: Subject, n: number): CreditRecord[] {
  return Array.from({ length: n }, (_, i) =>
    record(subject, {
      category: 'penalty',
      title: `违法行为类型${i + 1}`,
      documentNumber: `演市监罚〔2026〕${1000 + i}号`,
      authority: '演示市市场监督管理局',
      decisionDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
      content: '罚款人民币壹万元整',
      severity: 'serious',
      sourceDepartment: '演示市市场监督管理局',
      fields: { 违法事实: '当事人未按规定履行义务', 处罚依据: '《中华人民共和国某某法》第十条', 处罚类别: '罚款', '罚款金额（万元）': 1 },
    }),
  );
}

export function pdftotext(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
}

export function pdffonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}
