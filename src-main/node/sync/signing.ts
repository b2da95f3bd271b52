// Keys and signatures for the repository: Ed25519 (node:crypto) by default, SM2
// with SM3 (国密, GM/T 0003/0004; sm-crypto) as an option. A key id is the SHA-256
// of the public key's canonical JSON, as in TUF, so it names exactly one key.
import crypto from 'node:crypto';
import sm2 from 'sm-crypto/src/sm2';
import { canonicalJson } from '../../common/encoding/canonicalJson';

/** Signed metadata holds only integers (see canonicalJson). */
const SIGNED = { integersOnly: true } as const;
import type { Envelope, KeyType, PublicKey } from '../../common/sync/metadataSchemas';
import type { VerifySignature } from '../../common/sync/trustRules';

export interface PrivateKey {
  keytype: KeyType;
  scheme: PublicKey['scheme'];
  keyval: { public: string; private: string };
}

const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** DER, strict; the user id is GM/T 0009's default, so other SM2 tools verify the same bytes. */
const SM2_OPTIONS = { der: true, hash: true } as const;

export function generateKey(keytype: KeyType = 'ed25519'): PrivateKey {
  if (keytype === 'sm2') {
    const pair = sm2.generateKeyPairHex();
    return { keytype, scheme: 'sm2-sm3', keyval: { public: pair.publicKey, private: pair.privateKey } };
  }
  const seed = crypto.randomBytes(32);
  return { keytype, scheme: 'ed25519', keyval: { public: ed25519PublicFromSeed(seed).toString('hex'), private: seed.toString('hex') } };
}

function ed25519PublicFromSeed(seed: Buffer): Buffer {
  const key = crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  const spki = crypto.createPublicKey(key).export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32);
}

export function publicKeyOf(key: PrivateKey): PublicKey {
  return key.keytype === 'sm2'
    ? { keytype: 'sm2', scheme: 'sm2-sm3', keyval: { public: key.keyval.public } }
    : { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: key.keyval.public } };
}

export function keyIdOf(key: PublicKey): string {
  return crypto.createHash('sha256').update(canonicalJson(key, SIGNED)).digest('hex');
}

export function signBytes(key: PrivateKey, message: Uint8Array): string {
  if (key.keytype === 'sm2') return sm2.doSignature(Array.from(message), key.keyval.private, { ...SM2_OPTIONS, publicKey: key.keyval.public });
  const pkcs8 = Buffer.concat([ED25519_PKCS8_PREFIX, Buffer.from(key.keyval.private, 'hex')]);
  return crypto.sign(null, message, { key: pkcs8, format: 'der', type: 'pkcs8' }).toString('hex');
}

export const verifySignature: VerifySignature = (key, message, signatureHex) => {
  if (key.keytype === 'sm2') return sm2.doVerifySignature(Array.from(message), signatureHex, key.keyval.public, SM2_OPTIONS);
  if (signatureHex.length !== 128) return false;
  const spki = Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(key.keyval.public, 'hex')]);
  return crypto.verify(null, message, { key: spki, format: 'der', type: 'spki' }, Buffer.from(signatureHex, 'hex'));
};

/** Signs `signed` (as canonical JSON) with every given key. */
export function signEnvelope<T>(signed: T, keys: readonly PrivateKey[]): Envelope<T> {
  const message = Buffer.from(canonicalJson(signed, SIGNED), 'utf8');
  return { signed, signatures: keys.map((k) => ({ keyid: keyIdOf(publicKeyOf(k)), sig: signBytes(k, message) })) };
}
