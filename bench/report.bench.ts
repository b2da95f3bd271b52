// Report generation for a subject with 200 visible records: cold (font load included)
// and warm p50, pages per second, the cost of sealing (two drawings + QR), and the
// ratio to a plain pdfkit document of the same page count without our layout.
// Prints figures; asserts nothing.
//   npx tsx bench/report.bench.ts [--runs N]
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { CreditRecord, RecordCategory } from '../src-main/common/domain/creditRecord';
import type { Subject } from '../src-main/common/domain/subject';
import { buildReportModel, type ReportModel } from '../src-main/common/report/reportModel';
import { loadPdfFonts, type PdfFonts } from '../src-main/node/pdf/pdfFonts';
import { renderReportPdf } from '../src-main/node/report/reportPdf';
import { keyIdOf, makeSigner } from '../src-main/node/report/reportSeal';
import { numberArg } from './args';

const RUNS = numberArg('runs', 15);
const TODAY = '2026-11-21';

const subject: Subject = { id: 'bench', kind: 'enterprise', code: '91350100M000100Y43', formerCodes: [], name: '演示市基准测试有限公司', legalRepresentative: '张三', registrationStatus: '存续' };
const categories: RecordCategory[] = ['penalty', 'licence', 'honour', 'commitment', 'abnormal-operation', 'serious-dishonesty', 'judicial', 'evaluation'];
const records: CreditRecord[] = Array.from({ length: 200 }, (_, i) => ({
  id: `b-${i}`,
  subjectId: subject.id,
  category: categories[i % categories.length]!,
  title: `记录名称第${i + 1}条`,
  documentNumber: `演市监罚〔2026〕${1000 + i}号`,
  authority: '演示市市场监督管理局',
  decisionDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
  content: '罚款人民币壹万元整，责令改正违法行为',
  severity: 'serious',
  status: 'active',
  sourceDepartment: '演示市市场监督管理局',
  dataVersion: 1,
  fields: { 违法事实: '当事人未按规定履行义务', 处罚依据: '《中华人民共和国某某法》第十条', 处罚类别: '罚款', '罚款金额（万元）': 1 },
}));

const built = buildReportModel({
  subject,
  records,
  audience: 'public',
  edition: 'standard',
  generatedAt: new Date('2026-11-21T02:03:04Z'),
  today: TODAY,
  reportNumber: '20261121100304BENCH001',
  issuer: '演示市公共信用信息中心',
  kioskId: 'BENCH-01',
  provenance: { source: 'cache', dataVersion: 1, dataAsOf: '2026-11-20T18:00:00Z', stale: false },
});
if (!built.ok) throw new Error(built.error.message);
const model: ReportModel = built.value;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signer = makeSigner(privateKey, keyIdOf(publicKey));

const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d });
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const v = await fn();
  return [performance.now() - t, v];
}

/** The same page count with the same font, one line of text per page: pdfkit's own floor. */
function plainPdf(fonts: PdfFonts, pages: number): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', compress: true });
  doc.registerFont('body', fonts.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (let i = 0; i < pages; i++) {
    if (i > 0) doc.addPage();
    doc.font('body').fontSize(10).text(`公共信用信息报告 第 ${i + 1} 页 ${model.reportNumber}`);
  }
  doc.end();
  return done;
}

async function main(): Promise<void> {
  const [coldMs, cold] = await time(async () => renderReportPdf(model, { fonts: loadPdfFonts(), signer }));
  const fonts = loadPdfFonts();
  const signed: number[] = [];
  const unsigned: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    signed.push((await time(() => renderReportPdf(model, { fonts, signer })))[0]);
    unsigned.push((await time(() => renderReportPdf(model, { fonts })))[0]);
    plain.push((await time(() => plainPdf(fonts, cold.pages)))[0]);
  }
  const warm = p50(signed);
  console.log(`report with ${model.visibleRecords} visible records: ${cold.pages} pages, ${fmt(cold.pdf.length / 1024)} KiB`);
  console.log(`cold (font load + sealed render):  ${fmt(coldMs)} ms`);
  console.log(`warm sealed p50 (${RUNS} runs):       ${fmt(warm)} ms  → ${fmt((cold.pages * 1000) / warm)} pages/s`);
  console.log(`warm unsigned draft p50:           ${fmt(p50(unsigned))} ms  (sealing costs ×${fmt(warm / p50(unsigned), 2)})`);
  console.log(`plain pdfkit, same pages, p50:     ${fmt(p50(plain))} ms`);
  console.log(`ratio sealed report / plain pdfkit: ×${fmt(warm / p50(plain), 2)}; unsigned / plain: ×${fmt(p50(unsigned) / p50(plain), 2)}`);
}

void main();
