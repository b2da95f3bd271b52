// Payloads as the kiosk's writers make them (the contract's schemas), for outbox tests.
import type { EventPayload } from '../../../src-main/common/platform/platformEvents';

export function checkRecord(n: number): EventPayload<'check-record'> {
  return {
    checkId: `check-${n}`,
    itemCode: 'government-procurement',
    subject: { kind: 'enterprise', maskedCode: '9135**********Y43', key: 'ab'.repeat(32) },
    staffId: 'D001',
    hits: [{ category: 'penalty', measureCodes: ['restrict-government-procurement'] }],
  };
}

export function reportIssued(n: number): EventPayload<'report-issued'> {
  return { reportNumber: `CR-20261207-K1-${String(n).padStart(4, '0')}`, edition: 'standard', subject: { kind: 'person', maskedCode: '3703**********1234', key: 'cd'.repeat(32) }, issuedAt: '2026-12-07T08:00:00Z', digest: 'ef'.repeat(32) };
}
