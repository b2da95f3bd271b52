// A throwaway certificate authority for TLS tests, made with the openssl command line:
// a CA, a server certificate it signs for 127.0.0.1/localhost, and an unrelated CA
// (what a kiosk pinned to the wrong platform would hold). Elliptic-curve keys: fast.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface TestPki {
  /** PEM of the CA that signed the server certificate (what a kiosk pins). */
  caPem: string;
  /** PEM of a CA that signed nothing here. */
  otherCaPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  serverCertFile: string;
  serverKeyFile: string;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
}

export function makeTestPki(dir: string): TestPki {
  fs.mkdirSync(dir, { recursive: true });
  makeCa(dir, 'platform-ca');
  makeCa(dir, 'other-ca');
  openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  fs.writeFileSync(path.join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'platform-ca.pem', '-CAkey', 'platform-ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext']);
  const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
  return {
    caPem: read('platform-ca.pem'),
    otherCaPem: read('other-ca.pem'),
    serverCertPem: read('server.pem'),
    serverKeyPem: read('server.key'),
    serverCertFile: path.join(dir, 'server.pem'),
    serverKeyFile: path.join(dir, 'server.key'),
  };
}
