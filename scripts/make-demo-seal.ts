// Draws the demo kiosk's electronic seal (演示 beneath the star, the demo issuer along the
// ring) and writes resources/report/demo-seal.png — deterministically, from the
// kiosk's own font: the seal is drawn as vectors into a one-page PDF and rasterised by
// poppler's pdftoppm, opaque (white ground), as report.sealImage requires.
// Run: npx tsx scripts/make-demo-seal.ts   (the PNG is committed; re-run only to change it)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { loadPdfFonts, parsedFont } from '../src-main/node/pdf/pdfFonts';

const RING = '演示市公共信用信息中心';
const LABEL = '演示';
const RED = '#c8161d';
const RADIUS = 46;
const SIDE = 2 * RADIUS + 6;
/** 216 dpi: 3 pixels per point, ~300 pixels across. */
const DPI = 216;

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../resources/report/demo-seal.png');
  const fonts = loadPdfFonts();
  const doc = new PDFDocument({ size: [SIDE, SIDE], margin: 0, info: { CreationDate: new Date(0), Producer: 'credit-kiosk', Creator: 'credit-kiosk' } });
  doc.registerFont('bold', parsedFont(fonts.bold) as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const c = SIDE / 2;
  doc.lineWidth(2.4).strokeColor(RED).circle(c, c, RADIUS).stroke();
  // A five-pointed star.
  const outer = RADIUS * 0.3;
  const points: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : outer * 0.4;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([c + r * Math.cos(a), c + r * Math.sin(a)]);
  }
  doc.polygon(...points).fill(RED);
  // The ring text, each character turned to face outwards, over 240° of the upper arc.
  const chars = [...RING];
  const size = Math.min(RADIUS * 0.3, (RADIUS * 3.4) / chars.length);
  doc.font('bold').fontSize(size).fillColor(RED);
  const sweep = (Math.PI * 4) / 3;
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - sweep / 2 + (sweep * (i + 0.5)) / chars.length;
    const x = c + (RADIUS - size * 0.95) * Math.cos(a);
    const y = c + (RADIUS - size * 0.95) * Math.sin(a);
    doc.save();
    doc.rotate((a * 180) / Math.PI + 90, { origin: [x, y] });
    doc.text(ch, x - size / 2, y - size / 2, { lineBreak: false, width: size, align: 'center' });
    doc.restore();
  });
  const labelSize = RADIUS * 0.3;
  doc.fontSize(labelSize);
  doc.text(LABEL, c - doc.widthOfString(LABEL) / 2, c + outer + labelSize * 0.2, { lineBreak: false });
  doc.end();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-seal-'));
  try {
    const pdf = path.join(dir, 'seal.pdf');
    fs.writeFileSync(pdf, await done);
    execFileSync('pdftoppm', ['-png', '-r', String(DPI), '-singlefile', pdf, path.join(dir, 'seal')]);
    fs.copyFileSync(path.join(dir, 'seal.png'), out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

void main();
