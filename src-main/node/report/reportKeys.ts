// The kiosk's report signing key (Ed25519). Created once per kiosk; the public key is
// registered with the platform so anyone can verify a report offline. The private key
// never leaves this file (mode 0600, in a 0700 folder).
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyIdOf, makeSigner, type ReportSigner } from './reportSeal';

export const PRIVATE_KEY_FILE = 'report-signing-key.pem';
export const PUBLIC_KEY_FILE = 'report-signing-key.pub.pem';

export interface ReportKey {
  privateKey: KeyObject;
  /** SPKI PEM: what the platform registers for this kiosk. */
  publicKeyPem: string;
  keyId: string;
  signer: ReportSigner;
}

/** Loads the key pair in dir, creating it on first use. */
export function ensureReportKey(dir: string): ReportKey {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const privateFile = path.join(dir, PRIVATE_KEY_FILE);
  const publicFile = path.join(dir, PUBLIC_KEY_FILE);
  if (!fs.existsSync(privateFile)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    // Written whole under a temporary name, then linked into place: two processes starting
    // together cannot leave a torn key, and the first one's key wins.
    const temp = `${privateFile}.${process.pid}.tmp`;
    fs.writeFileSync(temp, pem, { mode: 0o600 });
    try {
      fs.linkSync(temp, privateFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const privateKey = createPrivateKey(fs.readFileSync(privateFile));
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`报告签名密钥类型错误 / report key is not Ed25519: ${privateFile}`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  if (!fs.existsSync(publicFile) || fs.readFileSync(publicFile, 'utf8') !== publicKeyPem) fs.writeFileSync(publicFile, publicKeyPem, { mode: 0o644 });
  const keyId = keyIdOf(publicKeyPem);
  return { privateKey, publicKeyPem, keyId, signer: makeSigner(privateKey, keyId) };
}
