// The reader vendor's WLT decoder as a helper process with a fixed protocol (docs/readers.md):
// one process per photo, so a vendor library that crashes or leaks takes no kiosk state
// with it and nothing of the picture outlives the read. On standard input: a 4-byte
// big-endian length and the WLT bytes; on standard output: a 4-byte status (0 = decoded),
// a 4-byte length and the picture (BMP or JPEG). Anything else is "cannot decode" (null).
import { spawn } from 'node:child_process';
import type { DecodedPhoto, PhotoDecoder } from '../../../native/reader/photo';
import type { PhotoDecoderConfig } from '../../common/face/photoDecoderConfig';

/** Far above a 102×126 BMP (~39 KB): a helper writing more is not answering a photo. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export function createVendorPhotoDecoder(config: PhotoDecoderConfig): PhotoDecoder {
  return { decode: (wlt) => decodeOnce(config, wlt) };
}

function decodeOnce(config: PhotoDecoderConfig, wlt: Uint8Array): Promise<DecodedPhoto | null> {
  return new Promise((resolve) => {
    const child = spawn(config.command, config.args, { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (answer: DecodedPhoto | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      resolve(answer);
    };
    const timer = setTimeout(() => finish(null), config.timeoutMs);
    child.on('error', () => finish(null));
    child.stdin.on('error', () => finish(null));
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) return finish(null);
      chunks.push(chunk);
      const answer = parseAnswer(Buffer.concat(chunks));
      if (answer !== 'incomplete') finish(answer);
    });
    child.on('close', () => finish(null));
    const header = Buffer.alloc(4);
    header.writeUInt32BE(wlt.length);
    child.stdin.end(Buffer.concat([header, Buffer.from(wlt)]));
  });
}

/** The helper's answer once complete: the picture, null for a refusal or an unknown picture format. */
export function parseAnswer(bytes: Buffer): DecodedPhoto | null | 'incomplete' {
  if (bytes.length < 8) return 'incomplete';
  if (bytes.readUInt32BE(0) !== 0) return null;
  const length = bytes.readUInt32BE(4);
  if (length === 0 || length > MAX_ANSWER_BYTES) return null;
  if (bytes.length < 8 + length) return 'incomplete';
  const picture = new Uint8Array(bytes.subarray(8, 8 + length));
  const format = pictureFormat(picture);
  return format ? { format, bytes: picture } : null;
}

function pictureFormat(p: Uint8Array): DecodedPhoto['format'] | null {
  if (p[0] === 0x42 && p[1] === 0x4d) return 'bmp';
  if (p[0] === 0xff && p[1] === 0xd8 && p[2] === 0xff) return 'jpeg';
  return null;
}
