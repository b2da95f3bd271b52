// The issuer's electronic seal image (config report.sealImage; the demo's marked 演示):
// checked once at start, stamped on every page from one image object, covered by the
// layout digest — a swapped seal image fails verification — and a file that is missing
// or not an opaque PNG stops the start with what is wrong, Chinese first.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadKioskConfig } from '../../../src-main/node/config/kioskConfig';
import { findResourcesDir } from '../../../src-main/node/config/resourcesDir';
import { fileKeyStore } from '../../../src-main/node/keys/fileKeyStore';
import { PdfName, PdfReader } from '../../../src-main/node/pdf/pdfReader';
import { pngChunk } from '../../../src-main/node/pdf/qrImage';
import { loadSealImage, SEAL_RESOURCE, SealImageError, type SealImage } from '../../../src-main/node/pdf/sealStamp';
import { QR_RESOURCE, readLayout } from '../../../src-main/node/report/layoutDigest';
import { createReportIssuer, demoSealFile } from '../../../src-main/node/report/reportIssuer';
import { ensureReportKey } from '../../../src-main/node/report/reportKeys';
import { verifyReportPdf } from '../../../src-main/node/report/verifyReportPdf';
import { COMPANY, PROVENANCE } from '../../unit/common/report/reportFixtures';
import { rewritePdf } from './pdfRewrite';
import { issue, manyPenalties, tempDir } from './reportTestKit';

/** A PNG file of the given colour type (0 grey, 2 RGB, 6 RGBA), every pixel from `pixel`. */
function writePng(file: string, side: number, colorType: 0 | 2 | 6, pixel: (x: number, y: number) => number[]): string {
  const channels = { 0: 1, 2: 3, 6: 4 }[colorType];
  const raw = Buffer.alloc(side * (1 + side * channels));
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) raw.set(pixel(x, y), y * (1 + side * channels) + 1 + x * channels);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]));
  return file;
}

let dir: string;
let demoSeal: SealImage;
beforeAll(() => {
  dir = tempDir('seal-image');
  demoSeal = loadSealImage(demoSealFile(findResourcesDir()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The object numbers of the file's image XObjects. */
function imageObjects(pdf: Buffer): number[] {
  const reader = new PdfReader(pdf);
  return reader.objectNumbers().filter((n) => {
    const value = reader.object(n).value;
    return value instanceof Map && value.get('Subtype') instanceof PdfName && (value.get('Subtype') as PdfName).name === 'Image';
  });
}

describe('the issuer’s seal image', () => {
  it('ships an opaque demo seal (drawn by scripts/make-demo-seal.ts)', () => {
    expect(demoSeal.width).toBeGreaterThanOrEqual(200);
    expect(demoSeal.png.subarray(25, 26)[0]).toBe(2); // RGB, no alpha
  });

  it('is stamped on every page from one image object, beside the one QR, and the report verifies', async () => {
    const report = await issue(dir, { records: manyPenalties(COMPANY, 60), sealImage: demoSeal });
    expect(report.pages).toBeGreaterThan(1);
    const layout = readLayout(new PdfReader(report.pdf));
    const sealRefs = new Set<number>();
    for (const images of layout.images) {
      expect(images.map((i) => i.name).sort()).toEqual([QR_RESOURCE, SEAL_RESOURCE]);
      sealRefs.add(images.find((i) => i.name === SEAL_RESOURCE)!.ref.num);
    }
    expect(sealRefs.size).toBe(1);
    // The file holds two images in all, however many pages: the QR and the seal.
    expect(imageObjects(report.pdf)).toHaveLength(2);
    const key = ensureReportKey(fileKeyStore(dir), path.join(dir, 'keys'));
    expect(verifyReportPdf(report.pdf, [key.publicKeyPem])).toMatchObject({ valid: true });
  });

  it('is covered by the layout digest: a seal image swapped for another fails verification', async () => {
    const key = ensureReportKey(fileKeyStore(dir), path.join(dir, 'keys'));
    const genuine = await issue(dir, { records: [], sealImage: demoSeal });
    // Another seal of the same size and kind, as a forger would paste in.
    const other = loadSealImage(writePng(path.join(dir, 'other-seal.png'), demoSeal.width, 2, (x, y) => ((x - 147) ** 2 + (y - 147) ** 2 < 140 ** 2 ? [200, 22, 29] : [255, 255, 255])));
    const forged = await issue(dir, { records: [], sealImage: other });
    const sealOf = (pdf: Buffer): number => readLayout(new PdfReader(pdf)).images[0]!.find((i) => i.name === SEAL_RESOURCE)!.ref.num;
    const otherBytes = zlib.inflateSync(new PdfReader(forged.pdf).object(sealOf(forged.pdf)).stream!);
    const swapped = rewritePdf(genuine.pdf, new Map([[sealOf(genuine.pdf), { stream: { dict: (d) => d, data: otherBytes } }]]));
    expect(verifyReportPdf(genuine.pdf, [key.publicKeyPem])).toMatchObject({ valid: true });
    expect(verifyReportPdf(swapped, [key.publicKeyPem])).toMatchObject({ valid: false, reason: 'layout-mismatch' });
  });

  it('refuses a file that is missing, not a PNG, damaged or not opaque, saying why in Chinese first', () => {
    const refusal = (file: string): string => {
      try {
        loadSealImage(file);
      } catch (err) {
        expect(err).toBeInstanceOf(SealImageError);
        return (err as Error).message;
      }
      throw new Error(`${file} was accepted`);
    };
    expect(refusal(path.join(dir, 'none.png'))).toMatch(/^出具机构电子印章图片无法读取.*ENOENT/);
    fs.writeFileSync(path.join(dir, 'seal.jpg'), 'not a png');
    expect(refusal(path.join(dir, 'seal.jpg'))).toMatch(/^出具机构电子印章图片不是 PNG 文件/);
    const rgba = writePng(path.join(dir, 'alpha.png'), 64, 6, () => [200, 0, 0, 128]);
    expect(refusal(rgba)).toMatch(/^出具机构电子印章图片须为不透明图片.*must be opaque/);
    fs.writeFileSync(path.join(dir, 'cut.png'), demoSeal.png.subarray(0, 2000));
    expect(refusal(path.join(dir, 'cut.png'))).toMatch(/已损坏/);
    expect(loadSealImage(writePng(path.join(dir, 'grey.png'), 64, 0, () => [0])).width).toBe(64);
  });
});

describe('a kiosk’s report issuer at start', () => {
  const write = (config: object): string => {
    const dataDir = tempDir('seal-config');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify(config));
    return dataDir;
  };
  const PRODUCTION = { mode: 'production', kioskId: 'ZB-ZD-0001', issuer: '淄博市公共信用信息中心' };

  it('stops a production start whose configured seal image is missing or unusable, naming the setting', () => {
    for (const sealImage of ['missing-seal.png', path.join(dir, 'alpha.png')]) {
      const dataDir = write({ ...PRODUCTION, report: { sealImage } });
      const config = loadKioskConfig({ dataDir, env: {} });
      expect(() => createReportIssuer({ config, keys: fileKeyStore(dataDir) })).toThrow(ConfigError);
      expect(() => createReportIssuer({ config, keys: fileKeyStore(dataDir) })).toThrow(/^配置项 report\.sealImage 无效：出具机构电子印章图片/);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stamps the configured seal in production (the path relative to the config file), and the demo seal in demo mode', async () => {
    const seals: Record<string, number> = {};
    for (const [name, config] of [
      ['production', { ...PRODUCTION, report: { sealImage: 'city-seal.png' } }],
      ['demo', {}],
    ] as const) {
      const dataDir = write(config);
      writePng(path.join(dataDir, 'city-seal.png'), 96, 2, (x) => (x < 48 ? [200, 22, 29] : [255, 255, 255]));
      const reports = createReportIssuer({ config: loadKioskConfig({ dataDir, env: {} }), keys: fileKeyStore(dataDir) });
      const issued = await reports.issue({ subject: COMPANY, records: [], provenance: PROVENANCE, now: new Date('2026-11-21T02:03:04Z') });
      const reader = new PdfReader(Buffer.from(issued.pdf));
      const seal = readLayout(reader).images[0]!.find((i) => i.name === SEAL_RESOURCE)!;
      seals[name] = reader.streamData(seal.ref).dict.get('Width') as number;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(seals).toEqual({ production: 96, demo: demoSeal.width });
  });
});
