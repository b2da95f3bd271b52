// The SAM frame, the one format every transport carries:
//   request  AA AA AA 96 69 | LEN (2, BE) | CMD PARA | data | CHK
//   response AA AA AA 96 69 | LEN (2, BE) | SW1 SW2 SW3 | data | CHK
// LEN counts everything after itself, CHK included; CHK is the XOR of LEN..last data byte.
import { findSamCommand, type SamCommand } from './samCommands';
import { samStatusText } from './samStatus';

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble + LEN. */
export const HEADER_LENGTH = 7;
/** Largest LEN accepted: a text + photo + fingerprint read is ~2.3 KB, so 4 KB is generous, not unbounded. */
export const MAX_LEN = 4096;
/** CMD PARA CHK. */
export const MIN_REQUEST_LEN = 3;
/** SW1 SW2 SW3 CHK. */
export const MIN_RESPONSE_LEN = 4;

export type FrameErrorCode =
  | 'FRAME_NOT_HEX'
  | 'FRAME_PREAMBLE'
  | 'FRAME_TRUNCATED'
  | 'FRAME_LENGTH'
  | 'FRAME_CHECKSUM'
  | 'FRAME_TRAILING'
  | 'FRAME_PAYLOAD'
  | 'FRAME_IS_REQUEST';

export interface FrameError {
  code: FrameErrorCode;
  message: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: FrameError };

export interface SamRequest {
  cmd: number;
  para: number;
  data: Uint8Array;
}

export interface SamResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export function frameError(code: FrameErrorCode, message: string): { ok: false; error: FrameError } {
  return { ok: false, error: { code, message } };
}

/** XOR of bytes[from, to). */
export function xorChecksum(bytes: Uint8Array, from: number, to: number): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i]!;
  return x;
}

/** Wraps a body (what lies between LEN and CHK) into a whole frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > MAX_LEN) throw new RangeError(`frame body of ${body.length} bytes exceeds LEN ${MAX_LEN}`);
  const out = new Uint8Array(HEADER_LENGTH + len);
  out.set(PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeRequest(command: Pick<SamCommand, 'cmd' | 'para'>, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = command.cmd;
  body[1] = command.para;
  body.set(data, 2);
  return encodeFrame(body);
}

export function encodeResponse(response: { sw1?: number; sw2?: number; sw3: number; data?: Uint8Array }): Uint8Array {
  const data = response.data ?? new Uint8Array(0);
  const body = new Uint8Array(3 + data.length);
  body[0] = response.sw1 ?? 0;
  body[1] = response.sw2 ?? 0;
  body[2] = response.sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/**
 * Checks one whole frame (preamble, LEN within bounds, exact size, checksum) and
 * returns its body. Never throws.
 */
export function unwrapFrame(bytes: Uint8Array, minLen = MIN_REQUEST_LEN): Decoded<Uint8Array> {
  for (let i = 0; i < PREAMBLE.length; i++) {
    if (i >= bytes.length) return frameError('FRAME_TRUNCATED', `frame of ${bytes.length} bytes ends inside the preamble`);
    if (bytes[i] !== PREAMBLE[i]) return frameError('FRAME_PREAMBLE', 'frame does not begin with the preamble AA AA AA 96 69');
  }
  if (bytes.length < HEADER_LENGTH) return frameError('FRAME_TRUNCATED', `frame of ${bytes.length} bytes ends inside the length field`);
  const len = (bytes[5]! << 8) | bytes[6]!;
  if (len < minLen || len > MAX_LEN) return frameError('FRAME_LENGTH', `impossible LEN ${len} (expected ${minLen}..${MAX_LEN})`);
  const total = HEADER_LENGTH + len;
  if (bytes.length < total) return frameError('FRAME_TRUNCATED', `LEN ${len} needs ${total} bytes, got ${bytes.length}`);
  if (bytes.length > total) return frameError('FRAME_TRAILING', `${bytes.length - total} bytes after the end of the frame`);
  const expected = xorChecksum(bytes, 5, total - 1);
  const actual = bytes[total - 1]!;
  if (expected !== actual) {
    return frameError('FRAME_CHECKSUM', `checksum ${hex2(actual)} does not match the computed ${hex2(expected)}`);
  }
  return { ok: true, value: bytes.subarray(HEADER_LENGTH, total - 1) };
}

export function decodeRequest(bytes: Uint8Array): Decoded<SamRequest> {
  const body = unwrapFrame(bytes, MIN_REQUEST_LEN);
  if (!body.ok) return body;
  const b = body.value;
  return { ok: true, value: { cmd: b[0]!, para: b[1]!, data: b.subarray(2) } };
}

export function decodeResponse(bytes: Uint8Array): Decoded<SamResponse> {
  const body = unwrapFrame(bytes, MIN_REQUEST_LEN);
  if (!body.ok) return body;
  const b = body.value;
  if (b.length + 1 < MIN_RESPONSE_LEN) {
    // LEN 3 with a good checksum can only be a request (CMD PARA CHK): say which.
    const known = findSamCommand(b[0]!, b[1]!);
    const name = known ? ` (${known[1].name}, ${hex2(b[0]!)} ${hex2(b[1]!)})` : '';
    return frameError('FRAME_IS_REQUEST', `this is a request frame${name}, not a response`);
  }
  return { ok: true, value: { sw1: b[0]!, sw2: b[1]!, sw3: b[2]!, data: b.subarray(3) } };
}

/** Size of the frame whose header starts at bytes[0], or undefined when the header is incomplete. */
export function frameSizeFromHeader(bytes: Uint8Array): number | undefined {
  if (bytes.length < HEADER_LENGTH) return undefined;
  return HEADER_LENGTH + ((bytes[5]! << 8) | bytes[6]!);
}

export function describeResponse(response: SamResponse): string {
  return `SW ${hex2(response.sw1)} ${hex2(response.sw2)} ${hex2(response.sw3)} — ${samStatusText(response.sw3)}`;
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
