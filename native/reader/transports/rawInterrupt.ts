// Raw frame over interrupt reports (0400:C35A, the common "ministry-standard"
// reader, and others): the SAM frame, preamble included, goes out as is in
// fixed-size output reports; the reply comes back the same way on interrupt-IN.
import { splitIntoReports, type HidPort, type ReaderTransport } from './transport';
import { closedError, createTransportShell } from './transportShell';

export const RAW_REPORT_SIZE = 64;

export function createRawInterruptTransport(port: HidPort, options: { reportSize?: number } = {}): ReaderTransport {
  const reportSize = options.reportSize ?? RAW_REPORT_SIZE;
  const shell = createTransportShell('raw-interrupt', () => port.close());
  port.onReport((report) => shell.data(report));
  port.onError((error) => shell.closeWith(error));
  return {
    ...shell.transport,
    async write(frame) {
      if (shell.closed) throw closedError('raw-interrupt');
      for (const report of splitIntoReports(frame, reportSize)) await port.write(report);
    },
  };
}
