// The report's seal: what is signed, how the QR payload reads, and what is embedded in
// the PDF for offline verification. Design and threat model: docs/report-verification.md.
import { createHash, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../common/encoding/canonicalJson';
import type { ReportModel } from '../../common/report/reportModel';

/** QR payload prefix and the signed message's domain separator. */
export const SEAL_VERSION = 'CKR1';
export const ENVELOPE_FILE_NAME = 'credit-report-verification.json';

export interface ReportSigner {
  keyId: string;
  sign(message: Buffer): Buffer;
}

/** What the PDF carries as an attachment: the model itself and the seal over it. */
export interface SealEnvelope {
  format: 'credit-kiosk-report-seal/v1';
  reportNumber: string;
  contentHash: string;
  layoutDigest: string;
  keyId: string;
  signature: string;
  model: ReportModel;
}

export interface QrSeal {
  reportNumber: string;
  contentHash: string;
  layoutDigest: string;
  keyId: string;
  signature: string;
}

/** SHA-256 (hex) of the model's canonical JSON: the report's content, independent of layout. */
export function contentHashOf(model: ReportModel): string {
  return createHash('sha256').update(canonicalJson(model), 'utf8').digest('hex');
}

export function sealMessage(reportNumber: string, contentHash: string, layoutDigest: string): Buffer {
  return Buffer.from(`${SEAL_VERSION}\n${reportNumber}\n${contentHash}\n${layoutDigest}`, 'utf8');
}

export function makeSigner(privateKey: KeyObject, keyId: string): ReportSigner {
  return { keyId, sign: (message) => edSign(null, message, privateKey) };
}

/** The first 16 hex digits of SHA-256 over the public key's DER (SPKI). */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function verifySeal(seal: QrSeal, publicKeyPem: string): boolean {
  try {
    return edVerify(null, sealMessage(seal.reportNumber, seal.contentHash, seal.layoutDigest), createPublicKey(publicKeyPem), Buffer.from(seal.signature, 'base64url'));
  } catch {
    return false;
  }
}

/** CKR1.<number>.<content hash>.<layout digest>.<key id>.<signature>, hashes and signature base64url. */
export function encodeQrPayload(seal: QrSeal): string {
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
  return [SEAL_VERSION, seal.reportNumber, b64(seal.contentHash), b64(seal.layoutDigest), seal.keyId, seal.signature].join('.');
}

export function decodeQrPayload(payload: string): QrSeal | null {
  const parts = payload.split('.');
  if (parts.length !== 6 || parts[0] !== SEAL_VERSION) return null;
  const [, reportNumber, content, layout, keyId, signature] = parts as [string, string, string, string, string, string];
  const hex = (b64: string) => Buffer.from(b64, 'base64url').toString('hex');
  return { reportNumber, contentHash: hex(content), layoutDigest: hex(layout), keyId, signature };
}
