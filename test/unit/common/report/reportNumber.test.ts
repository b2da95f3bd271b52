import { describe, expect, it } from 'vitest';
import { civilTime, isReportNumber, makeReportNumber } from '../../../../src-main/common/report/reportNumber';

const fixed = (bytes: number[]) => {
  let i = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!);
};

describe('report number', () => {
  it('is yyyyMMddHHmmss in China time + 8 alphanumerics: 22 characters', () => {
    const n = makeReportNumber(new Date('2026-11-21T02:03:04Z'), fixed([0, 1, 2, 3, 10, 11, 35, 36]));
    expect(n).toBe('2026112110030401 23AB Z0'.replace(/ /g, ''));
    expect(n).toHaveLength(22);
    expect(isReportNumber(n)).toBe(true);
  });

  it('crosses midnight by the kiosk’s civil time, not UTC', () => {
    expect(civilTime(new Date('2026-11-21T16:30:00Z')).compact).toBe('20261122003000');
    expect(civilTime(new Date('2026-11-21T16:30:00Z'), 0).date).toBe('2026-11-21');
  });

  it('rejects biased bytes rather than skewing the alphabet', () => {
    const n = makeReportNumber(new Date('2026-01-01T00:00:00Z'), fixed([255, 252, 7]));
    expect(n.slice(14)).toBe('77777777');
  });

  it('refuses malformed numbers', () => {
    for (const bad of ['', '20261121100304A1B2C3D', '20261321100304A1B2C3D4', '20261121250304A1B2C3D4', '20261121100304a1b2c3d4', '20260230100304A1B2C3D4']) {
      expect(isReportNumber(bad), bad).toBe(false);
    }
  });
});
