// 报告核验 by QR or number: the seal offline, then this kiosk's register and the
// platform's; a QR not ours, a changed one, or one the registries contradict is refused.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../../../src-main/common/contract/result';
import { silentLogger } from '../../../../src-main/node/logging/logger';
import { createReportCheck, type ReportCheckDeps } from '../../../../src-main/node/citizen/reportCheck';
import type { IssuedReportEntry } from '../../../../src-main/node/report/reportRegistry';
import { encodeQrPayload, keyIdOf, makeSigner, qrText, sealMessage, type QrSeal } from '../../../../src-main/node/report/reportSeal';

const pair = generateKeyPairSync('ed25519');
const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
const signer = makeSigner(pair.privateKey, keyIdOf(pem));
const NUMBER = '20261121100304A1B2C3D4';
const CONTENT = 'a'.repeat(64);
const LAYOUT = 'b'.repeat(64);
const seal: QrSeal = { reportNumber: NUMBER, contentHash: CONTENT, layoutDigest: LAYOUT, keyId: signer.keyId, signature: signer.sign(sealMessage(NUMBER, CONTENT, LAYOUT)).toString('base64url') };
const QR = qrText(seal, 'https://verify.demo.invalid/report');
const issued: IssuedReportEntry = { reportNumber: NUMBER, subjectKeyHash: 'x', issuedAt: '2026-11-21T02:03:04.000Z', pages: 3, edition: 'standard', kind: 'natural-person', contentHash: CONTENT, keyId: signer.keyId };

function checker(over: Partial<ReportCheckDeps> = {}) {
  return createReportCheck({ trustedKeys: () => [pem], findIssued: () => null, platform: null, kioskId: 'DEMO-KIOSK-01', logger: silentLogger(), ...over }).verifyReportCode;
}
async function verdictOf(text: string, over: Partial<ReportCheckDeps> = {}) {
  const r = await checker(over)({ text });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('verifyReportCode', () => {
  it('a QR sealed by a trusted key is genuine offline, its time read from the number', async () => {
    expect(await verdictOf(QR)).toMatchObject({ verdict: 'genuine', seal: 'valid', platform: 'not-configured', reportNumber: NUMBER, issuedAt: '2026-11-21T10:03:04+08:00' });
  });

  it('the bare seal (no URL) reads the same', async () => {
    expect((await verdictOf(encodeQrPayload(seal))).verdict).toBe('genuine');
  });

  it('a QR of something else, or a plain web address, is not ours', async () => {
    expect((await verdictOf('https://example.invalid/?s=hello')).verdict).toBe('not-ours');
    expect((await verdictOf('WIFI:S:hall;T:WPA;P:secret;;')).verdict).toBe('not-ours');
  });

  it('a QR whose number or hash was changed is forged', async () => {
    const changed = encodeQrPayload({ ...seal, reportNumber: '20261121100304A1B2C3D5' });
    expect(await verdictOf(changed)).toMatchObject({ verdict: 'forged', seal: 'invalid' });
  });

  it('a typed number this kiosk issued is genuine from its register, with pages and edition', async () => {
    expect(await verdictOf(NUMBER.toLowerCase(), { findIssued: (n) => (n === NUMBER ? issued : null) })).toMatchObject({ verdict: 'genuine', seal: 'absent', issuedBy: 'DEMO-KIOSK-01', pages: 3, edition: 'report' });
  });

  it('a typed number nobody knows cannot be confirmed, and says the platform was not reachable', async () => {
    const platform = { report: async () => fail('ONLINE_UNAVAILABLE', 'down') };
    expect(await verdictOf(NUMBER, { platform })).toMatchObject({ verdict: 'unknown', platform: 'unreachable' });
  });

  it('the platform’s registry names the subject (masked) and where it was issued', async () => {
    const platform = { report: async () => ok({ reportNumber: NUMBER, subject: { maskedCode: '3703**********1532' }, kioskId: 'ZB-HALL-07', issuedAt: '2026-11-21T02:03:04Z', contentHash: CONTENT }) };
    expect(await verdictOf(QR, { trustedKeys: () => [], platform })).toMatchObject({ verdict: 'genuine', seal: 'absent', platform: 'confirmed', subjectMasked: '3703**********1532', issuedBy: 'ZB-HALL-07' });
  });

  it('a registry that holds other content than the QR says: forged', async () => {
    const platform = { report: async () => ok({ reportNumber: NUMBER, contentHash: 'c'.repeat(64) }) };
    expect(await verdictOf(QR, { platform })).toMatchObject({ verdict: 'forged', platform: 'mismatch' });
  });

  it('a well-formed QR under a key no one registered is forged when the platform does not know it', async () => {
    const platform = { report: async () => fail('SUBJECT_NOT_FOUND', 'none') };
    expect(await verdictOf(QR, { trustedKeys: () => [], platform })).toMatchObject({ verdict: 'forged', platform: 'not-registered' });
  });
});
