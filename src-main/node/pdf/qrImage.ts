// The verification QR as an opaque 8-bit grayscale PNG, made here from the QR modules.
// The qrcode package's PNGs carry an alpha channel, which pdfkit turns into a soft mask,
// and any transparency makes CUPS filters rasterise the whole page.
import QRCode from 'qrcode';
import zlib from 'node:zlib';

export const QR_ECC = 'M';
/** Quiet zone in modules, and pixels per module: shared with the verifier. */
export const QR_MARGIN = 1;
export const QR_SCALE = 4;

export function qrModules(payload: string): { size: number; data: Uint8Array } {
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: QR_ECC });
  return { size: modules.size, data: modules.data };
}

/** The QR as 8-bit grayscale pixels, row by row, QR_SCALE pixels per module. */
export function qrPixels(payload: string): { side: number; pixels: Uint8Array } {
  const { size, data } = qrModules(payload);
  const side = (size + 2 * QR_MARGIN) * QR_SCALE;
  const pixels = new Uint8Array(side * side).fill(0xff);
  for (let y = 0; y < side; y++) {
    const r = Math.floor(y / QR_SCALE) - QR_MARGIN;
    for (let x = 0; x < side; x++) {
      const c = Math.floor(x / QR_SCALE) - QR_MARGIN;
      if (r >= 0 && c >= 0 && r < size && c < size && data[r * size + c] === 1) pixels[y * side + x] = 0;
    }
  }
  return { side, pixels };
}

export function qrPng(payload: string): Buffer {
  const { side, pixels } = qrPixels(payload);
  const raw = Buffer.alloc(side * (side + 1));
  for (let y = 0; y < side; y++) {
    raw[y * (side + 1)] = 0; // filter type: none
    raw.set(pixels.subarray(y * side, (y + 1) * side), y * (side + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** One PNG chunk: length, type, body, CRC. */
export function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}
