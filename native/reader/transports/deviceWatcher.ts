// Hot-plug: polls the HID and serial device lists at an interval and tells which
// known readers appeared or disappeared, so a reader plugged in later is picked up
// without a restart. Listing is injected: real lists from node-hid / serialport,
// fixed lists in tests.
import { createEmitter } from '../emitter';
import { systemTimers, type TimerHandle, type Timers } from '../timers';
import { findProfile, type ReaderProfile } from './profiles';

export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
}

export interface SerialDeviceInfo {
  path: string;
  /** Hex strings as serialport gives them (may be absent for on-board UARTs). */
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
}

export interface DeviceLister {
  listHid(): Promise<HidDeviceInfo[]>;
  listSerial(): Promise<SerialDeviceInfo[]>;
}

export interface AttachedReader {
  /** transport + path: stable while the device stays plugged in. */
  key: string;
  transport: 'hid' | 'serial';
  path: string;
  vendorId: string;
  productId: string;
  name: string;
  profile: ReaderProfile['profile'];
  reportSize?: number;
  product?: string;
  manufacturer?: string;
}

export type WatcherEvent = { type: 'attached'; reader: AttachedReader } | { type: 'detached'; reader: AttachedReader };

const hex4 = (n: number | string): string => (typeof n === 'number' ? n.toString(16) : n).toLowerCase().padStart(4, '0');

/** The known readers among the listed devices. A lister that fails counts as "none of that kind". */
export async function listAttachedReaders(profiles: readonly ReaderProfile[], lister: DeviceLister): Promise<AttachedReader[]> {
  const [hid, serial] = await Promise.all([lister.listHid().catch(() => []), lister.listSerial().catch(() => [])]);
  const found = new Map<string, AttachedReader>();
  for (const d of hid) {
    if (!d.path) continue;
    const p = findProfile(profiles, { transport: 'hid', vendorId: d.vendorId, productId: d.productId });
    if (!p) continue;
    const key = `hid:${d.path}`;
    found.set(key, {
      key,
      transport: 'hid',
      path: d.path,
      vendorId: hex4(d.vendorId),
      productId: hex4(d.productId),
      name: p.name,
      profile: p.profile,
      ...(p.reportSize ? { reportSize: p.reportSize } : {}),
      ...(d.product ? { product: d.product } : {}),
      ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
    });
  }
  for (const d of serial) {
    if (!d.vendorId || !d.productId) continue;
    const p = findProfile(profiles, { transport: 'serial', vendorId: d.vendorId, productId: d.productId });
    if (!p) continue;
    const key = `serial:${d.path}`;
    found.set(key, {
      key,
      transport: 'serial',
      path: d.path,
      vendorId: hex4(d.vendorId),
      productId: hex4(d.productId),
      name: p.name,
      profile: p.profile,
      ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
    });
  }
  return [...found.values()];
}

export interface DeviceWatcherOptions {
  profiles: readonly ReaderProfile[];
  lister: DeviceLister;
  intervalMs?: number;
  timers?: Timers;
}

export interface DeviceWatcher {
  start(): Promise<void>;
  stop(): void;
  /** Readers attached at the last scan. */
  current(): AttachedReader[];
  /** Scans now (also what the timer does). */
  scan(): Promise<AttachedReader[]>;
  on(listener: (event: WatcherEvent) => void): () => void;
}

export function createDeviceWatcher(options: DeviceWatcherOptions): DeviceWatcher {
  const timers = options.timers ?? systemTimers();
  const intervalMs = options.intervalMs ?? 1000;
  const events = createEmitter<WatcherEvent>();
  let known = new Map<string, AttachedReader>();
  let timer: TimerHandle | undefined;
  let running = false;

  const scan = async (): Promise<AttachedReader[]> => {
    const now = await listAttachedReaders(options.profiles, options.lister);
    const next = new Map(now.map((r) => [r.key, r]));
    for (const [key, reader] of known) if (!next.has(key)) events.emit({ type: 'detached', reader });
    for (const [key, reader] of next) if (!known.has(key)) events.emit({ type: 'attached', reader });
    known = next;
    return now;
  };
  const loop = async (): Promise<void> => {
    if (!running) return;
    await scan();
    if (running) timer = timers.setTimeout(() => void loop(), intervalMs);
  };

  return {
    async start() {
      if (running) return;
      running = true;
      await loop();
    },
    stop() {
      running = false;
      timers.clearTimeout(timer);
    },
    current: () => [...known.values()],
    scan,
    on: (listener) => events.on(listener),
  };
}
