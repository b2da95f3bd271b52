// The simulated reader the kiosk's demo mode and the tests use: a SimulatedDevice
// behind a real transport profile, driven by the real reader loop.
//
//   const { reader, device } = createSimulatedReader();
//   reader.on((e) => ...); await reader.start();
//   device.placeCard(card);   // → one 'card-inserted'
//   device.removeCard();      // → 'card-removed'
import type { CardReader } from '../cardReader';
import { createReaderLoop, type ReaderLoopOptions } from '../readerLoop';
import { systemTimers, type Timers } from '../timers';
import { createTransport } from '../transports/openTransport';
import type { ProfileId } from '../transports/transport';
import { SimulatedDevice, type SimulatedDeviceOptions } from './simulatedDevice';

export interface SimulatedReaderOptions extends Omit<ReaderLoopOptions, 'connect' | 'timers'> {
  /** Which USB framing to simulate; 'raw-interrupt' (the common 0400:C35A reader) by default. */
  profile?: ProfileId;
  timers?: Timers;
  name?: string;
  device?: Omit<SimulatedDeviceOptions, 'profile' | 'timers'>;
}

export interface SimulatedReader {
  reader: CardReader;
  device: SimulatedDevice;
}

export function createSimulatedReader(options: SimulatedReaderOptions = {}): SimulatedReader {
  const { profile = 'raw-interrupt', timers = systemTimers(), name, device: deviceOptions, ...loopOptions } = options;
  const device = new SimulatedDevice({ profile, timers, ...deviceOptions });
  const reader = createReaderLoop({
    pollIntervalMs: 250,
    reconnectIntervalMs: 500,
    ...loopOptions,
    timers,
    async connect() {
      const opened = device.open();
      if (!opened) return null;
      return {
        transport: createTransport(profile, opened, { timers }),
        info: { name: name ?? `Simulated reader (${profile})`, profile, simulated: true },
      };
    },
  });
  return { reader, device };
}
