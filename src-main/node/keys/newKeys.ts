// How each of the kiosk's secrets is made, as it is stored: one place for every user of
// a key and for a store that prepares all keys at start (safeStorage's asynchronous API
// cannot seal a key in the middle of a synchronous `ensure`).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyName } from './keyStore';

/** 32 random bytes as 64 hex characters and a newline. */
const randomHexKey = (): Buffer => Buffer.from(`${randomBytes(32).toString('hex')}\n`);

export const NEW_KEY: Readonly<Record<KeyName, () => Buffer>> = {
  cache: randomHexKey,
  subject: randomHexKey,
  'pin-pepper': randomHexKey,
  // Ed25519, PKCS#8 PEM.
  'report-signing': () => Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
};
