// The kiosk's report signing key (Ed25519). Created once per kiosk; the public key is
// registered with the platform so anyone can verify a report offline. The private key
// lives in the KeyStore (in the plain file store: report-keys/report-signing-key.pem, 0600).
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyStore } from '../keys/keyStore';
import { NEW_KEY } from '../keys/newKeys';
import { keyIdOf, makeSigner, type ReportSigner } from './reportSeal';

export const PUBLIC_KEY_FILE = 'report-signing-key.pub.pem';

export interface ReportKey {
  privateKey: KeyObject;
  /** SPKI PEM: what the platform registers for this kiosk. */
  publicKeyPem: string;
  keyId: string;
  signer: ReportSigner;
}

/**
 * The kiosk's key pair: the private key from the KeyStore (created on first use), the
 * public key written beside the data in publicDir, for the platform to register.
 */
export function ensureReportKey(keys: KeyStore, publicDir: string): ReportKey {
  const pem = keys.ensure('report-signing', NEW_KEY['report-signing']);
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`报告签名密钥类型错误 / report key is not Ed25519 (${keys.backend} key store)`);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
  const publicFile = path.join(publicDir, PUBLIC_KEY_FILE);
  if (!fs.existsSync(publicFile) || fs.readFileSync(publicFile, 'utf8') !== publicKeyPem) {
    fs.mkdirSync(publicDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(publicFile, publicKeyPem, { mode: 0o644 });
  }
  const keyId = keyIdOf(publicKeyPem);
  return { privateKey, publicKeyPem, keyId, signer: makeSigner(privateKey, keyId) };
}
