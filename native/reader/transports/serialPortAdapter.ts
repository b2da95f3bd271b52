// serialport's SerialPort as a BytePort, at the SAM's 115200 baud. Loaded lazily
// like node-hid, so importing the reader never loads the native binding.
import type { SerialPort as SerialPortClass } from 'serialport';
import { createEmitter } from '../emitter';
import { SERIAL_BAUD_RATE } from './serial';
import type { BytePort } from './transport';

export type SerialPortInfo = Awaited<ReturnType<typeof SerialPortClass.list>>[number];

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

export async function openSerialPort(path: string, baudRate = SERIAL_BAUD_RATE): Promise<BytePort> {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  const data = createEmitter<Uint8Array>();
  const closes = createEmitter<Error | undefined>();
  port.on('data', (chunk: Buffer) => data.emit(new Uint8Array(chunk)));
  port.on('close', (error?: Error | null) => closes.emit(error ?? undefined));
  port.on('error', (error: Error) => closes.emit(error));
  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(bytes), (error) => (error ? reject(error) : port.drain((e) => (e ? reject(e) : resolve()))));
      }),
    onData: (listener) => data.on(listener),
    onClose: (listener) => closes.on(listener),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
