// The reader for real hardware: the device watcher finds a known reader (the
// configured one, else the first found), the profile's transport opens it through
// node-hid or serialport, and the reader loop does the rest.
import type { CardReader } from './cardReader';
import { createReaderLoop, type ReaderLoopOptions } from './readerLoop';
import { systemTimers, type Timers } from './timers';
import { createDeviceWatcher, type AttachedReader, type DeviceLister, type DeviceWatcher } from './transports/deviceWatcher';
import { listHidDevices, openHidPort } from './transports/nodeHidPort';
import { createTransport, type DevicePort } from './transports/openTransport';
import { isDrivable, loadReaderProfiles } from './transports/profiles';
import { listSerialPorts, openSerialPort } from './transports/serialPortAdapter';

export interface UsbCardReaderOptions extends Omit<ReaderLoopOptions, 'connect' | 'timers'> {
  /** An operator's profile file (same shape as resources/readers/profiles.json). */
  profilesPath?: string;
  /** Which reader to use when several are attached: a device path, or "vid:pid" in hex. */
  preferred?: string;
  watchIntervalMs?: number;
  timers?: Timers;
  /** Replaces node-hid / serialport listing (tests). */
  lister?: DeviceLister;
  /** Replaces node-hid / serialport opening (tests). */
  openPort?: (reader: AttachedReader) => Promise<DevicePort>;
}

export const nodeDeviceLister: DeviceLister = {
  listHid: listHidDevices,
  listSerial: listSerialPorts,
};

async function openRealPort(reader: AttachedReader): Promise<DevicePort> {
  return reader.transport === 'serial' ? { kind: 'serial', port: await openSerialPort(reader.path) } : { kind: 'hid', port: await openHidPort(reader.path) };
}

/** The attached reader to use: the preferred one if present, else the first drivable one. */
export function chooseReader(readers: readonly AttachedReader[], preferred?: string): AttachedReader | undefined {
  const drivable = readers.filter((r) => isDrivable(r.profile));
  if (preferred) {
    const want = preferred.toLowerCase();
    const match = drivable.find((r) => r.path === preferred || `${r.vendorId}:${r.productId}` === want);
    if (match) return match;
  }
  return drivable[0];
}

export async function createUsbCardReader(options: UsbCardReaderOptions = {}): Promise<{ reader: CardReader; watcher: DeviceWatcher }> {
  const { profilesPath, preferred, watchIntervalMs, lister = nodeDeviceLister, openPort = openRealPort, timers = systemTimers(), ...loopOptions } = options;
  const table = await loadReaderProfiles(profilesPath);
  if (!table.ok) throw new Error(table.message);
  const watcher = createDeviceWatcher({ profiles: table.profiles, lister, intervalMs: watchIntervalMs, timers });
  const loop = createReaderLoop({
    ...loopOptions,
    timers,
    async connect() {
      const chosen = chooseReader(watcher.current(), preferred);
      if (!chosen || !isDrivable(chosen.profile)) return null;
      const port = await openPort(chosen);
      return {
        transport: createTransport(chosen.profile, port, { reportSize: chosen.reportSize, timers }),
        info: { name: chosen.name, profile: chosen.profile, simulated: false },
      };
    },
  });
  const reader: CardReader = {
    on: (listener) => loop.on(listener),
    async start() {
      await watcher.start();
      await loop.start();
    },
    async stop() {
      watcher.stop();
      await loop.stop();
    },
  };
  return { reader, watcher };
}
