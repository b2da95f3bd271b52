// node-hid's HIDAsync as a HidPort. Loaded lazily so that merely importing the
// reader code (tests, CLI) never touches the native binding.
import type * as NodeHid from 'node-hid';
import type { Device, HIDAsync } from 'node-hid';
import { createEmitter } from '../emitter';
import type { HidPort } from './transport';

async function nodeHid(): Promise<typeof NodeHid> {
  return import('node-hid');
}

export async function listHidDevices(): Promise<Device[]> {
  return (await nodeHid()).devicesAsync();
}

export async function openHidPort(path: string): Promise<HidPort> {
  const device: HIDAsync = await (await nodeHid()).HIDAsync.open(path);
  const reports = createEmitter<Uint8Array>();
  const errors = createEmitter<Error>();
  let closed = false;
  device.on('data', (data: Buffer) => reports.emit(new Uint8Array(data)));
  // node-hid reports a pulled cable as an error on its read thread.
  device.on('error', (error: unknown) => errors.emit(error instanceof Error ? error : new Error(String(error))));
  // hidapi wants the report ID first; these readers use unnumbered reports (ID 0).
  const withReportId = (payload: Uint8Array): Buffer => Buffer.concat([Buffer.of(0), payload]);
  return {
    async write(report) {
      await device.write(withReportId(report));
    },
    async sendFeatureReport(payload) {
      await device.sendFeatureReport(withReportId(payload));
    },
    async getFeatureReport(length) {
      const data = await device.getFeatureReport(0, length + 1);
      // hidapi returns the report ID as the first byte.
      return new Uint8Array(data.subarray(1));
    },
    onReport: (listener) => reports.on(listener),
    onError: (listener) => errors.on(listener),
    async close() {
      if (closed) return;
      closed = true;
      device.removeAllListeners('data');
      await device.close().catch(() => undefined);
    },
  };
}
