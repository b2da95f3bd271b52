// A simulated reader at the USB hop: it accepts exactly the bytes a host sends
// for its transport profile (output reports, feature reports, serial bytes),
// answers through a SimulatedSam, and replies in the profile's own wrapping.
// Only the USB cable is fake: codec, profile transport and reader loop run as
// they do with real hardware.
import type { IdCard } from '../../../src-main/common/domain/idCard';
import { Deframer } from '../deframer';
import { createEmitter } from '../emitter';
import type { SamCommandKey } from '../samCommands';
import { MIN_REQUEST_LEN, PREAMBLE } from '../samFrame';
import type { Timers } from '../timers';
import { decodeFeatureSegment, encodeFeatureSegments, FEATURE_REPORT_SIZE } from '../transports/featureLength';
import { decodePacketRequest, encodePacketReplies, PACKET_REPORT_SIZE, packetRequestSize } from '../transports/packet64';
import { RAW_REPORT_SIZE } from '../transports/rawInterrupt';
import { splitIntoReports, type BytePort, type HidPort, type ProfileId } from '../transports/transport';
import { FaultQueue, type FaultTarget, type SimFault } from './faults';
import { SimulatedSam } from './simulatedSam';

export type OpenedPort = { kind: 'hid'; port: HidPort } | { kind: 'serial'; port: BytePort };

export interface SimulatedDeviceOptions {
  profile: ProfileId;
  timers: Timers;
  /** See SimulatedSamOptions.haltAfterRead. */
  haltAfterRead?: boolean;
  /** Time the SAM takes to answer most commands. */
  latencyMs?: number;
  /** Time the SAM takes to read text + photo from the card. */
  readLatencyMs?: number;
  reportSize?: number;
}

export interface SimulatedDeviceCounters {
  requests: number;
  byCommand: Partial<Record<SamCommandKey, number>>;
  opens: number;
}

export class SimulatedDevice {
  readonly profile: ProfileId;
  readonly counters: SimulatedDeviceCounters = { requests: 0, byCommand: {}, opens: 0 };
  private readonly timers: Timers;
  private readonly sam: SimulatedSam;
  private readonly faults = new FaultQueue();
  private readonly latency = new Map<SamCommandKey | 'any', number>();
  private readonly reportSize: number;
  private isPlugged = true;
  private links = new Set<SimLink>();

  constructor(options: SimulatedDeviceOptions) {
    this.profile = options.profile;
    this.timers = options.timers;
    this.sam = new SimulatedSam({ haltAfterRead: options.haltAfterRead });
    this.latency.set('any', options.latencyMs ?? 2);
    this.latency.set('read', options.readLatencyMs ?? 120);
    this.reportSize =
      options.reportSize ?? (this.profile === 'packet64' ? PACKET_REPORT_SIZE : this.profile === 'feature-length' ? FEATURE_REPORT_SIZE : RAW_REPORT_SIZE);
  }

  // ---- what a demo panel or a test does ----

  /** Lays a card on the reader. Throws RangeError if a field cannot fit on a card. */
  placeCard(card: IdCard): void {
    this.sam.place(card);
  }

  removeCard(): void {
    this.sam.remove();
  }

  get hasCard(): boolean {
    return this.sam.hasCard;
  }

  get plugged(): boolean {
    return this.isPlugged;
  }

  /** Pulls the cable: open ports fail as node-hid / serialport ones do. */
  unplug(): void {
    if (!this.isPlugged) return;
    this.isPlugged = false;
    for (const link of [...this.links]) link.kill(new Error('device disconnected'));
    this.links.clear();
  }

  /** Plugs it back in; the SAM powers up afresh, a card lying there stays. */
  plug(): void {
    this.isPlugged = true;
    this.sam.reset();
  }

  injectFault(fault: SimFault, options: { on?: FaultTarget; times?: number } = {}): void {
    this.faults.add(fault, options.on ?? 'any', options.times ?? 1);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  setLatency(ms: number, command: SamCommandKey | 'any' = 'any'): void {
    this.latency.set(command, ms);
  }

  // ---- the USB hop ----

  /** What node-hid / serialport would give for this device, or null while unplugged. */
  open(): OpenedPort | null {
    if (!this.isPlugged) return null;
    this.counters.opens++;
    const link = new SimLink(this, this.profile, this.reportSize, this.timers);
    this.links.add(link);
    return this.profile === 'serial' ? { kind: 'serial', port: link.bytePort() } : { kind: 'hid', port: link.hidPort() };
  }

  /** @internal called by a link with a whole request frame. */
  answer(link: SimLink, request: Uint8Array): void {
    if (!this.isPlugged) return;
    const reply = this.sam.handle(request);
    this.counters.requests++;
    if (reply.command) {
      const key = reply.command as SamCommandKey;
      this.counters.byCommand[key] = (this.counters.byCommand[key] ?? 0) + 1;
    }
    const faults = this.faults.take(reply.command);
    let frame = reply.frame;
    let delay = this.latency.get((reply.command as SamCommandKey) ?? 'any') ?? this.latency.get('any') ?? 0;
    const plan: DeliveryPlan = { delayMs: delay, gapMs: 0, pieceSize: undefined, unplugHalfway: false };
    for (const fault of faults) {
      switch (fault.type) {
        case 'status':
          frame = statusFrame(fault.sw3);
          break;
        case 'bad-checksum':
          frame = frame.slice();
          frame[frame.length - 1]! ^= 0x5a;
          break;
        case 'garbage': {
          const junk = Uint8Array.from(fault.bytes ?? [0x00, 0xaa, 0x13, 0xaa, 0xaa, 0x96, 0x37]);
          const joined = new Uint8Array(junk.length + frame.length);
          joined.set(junk);
          joined.set(frame, junk.length);
          frame = joined;
          break;
        }
        case 'slow':
          delay += fault.delayMs;
          plan.delayMs = delay;
          break;
        case 'fragment':
          plan.pieceSize = fault.pieceSize ?? 5;
          plan.gapMs = fault.gapMs ?? 3;
          break;
        case 'no-reply':
          return;
        case 'unplug':
          plan.unplugHalfway = true;
          break;
      }
    }
    link.deliver(frame, plan);
  }

  /** @internal */
  forget(link: SimLink): void {
    this.links.delete(link);
  }
}

interface DeliveryPlan {
  delayMs: number;
  gapMs: number;
  /** Serial only: bytes per piece; HID profiles fragment by report. */
  pieceSize: number | undefined;
  unplugHalfway: boolean;
}

function statusFrame(sw3: number): Uint8Array {
  // Built by hand rather than through encodeResponse so the fault does not depend on the codec under test.
  const body = [0x00, 0x04, 0x00, 0x00, sw3];
  let chk = 0;
  for (const b of body) chk ^= b;
  return Uint8Array.from([...PREAMBLE, ...body, chk]);
}

/** One open of the device: its port object, request reassembly and reply delivery. */
class SimLink {
  private alive = true;
  private readonly reports = createEmitter<Uint8Array>();
  private readonly errors = createEmitter<Error>();
  private readonly closes = createEmitter<Error | undefined>();
  private readonly requestDeframer = new Deframer({ minLen: MIN_REQUEST_LEN });
  private packetBuffer: number[] = [];
  private featureRequest: number[] = [];
  private featureReplies: Uint8Array[] = [];

  constructor(
    private readonly device: SimulatedDevice,
    private readonly profile: ProfileId,
    private readonly reportSize: number,
    private readonly timers: Timers,
  ) {}

  kill(error: Error): void {
    if (!this.alive) return;
    this.alive = false;
    if (this.profile === 'serial') this.closes.emit(error);
    else this.errors.emit(error);
  }

  private gone(): Error {
    return new Error('could not write to the device: it is gone');
  }

  hidPort(): HidPort {
    return {
      write: async (report) => {
        if (!this.alive) throw this.gone();
        this.receiveOutputReport(report);
      },
      sendFeatureReport: async (payload) => {
        if (!this.alive) throw this.gone();
        this.receiveFeatureReport(payload);
      },
      getFeatureReport: async (length) => {
        if (!this.alive) throw this.gone();
        const next = this.featureReplies.shift();
        const out = new Uint8Array(length);
        if (next) out.set(next.subarray(0, length));
        return out;
      },
      onReport: (listener) => this.reports.on(listener),
      onError: (listener) => this.errors.on(listener),
      close: async () => this.close(),
    };
  }

  bytePort(): BytePort {
    return {
      write: async (bytes) => {
        if (!this.alive) throw this.gone();
        this.receiveFrames(bytes);
      },
      onData: (listener) => this.reports.on(listener),
      onClose: (listener) => this.closes.on(listener),
      close: async () => this.close(),
    };
  }

  private close(): void {
    this.alive = false;
    this.device.forget(this);
  }

  private receiveOutputReport(report: Uint8Array): void {
    if (this.profile === 'packet64') {
      this.packetBuffer.push(...report);
      const size = packetRequestSize(Uint8Array.from(this.packetBuffer));
      if (size === undefined || this.packetBuffer.length < size) return;
      const request = decodePacketRequest(Uint8Array.from(this.packetBuffer.slice(0, size)));
      this.packetBuffer = [];
      if (request.ok) this.device.answer(this, request.value);
      return;
    }
    this.receiveFrames(report);
  }

  private receiveFrames(bytes: Uint8Array): void {
    for (const out of this.requestDeframer.push(bytes)) {
      if (out.type === 'frame') this.device.answer(this, out.frame);
    }
  }

  private receiveFeatureReport(payload: Uint8Array): void {
    const seg = decodeFeatureSegment(payload);
    if (!seg) return;
    this.featureRequest.push(...seg);
    if (this.featureRequest.length < 2) return;
    const total = 2 + ((this.featureRequest[0]! << 8) | this.featureRequest[1]!);
    if (this.featureRequest.length < total) return;
    const frame = Uint8Array.from([...PREAMBLE, ...this.featureRequest.slice(0, total)]);
    this.featureRequest = [];
    this.featureReplies = [];
    this.device.answer(this, frame);
  }

  /** The reply as the profile's wire units, sent after the delay, spaced by gaps. */
  deliver(frame: Uint8Array, plan: DeliveryPlan): void {
    const units = this.wireUnits(frame, plan);
    const cut = plan.unplugHalfway ? Math.max(1, Math.floor(units.length / 2)) : units.length;
    let at = plan.delayMs;
    units.slice(0, cut).forEach((unit, i) => {
      this.timers.setTimeout(() => this.send(unit), at);
      if (i < cut - 1) at += plan.gapMs;
    });
    if (plan.unplugHalfway) this.timers.setTimeout(() => this.device.unplug(), at);
  }

  private wireUnits(frame: Uint8Array, plan: DeliveryPlan): Uint8Array[] {
    switch (this.profile) {
      case 'raw-interrupt':
        return splitIntoReports(frame, this.reportSize);
      case 'packet64':
        return encodePacketReplies(frame);
      case 'feature-length':
        return encodeFeatureSegments(frame.subarray(PREAMBLE.length), this.reportSize);
      case 'serial': {
        // Unplugging "halfway" needs at least two pieces to stop between.
        const size = plan.pieceSize ?? (plan.unplugHalfway ? Math.ceil(frame.length / 2) : frame.length);
        const pieces: Uint8Array[] = [];
        for (let i = 0; i < frame.length; i += size) pieces.push(frame.slice(i, i + size));
        return pieces;
      }
    }
  }

  private send(unit: Uint8Array): void {
    if (!this.alive) return;
    if (this.profile === 'feature-length') this.featureReplies.push(unit);
    else this.reports.emit(unit);
  }
}
