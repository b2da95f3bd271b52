// A contact phone sealed to the platform's public key (X25519 → HKDF-SHA-256 →
// AES-256-GCM, a fresh ephemeral key per seal, bound to the application number): the
// platform needs the phone, so it travels, but no file, queue or log on the kiosk ever
// holds it in clear — only the platform's private key opens it.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SEALED_ALG, type SealedValue } from '../../common/platform/platformEvents';
import { keyIdOf } from '../report/reportSeal';

const INFO = Buffer.from('credit-kiosk objection phone v1', 'utf8');
export type SealedPhone = SealedValue;

/** The demo platform's key pair (public: resources/sync/demo-keys). */
export const DEMO_PHONE_KEY_FILE = path.join('sync', 'demo-keys', 'demo-phone-seal.key.pem');

/** The platform's sealing key as configured (objection.phoneKeyFile); a demo kiosk uses the demo platform's; null: not configured. */
export function platformSealKey(config: { dataDir: string; mode: string; objection: { phoneKeyFile?: string | undefined } }, resourcesDir: string): KeyObject | null {
  const file = config.objection.phoneKeyFile ? path.resolve(config.dataDir, config.objection.phoneKeyFile) : config.mode === 'demo' ? path.join(resourcesDir, DEMO_PHONE_KEY_FILE) : null;
  return file ? readPhoneKey(file) : null;
}

/** The platform's public key from a PEM file (a public key, or a private one whose public half is taken). */
export function readPhoneKey(file: string): KeyObject {
  const pem = fs.readFileSync(file, 'utf8');
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'x25519') throw new Error(`电话加密密钥须为 X25519 公钥 / the phone key must be an X25519 public key: ${file}`);
  return key;
}

const rawPublic = (key: KeyObject): Buffer => Buffer.from(key.export({ type: 'spki', format: 'der' })).subarray(-32);
const fromRaw = (raw: Buffer): KeyObject => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), raw]), format: 'der', type: 'spki' });

function aeadKey(shared: Buffer, epk: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, epk, INFO, 32));
}

export function sealPhone(phone: string, platformKey: KeyObject, applicationNumber: string): SealedPhone {
  const eph = generateKeyPairSync('x25519');
  const epk = rawPublic(eph.publicKey);
  const key = aeadKey(diffieHellman({ privateKey: eph.privateKey, publicKey: platformKey }), epk);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(applicationNumber, 'utf8'));
  const ct = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  const b = (x: Buffer) => x.toString('base64url');
  return { alg: SEALED_ALG, kid: keyIdOf(platformKey), epk: b(epk), iv: b(iv), ct: b(ct), tag: b(cipher.getAuthTag()) };
}

/** The platform's side: opens a sealed phone with its private key; throws on any tampering. */
export function openPhone(sealed: SealedPhone, platformPrivateKey: KeyObject, applicationNumber: string): string {
  const epk = Buffer.from(sealed.epk, 'base64url');
  const key = aeadKey(diffieHellman({ privateKey: platformPrivateKey, publicKey: fromRaw(epk) }), epk);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'));
  decipher.setAAD(Buffer.from(applicationNumber, 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64url')), decipher.final()]).toString('utf8');
}
