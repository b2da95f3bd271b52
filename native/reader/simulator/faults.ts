// Faults the simulated reader can be told to produce, each for the next reply (or
// the next n replies) to a given command. They act on bytes, below the codec, so
// the host side meets them exactly as it would meet a flaky device.
import type { SamCommandKey } from '../samCommands';

export type SimFault =
  /** The SAM answers with this SW3 (e.g. 0x80 no card, 0x41 read failed, 0x33 verification error). */
  | { type: 'status'; sw3: number }
  /** The reply's checksum byte is flipped. */
  | { type: 'bad-checksum' }
  /** Noise ahead of the reply. */
  | { type: 'garbage'; bytes?: number[] }
  /** The reply comes late (past the exchange timeout if long enough). */
  | { type: 'slow'; delayMs: number }
  /** The reply arrives in many small pieces with gaps between them. */
  | { type: 'fragment'; pieceSize?: number; gapMs?: number }
  /** The reply is lost. */
  | { type: 'no-reply' }
  /** Part of the reply, then the device disappears (unplugged mid-read). */
  | { type: 'unplug' };

export type FaultTarget = SamCommandKey | 'any';

interface Armed {
  fault: SimFault;
  on: FaultTarget;
  remaining: number;
}

export class FaultQueue {
  private armed: Armed[] = [];

  add(fault: SimFault, on: FaultTarget = 'any', times = 1): void {
    if (times > 0) this.armed.push({ fault, on, remaining: times });
  }

  clear(): void {
    this.armed = [];
  }

  get size(): number {
    return this.armed.length;
  }

  /** The faults that apply to this reply, used up as they fire. */
  take(command: string | undefined): SimFault[] {
    const fired: SimFault[] = [];
    for (const a of this.armed) {
      if (a.on !== 'any' && a.on !== command) continue;
      fired.push(a.fault);
      a.remaining--;
    }
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return fired;
  }
}
