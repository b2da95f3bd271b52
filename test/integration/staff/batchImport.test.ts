// An uploaded workbook is bounded by what it expands to, not by its upload size: a zip
// bomb made here (a few hundred KB that inflate to 80 MB) is refused with a clear
// message before exceljs sees it, and so are sheets past the row and cell limits.
import ExcelJS from 'exceljs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BatchFileError, readBatchTable } from '../../../src-main/node/staff/batchImport';
import { XLSX_LIMITS } from '../../../src-main/node/staff/xlsxLimits';

function record(size: number, fields: Array<[at: number, bytes: 2 | 4, value: number]>): Buffer {
  const b = Buffer.alloc(size);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A zip of deflated entries, written by hand so the test controls every byte. */
function zipOf(entries: Array<[name: string, content: Buffer]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = zlib.deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(content);
    // [offset, bytes, value] of each field of the local and central headers (APPNOTE 4.3.7, 4.3.12).
    const header = record(30, [[0, 4, 0x04034b50], [4, 2, 20], [8, 2, 8], [14, 4, crc], [18, 4, data.length], [22, 4, content.length], [26, 2, nameBytes.length]]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], [10, 2, 8], [16, 4, crc], [20, 4, data.length], [24, 4, content.length], [28, 2, nameBytes.length], [42, 4, offset]]);
    locals.push(header, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...locals, directory, end]);
}

async function workbook(rows: number, columns = 2): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名单');
  for (let i = 0; i < rows; i++) sheet.addRow(Array.from({ length: columns }, (_, c) => `r${i}c${c}`));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX uploads', () => {
  it('refuses a zip bomb by what it expands to, with a clear message', async () => {
    const sheet = Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet><sheetData>'), Buffer.alloc(80 * 1024 * 1024, 0x20), Buffer.from('</sheetData></worksheet>')]);
    const bomb = zipOf([
      ['[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')],
      ['xl/worksheets/sheet1.xml', sheet],
    ]);
    expect(bomb.length).toBeLessThan(XLSX_LIMITS.maxUncompressedBytes / 100);
    const read = readBatchTable(bomb, 'xlsx');
    await expect(read).rejects.toBeInstanceOf(BatchFileError);
    await expect(read).rejects.toThrow(/^工作簿解压后超过 64 MB，已拒绝 \/ the workbook expands past 64 MB/);
  });

  it('refuses sheets past the row and cell limits, and reads one within them', async () => {
    const small = await workbook(30, 3);
    expect(await readBatchTable(small, 'xlsx', { ...XLSX_LIMITS, maxRows: 30, maxCells: 90 })).toHaveLength(30);
    await expect(readBatchTable(small, 'xlsx', { ...XLSX_LIMITS, maxRows: 29 })).rejects.toThrow(/^工作表超过 29 行/);
    await expect(readBatchTable(small, 'xlsx', { ...XLSX_LIMITS, maxCells: 89 })).rejects.toThrow(/^工作表超过 89 个单元格/);
    await expect(readBatchTable(small, 'xlsx', { ...XLSX_LIMITS, maxUncompressedBytes: 1024 })).rejects.toThrow(/解压后超过/);
  });
});
