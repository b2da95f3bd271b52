// The PDF toolkit every document is drawn with: text set from cached widths, a table
// that breaks across pages with its header repeated, page furniture, and the object
// replacement sealing relies on. Read back with poppler's pdftotext.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf, PDF_COLORS } from '../../../src-main/node/pdf/pdfDocument';
import { grayImageBody, replaceObjects } from '../../../src-main/node/pdf/pdfPatch';
import { drawTable } from '../../../src-main/node/pdf/pdfTable';
import { eachPage, watermarkPages } from '../../../src-main/node/pdf/pageFurniture';
import { PdfName, PdfReader, PdfRef } from '../../../src-main/node/pdf/pdfReader';
import { qrPng } from '../../../src-main/node/pdf/qrImage';
import { pdftotext, tempDir } from '../report/reportTestKit';

let dir: string;
beforeAll(() => {
  dir = tempDir('pdf-toolkit');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const body = { font: 'body' as const, size: 10, color: PDF_COLORS.text };

function textOf(pdf: Buffer, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return pdftotext(file);
}

describe('PdfText', () => {
  it('breaks Chinese anywhere but keeps codes and words whole, and no line starts with closing punctuation', () => {
    const { text, doc } = openPdf({ margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: {} });
    const lines = text.wrap('统一社会信用代码91350100M000100Y43的主体，于二〇二六年受到行政处罚，罚款人民币壹万元整。', body, 120);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe('统一社会信用代码91350100M000100Y43的主体，于二〇二六年受到行政处罚，罚款人民币壹万元整。');
    expect(lines.some((l) => l.includes('91350100M000100Y43'))).toBe(true);
    for (const line of lines) {
      expect(line.startsWith('，') || line.startsWith('。')).toBe(false);
      expect(text.width(line, body)).toBeLessThanOrEqual(120.001);
    }
    expect(text.wrap('第一行\n第二行', body, 400)).toEqual(['第一行', '第二行']);
    // A code wider than a narrow column, after other text: broken, never overflowing.
    const narrow = text.wrap('暂扣食品经营许可证JY23703030184562', body, 60);
    expect(narrow.join('')).toBe('暂扣食品经营许可证JY23703030184562');
    for (const line of narrow) expect(text.width(line, body)).toBeLessThanOrEqual(60.001);
    doc.end();
  });
});

describe('drawTable', () => {
  it('runs across pages, repeating its header row on each, with 第 x 页 共 y 页 on every page', async () => {
    const { doc, text, width, done } = openPdf({ margins: { top: 50, bottom: 60, left: 40, right: 40 }, info: { Title: 'table' } });
    watermarkPages(doc, 'TOOLKIT-TEST');
    const rows = Array.from({ length: 90 }, (_, i) => ({ cells: [`第${i + 1}行`, `演市监罚〔2026〕${1000 + i}号`, '罚款人民币壹万元整，责令改正违法行为'], ...(i % 2 ? { fill: PDF_COLORS.hitFill } : {}) }));
    drawTable(
      text,
      [
        { label: '行号表头', weight: 1 },
        { label: '文号', weight: 2 },
        { label: '内容', weight: 3 },
      ],
      rows,
      { x: 40, width, fontSize: 9 },
    );
    const pages = eachPage(doc, (page, count) => text.drawLines([`第 ${page} 页 共 ${count} 页`], { ...body, size: 8 }, 40, doc.page.height - 40, width));
    doc.end();
    const out = textOf(await done, 'table.pdf');
    expect(pages).toBeGreaterThan(2);
    expect(out.split('行号表头').length - 1).toBe(pages);
    for (let i = 1; i <= 90; i++) expect(out).toContain(`第${i}行`);
    expect(out.replace(/\s+/g, '')).toContain(`第${pages}页共${pages}页`);
    // No row is cut: each row's document number is whole on one page.
    expect(out.replace(/\s+/g, '')).toContain('演市监罚〔2026〕1089号');
  });
});

describe('replaceObjects', () => {
  it('swaps one image for another and leaves every other object byte for byte', async () => {
    const { doc, text, width, done } = openPdf({ margins: { top: 50, bottom: 60, left: 40, right: 40 }, info: {} });
    text.draw('替换前后文字不变', body, 40, 60, width);
    doc.image(qrPng('stand-in'), 40, 100, { width: 32 });
    doc.end();
    const pdf = await done;
    const reader = new PdfReader(pdf);
    const isImage = (n: number) => {
      const v = reader.object(n).value;
      const subtype = v instanceof Map ? v.get('Subtype') : undefined;
      return subtype instanceof PdfName && subtype.name === 'Image';
    };
    const imageNum = reader.objectNumbers().find(isImage)!;
    const black = new Uint8Array(20 * 20);
    const patched = replaceObjects(pdf, reader, new Map([[imageNum, () => grayImageBody(20, 20, black)]]));
    const back = new PdfReader(patched);
    const image = back.streamData(new PdfRef(imageNum, 0));
    expect(image.dict.get('Width')).toBe(20);
    expect([...image.data].every((b) => b === 0)).toBe(true);
    for (const n of reader.objectNumbers().filter((n) => n !== imageNum)) expect(back.object(n)).toEqual(reader.object(n));
    expect(textOf(patched, 'patched.pdf')).toContain('替换前后文字不变');
  });
});
