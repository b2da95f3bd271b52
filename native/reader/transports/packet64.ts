// Packetised 64-byte HID reports (Miaxis 10C4:0007).
//   request: 88 00 00 | len (2, LE) | B1 | SAM frame | sum16 (LE), sum over bytes 3.. (len and on)
//   reply:   AA | sequence (2) | 54 payload bytes, ceil((LEN+7)/54) packets
// len = 1 + frame length (the B1 byte and the frame) and a big-endian sequence from
// 0 are our reading of the public notes; both live only in this file.
import { frameError, type Decoded } from '../samFrame';
import { splitIntoReports, type HidPort, type ReaderTransport } from './transport';
import { closedError, createTransportShell } from './transportShell';

export const PACKET_REPORT_SIZE = 64;
export const PACKET_PAYLOAD = 54;
const REQUEST_TAG = 0x88;
const COMMAND_TAG = 0xb1;
const REPLY_TAG = 0xaa;

function sum16(bytes: Uint8Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s = (s + bytes[i]!) & 0xffff;
  return s;
}

export function encodePacketRequest(frame: Uint8Array): Uint8Array {
  const len = 1 + frame.length;
  const out = new Uint8Array(5 + len + 2);
  out[0] = REQUEST_TAG;
  out[3] = len & 0xff;
  out[4] = len >> 8;
  out[5] = COMMAND_TAG;
  out.set(frame, 6);
  const s = sum16(out, 3, 5 + len);
  out[5 + len] = s & 0xff;
  out[6 + len] = s >> 8;
  return out;
}

/** Total request size once its header has arrived, for the device side to know when it has it all. */
export function packetRequestSize(head: Uint8Array): number | undefined {
  if (head.length < 5) return undefined;
  return 5 + (head[3]! | (head[4]! << 8)) + 2;
}

/** The device side: checks tags and sum, returns the SAM frame inside. */
export function decodePacketRequest(bytes: Uint8Array): Decoded<Uint8Array> {
  const size = packetRequestSize(bytes);
  if (size === undefined || bytes.length < size) return frameError('FRAME_TRUNCATED', 'packet request is incomplete');
  if (bytes[0] !== REQUEST_TAG || bytes[5] !== COMMAND_TAG) return frameError('FRAME_PREAMBLE', 'packet request does not begin 88 00 00 .. .. B1');
  const len = size - 7;
  const s = sum16(bytes, 3, 5 + len);
  if ((bytes[5 + len]! | (bytes[6 + len]! << 8)) !== s) return frameError('FRAME_CHECKSUM', 'packet request sum16 mismatch');
  return { ok: true, value: bytes.slice(6, 5 + len) };
}

/** The device side: a reply frame as 64-byte packets. */
export function encodePacketReplies(frame: Uint8Array): Uint8Array[] {
  const packets: Uint8Array[] = [];
  for (let seq = 0, i = 0; i < frame.length; seq++, i += PACKET_PAYLOAD) {
    const p = new Uint8Array(PACKET_REPORT_SIZE);
    p[0] = REPLY_TAG;
    p[1] = seq >> 8;
    p[2] = seq & 0xff;
    p.set(frame.subarray(i, Math.min(frame.length, i + PACKET_PAYLOAD)), 3);
    packets.push(p);
  }
  return packets;
}

/**
 * The host side: strips packet headers. A packet out of sequence drops the reply
 * in progress (the loop then times out or sees a checksum error and retries).
 */
export function createPacketReplyUnwrapper(): { push(report: Uint8Array): Uint8Array | null; reset(): void } {
  let expected = 0;
  let broken = false;
  return {
    push(report) {
      if (report.length < 3 || report[0] !== REPLY_TAG) return null;
      const seq = (report[1]! << 8) | report[2]!;
      if (seq === 0) {
        expected = 0;
        broken = false;
      }
      if (broken || seq !== expected) {
        broken = true;
        return null;
      }
      expected++;
      return report.subarray(3, 3 + PACKET_PAYLOAD);
    },
    reset() {
      expected = 0;
      broken = false;
    },
  };
}

export function createPacket64Transport(port: HidPort): ReaderTransport {
  const shell = createTransportShell('packet64', () => port.close());
  const unwrapper = createPacketReplyUnwrapper();
  port.onReport((report) => {
    const payload = unwrapper.push(report);
    if (payload) shell.data(payload);
  });
  port.onError((error) => shell.closeWith(error));
  return {
    ...shell.transport,
    async write(frame) {
      if (shell.closed) throw closedError('packet64');
      unwrapper.reset();
      for (const report of splitIntoReports(encodePacketRequest(frame), PACKET_REPORT_SIZE)) await port.write(report);
    },
  };
}
