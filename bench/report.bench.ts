// Report generation, sealed as the kiosk issues it, for a 200-record report (12 pages)
// and a typical 3-page one: cold (a fresh process's first report, font load included),
// the first report after the start-up warm-up (a fresh process too), warm p50, the cost
// of sealing, and the ratio to a baseline measured in the same run — a plain pdfkit
// document of the same page count with the same font. Prints figures; asserts nothing.
//   npx tsx bench/report.bench.ts [--runs N]
// Each fresh-process figure runs the bench bundled (bench/bundled.ts), without the
// TypeScript loader's cost.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import type { ReportModel } from '../src-main/common/report/reportModel';
import { loadPdfFonts, type PdfFonts } from '../src-main/node/pdf/pdfFonts';
import { renderReportPdf } from '../src-main/node/report/reportPdf';
import { sampleReportModel } from '../src-main/node/report/reportSample';
import { keyIdOf, makeSigner } from '../src-main/node/report/reportSeal';
import { warmUpReports } from '../src-main/node/report/reportWarmUp';
import { flag, numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';

const RUNS = numberArg('runs', 15);
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
    doc.font('body').fontSize(10).text(`公共信用信息报告 第 ${i + 1} 页 20261121100304BENCH001`);
  }
  doc.end();
  return done;
}

/** In a fresh process: the first sealed report, with or without the start-up warm-up before it. */
async function firstReport(records: number, warm: boolean): Promise<void> {
  if (warm) await warmUpReports();
  const model = sampleReportModel(records);
  const [ms] = await time(() => renderReportPdf(model, { signer }));
  console.log(JSON.stringify({ ms }));
}

function inFreshProcess(records: number, warm: boolean): number {
  const script = bundledEntry('bench/report.bench.ts', 'report-bench');
  const out = execFileSync(process.execPath, [script, '--first', String(records), ...(warm ? ['--warm'] : [])], { encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as { ms: number }).ms;
}

async function measure(label: string, model: ReportModel): Promise<void> {
  const fonts = loadPdfFonts();
  const sealed: number[] = [];
  const draft: number[] = [];
  const plain: number[] = [];
  const first = await renderReportPdf(model, { fonts, signer });
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so a busy moment on a shared machine weighs on all three alike.
    sealed.push((await time(() => renderReportPdf(model, { fonts, signer })))[0]);
    draft.push((await time(() => renderReportPdf(model, { fonts })))[0]);
    plain.push((await time(() => plainPdf(fonts, first.pages)))[0]);
  }
  const warm = p50(sealed);
  console.log(`${label}: ${model.visibleRecords} records, ${first.pages} pages, ${fmt(first.pdf.length / 1024)} KiB`);
  console.log(`  warm sealed p50 (${RUNS} runs):   ${fmt(warm)} ms  → ${fmt((first.pages * 1000) / warm)} pages/s`);
  console.log(`  warm unsealed draft p50:        ${fmt(p50(draft))} ms  (sealing costs ×${fmt(warm / p50(draft), 2)})`);
  console.log(`  baseline plain pdfkit, p50:     ${fmt(p50(plain))} ms`);
  console.log(`  ratio sealed / baseline:        ×${fmt(warm / p50(plain), 2)}`);
}

async function main(): Promise<void> {
  const first = stringArg('first');
  if (first) return firstReport(Number(first), flag('warm'));
  console.log(`cold, first sealed 200-record report of a fresh process: ${fmt(inFreshProcess(200, false))} ms`);
  console.log(`first 200-record report after the start-up warm-up:      ${fmt(inFreshProcess(200, true))} ms`);
  console.log(`first 3-page report after the start-up warm-up:          ${fmt(inFreshProcess(24, true))} ms`);
  await measure('200-record report', sampleReportModel(200));
  await measure('typical report', sampleReportModel(24));
}

void main();
