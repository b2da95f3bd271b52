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

/** The query parameter of the verification URL that carries the seal. */
export const QR_SEAL_PARAM = 's';

/**
 * What the QR encodes: the verification service's URL with the seal in its query, so a
 * phone opens the check and a kiosk or the CLI still verifies offline; the bare seal
 * when no service is configured.
 */
export function qrText(seal: QrSeal, verifyUrl: string | undefined): string {
  const payload = encodeQrPayload(seal);
  if (!verifyUrl) return payload;
  const url = new URL(verifyUrl);
  url.searchParams.set(QR_SEAL_PARAM, payload);
  return url.toString();
}

/** Reads a scanned QR: the bare seal, or a verification URL carrying it. */
export function decodeQrPayload(scanned: string): QrSeal | null {
  let payload = scanned;
  if (/^https?:\/\//i.test(scanned)) {
    try {
      payload = new URL(scanned).searchParams.get(QR_SEAL_PARAM) ?? '';
    } catch {
      return null;
    }
  }
  const parts = payload.split('.');
  if (parts.length !== 6 || parts[0] !== SEAL_VERSION) return null;
  const [, reportNumber, content, layout, keyId, signature] = parts as [string, string, string, string, string, string];
  const hex = (b64: string) => Buffer.from(b64, 'base64url').toString('hex');
  return { reportNumber, contentHash: hex(content), layoutDigest: hex(layout), keyId, signature };
}
