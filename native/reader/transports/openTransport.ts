// From an opened device port to the transport its profile calls for.
import type { Timers } from '../timers';
import { createFeatureLengthTransport } from './featureLength';
import { createPacket64Transport } from './packet64';
import { createRawInterruptTransport } from './rawInterrupt';
import { createSerialTransport } from './serial';
import type { BytePort, HidPort, ProfileId, ReaderTransport } from './transport';

export type DevicePort = { kind: 'hid'; port: HidPort } | { kind: 'serial'; port: BytePort };

export interface TransportOptions {
  reportSize?: number;
  timers?: Timers;
}

export function createTransport(profile: ProfileId, device: DevicePort, options: TransportOptions = {}): ReaderTransport {
  if (profile === 'serial') {
    if (device.kind !== 'serial') throw new TypeError('the serial profile needs a serial port');
    return createSerialTransport(device.port);
  }
  if (device.kind !== 'hid') throw new TypeError(`the ${profile} profile needs a HID device`);
  switch (profile) {
    case 'raw-interrupt':
      return createRawInterruptTransport(device.port, { reportSize: options.reportSize });
    case 'packet64':
      return createPacket64Transport(device.port);
    case 'feature-length':
      return createFeatureLengthTransport(device.port, { reportSize: options.reportSize, timers: options.timers });
  }
}
