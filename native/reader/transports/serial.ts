// Serial readers: the raw SAM frame both ways at 115200 baud, 8N1.
import type { BytePort, ReaderTransport } from './transport';
import { closedError, createTransportShell } from './transportShell';

export const SERIAL_BAUD_RATE = 115200;

export function createSerialTransport(port: BytePort): ReaderTransport {
  const shell = createTransportShell('serial', () => port.close());
  port.onData((chunk) => shell.data(chunk));
  port.onClose((error) => shell.closeWith(error));
  return {
    ...shell.transport,
    async write(frame) {
      if (shell.closed) throw closedError('serial');
      await port.write(frame);
    },
  };
}
