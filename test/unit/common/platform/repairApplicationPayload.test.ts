// The repair-application event's payload: strict, the least personal data — the subject by
// masked code and keyed hash, the phone only sealed, the pages only by digest.
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../../src-main/common/platform/platformEvents';

const SEALED = { alg: 'X25519-HKDF-SHA256-A256GCM', kid: '0123456789abcdef', epk: 'AAAA', iv: 'BBBB', ct: 'CCCC', tag: 'DDDD' };
const VALID = {
  applicationNumber: '20261207093000ABCD1234',
  subject: { kind: 'person', maskedCode: '3703**********1532', key: 'ab'.repeat(16) },
  subjectId: 'demo-s-person-zhou',
  recordId: 'demo-r-zhou-pen-repairable',
  severity: 'ordinary',
  applicant: 'subject',
  commitmentNumber: '20261207093000EFGH5678',
  materialsVersion: '2026-12-01',
  attachments: [{ material: 'penalty-fulfilled', sha256: 'c'.repeat(64), bytes: 120_000, type: 'image/jpeg' }],
  phone: SEALED,
  answerWorkingDays: 5,
  submittedAt: '2026-12-07T01:30:00.000Z',
};
const schema = PAYLOADS['repair-application'];

describe("the 'repair-application' payload", () => {
  it('takes an application as the kiosk sends it', () => {
    expect(schema.parse(VALID)).toEqual(VALID);
  });

  it('refuses anything personal beyond it: a name, a phone in clear, a page inline', () => {
    expect(schema.safeParse({ ...VALID, name: '周建国' }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, phone: '13812345678' }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, attachments: [{ ...VALID.attachments[0], data: '/9j/4AAQ' }] }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, subject: { ...VALID.subject, code: '370302197211051532' } }).success).toBe(false);
  });

  it('refuses a malformed application: no letter number, an unknown severity, a page that is not a JPEG digest', () => {
    const { commitmentNumber: _omitted, ...noLetter } = VALID;
    expect(schema.safeParse(noLetter).success).toBe(false);
    expect(schema.safeParse({ ...VALID, severity: 'grave' }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, attachments: [{ ...VALID.attachments[0], type: 'image/png' }] }).success).toBe(false);
    expect(schema.safeParse({ ...VALID, attachments: [{ ...VALID.attachments[0], sha256: 'xyz' }] }).success).toBe(false);
  });
});
