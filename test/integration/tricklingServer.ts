// A hostile server for deadline tests: answers 200, then sends one byte every 50 ms
// for ever, so an idle timer never fires and only a whole-request deadline ends it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TricklingServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  requests(): number;
  close(): Promise<void>;
}

export async function startTricklingServer(): Promise<TricklingServer> {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const tick = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(tick));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    requests: () => requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
