// The objection's contact phone travels sealed to the platform's key: only that key
// opens it, it is bound to its application number, and the sealed form never shows it.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAYLOADS, SealedValueSchema } from '../../../../src-main/common/platform/platformEvents';
import { DEMO_PHONE_KEY_FILE, openPhone, readPhoneKey, sealPhone } from '../../../../src-main/node/citizen/phoneSeal';

const platform = generateKeyPairSync('x25519');
const NUMBER = '20261121100304A1B2C3D4';
const PHONE = '13812345678';

describe('sealPhone', () => {
  it('opens with the platform’s private key and shows no digit of the phone', () => {
    const sealed = sealPhone(PHONE, platform.publicKey, NUMBER);
    expect(SealedValueSchema.parse(sealed)).toEqual(sealed);
    expect(JSON.stringify(sealed)).not.toContain('5678');
    expect(openPhone(sealed, platform.privateKey, NUMBER)).toBe(PHONE);
  });

  it('seals the same phone differently each time (fresh ephemeral key)', () => {
    expect(sealPhone(PHONE, platform.publicKey, NUMBER).ct).not.toBe(sealPhone(PHONE, platform.publicKey, NUMBER).ct);
  });

  it('refuses another key, another application number, a changed byte', () => {
    const sealed = sealPhone(PHONE, platform.publicKey, NUMBER);
    expect(() => openPhone(sealed, generateKeyPairSync('x25519').privateKey, NUMBER)).toThrow();
    expect(() => openPhone(sealed, platform.privateKey, '20261121100304ZZZZZZZZ')).toThrow();
    const ct = Buffer.from(sealed.ct, 'base64url');
    ct[0] = ct[0]! ^ 1;
    expect(() => openPhone({ ...sealed, ct: ct.toString('base64url') }, platform.privateKey, NUMBER)).toThrow();
  });

  it('reads the demo platform key, and refuses a key of another kind', () => {
    expect(readPhoneKey(path.resolve(__dirname, '../../../../resources', DEMO_PHONE_KEY_FILE)).asymmetricKeyType).toBe('x25519');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phone-key-')), 'ed.pem');
    fs.writeFileSync(file, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    expect(() => readPhoneKey(file)).toThrow(/X25519/);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});

describe('the objection payload', () => {
  const payload = {
    applicationNumber: NUMBER,
    subject: { kind: 'person', maskedCode: '3703**********1532', key: 'ab'.repeat(16) },
    subjectId: 'demo-s-zhou',
    recordId: 'demo-r-zhou-pen-current',
    recordCategory: 'penalty',
    reasonCode: 'content-wrong',
    applicant: 'subject',
    phone: sealPhone(PHONE, platform.publicKey, NUMBER),
    answerWorkingDays: 10,
    submittedAt: '2026-11-21T02:03:04.000Z',
  };
  it('takes the sealed phone and nothing in clear', () => {
    expect(PAYLOADS.objection.safeParse(payload).success).toBe(true);
    expect(PAYLOADS.objection.safeParse({ ...payload, phone: PHONE }).success).toBe(false);
    expect(PAYLOADS.objection.safeParse({ ...payload, name: '周建国' }).success).toBe(false);
  });
});
