// A SAM as the host sees it through frames: request frame in, reply frame out.
// It keeps the card's protocol state (found → selected → read) so out-of-order
// commands get the errors a real SAM gives.
import type { IdCard } from '../../../src-main/common/domain/idCard';
import { encodeCardText } from '../cardText';
import { WLT_PHOTO_LENGTH } from '../photo';
import { encodeReadPayload } from '../readPayload';
import { findSamCommand } from '../samCommands';
import { decodeRequest, encodeResponse } from '../samFrame';

export interface SimulatedSamOptions {
  /**
   * Real cards go quiet (ISO 14443 HALT) after a read, so finds fail until the
   * card is lifted and placed again. Off by default: the demo card stays findable
   * while it lies on the reader, which is what the loop's removal detection assumes.
   */
  haltAfterRead?: boolean;
}

export interface SamReply {
  /** Which command it answers (undefined for an unreadable request). */
  command: string | undefined;
  frame: Uint8Array;
}

const SAM_ID = Uint8Array.from([0x05, 0x01, 0x00, 0x00, 0x20, 0x26, 0x00, 0x01, 0x00, 0x00, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);

export class SimulatedSam {
  private card: { text: Uint8Array; photo: Uint8Array } | undefined;
  private found = false;
  private selected = false;
  private halted = false;

  constructor(private readonly options: SimulatedSamOptions = {}) {}

  get hasCard(): boolean {
    return this.card !== undefined;
  }

  /** Throws RangeError when the card cannot be laid out (a field too long for its place). */
  place(card: IdCard): void {
    this.card = { text: encodeCardText(card), photo: simulatedPhoto(card) };
    this.found = this.selected = this.halted = false;
  }

  remove(): void {
    this.card = undefined;
    this.found = this.selected = this.halted = false;
  }

  /** Power cycle: protocol state is lost, the card stays where it is. */
  reset(): void {
    this.found = this.selected = false;
  }

  handle(requestFrame: Uint8Array): SamReply {
    const request = decodeRequest(requestFrame);
    if (!request.ok) {
      const sw3 = request.error.code === 'FRAME_CHECKSUM' ? 0x10 : 0x11;
      return { command: undefined, frame: encodeResponse({ sw3 }) };
    }
    const known = findSamCommand(request.value.cmd, request.value.para);
    if (!known) return { command: undefined, frame: encodeResponse({ sw3: 0x21 }) };
    const [key] = known;
    const reply = (sw3: number, data?: Uint8Array): SamReply => ({ command: key, frame: encodeResponse({ sw3, data }) });
    switch (key) {
      case 'reset':
        this.reset();
        return reply(0x90);
      case 'status':
        return reply(0x90);
      case 'samId':
        return reply(0x90, SAM_ID);
      case 'find':
        this.selected = false;
        this.found = this.card !== undefined && !this.halted;
        return this.found ? reply(0x9f, new Uint8Array(4)) : reply(0x80);
      case 'select':
        if (!this.found) return reply(0x81);
        this.selected = true;
        return reply(0x90, new Uint8Array(8));
      case 'read':
      case 'readWithFingerprint': {
        if (!this.selected || !this.card) return reply(0x41);
        const payload = encodeReadPayload({
          text: this.card.text,
          photo: this.card.photo,
          ...(key === 'readWithFingerprint' ? { fingerprint: new Uint8Array(0) } : {}),
        });
        this.found = this.selected = false;
        if (this.options.haltAfterRead) this.halted = true;
        return reply(0x90, payload);
      }
      case 'readAddress':
        return reply(0x91);
    }
  }
}

/** The card's own WLT bytes when it carries them, else stand-in bytes derived from the ID number. */
function simulatedPhoto(card: IdCard): Uint8Array {
  if (card.photo?.format === 'wlt' && card.photo.data) {
    const out = new Uint8Array(WLT_PHOTO_LENGTH);
    out.set(Buffer.from(card.photo.data, 'base64').subarray(0, WLT_PHOTO_LENGTH));
    return out;
  }
  return standInWlt(card.idNumber);
}

/** The stand-in "encrypted photo" of a card without WLT bytes: the demo photo decoder knows it by these. */
export function standInWlt(idNumber: string): Uint8Array {
  const out = new Uint8Array(WLT_PHOTO_LENGTH);
  let seed = 0x9e3779b9;
  for (const ch of idNumber) seed = Math.imul(seed ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  for (let i = 0; i < out.length; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
}
