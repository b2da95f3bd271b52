// The fleet view's figures: usage totals by any dimension and the silent-kiosk mark.
import { describe, expect, it } from 'vitest';
import { isSilent, usageTotals } from '../../../../src-main/common/platform/fleetStatus';
import type { UsageRowView } from '../../../../src-main/common/platform/fleetViews';

const ROWS: UsageRowView[] = [
  { day: '2026-12-06', kioskId: 'K-1', fn: 'self-query', staffId: null, count: 4 },
  { day: '2026-12-07', kioskId: 'K-1', fn: 'self-query', staffId: null, count: 6 },
  { day: '2026-12-07', kioskId: 'K-2', fn: 'credit-check', staffId: '10023', count: 7 },
  { day: '2026-12-07', kioskId: 'K-2', fn: 'credit-check', staffId: '10031', count: 1 },
];

describe('usageTotals', () => {
  it('sums by function, day, kiosk or staff member, largest first; self-service has staff ""', () => {
    expect(usageTotals(ROWS, 'fn')).toEqual([{ key: 'self-query', count: 10 }, { key: 'credit-check', count: 8 }]);
    expect(usageTotals(ROWS, 'day')).toEqual([{ key: '2026-12-07', count: 14 }, { key: '2026-12-06', count: 4 }]);
    expect(usageTotals(ROWS, 'kioskId')).toEqual([{ key: 'K-1', count: 10 }, { key: 'K-2', count: 8 }]);
    expect(usageTotals(ROWS, 'staffId')).toEqual([{ key: '', count: 10 }, { key: '10023', count: 7 }, { key: '10031', count: 1 }]);
  });
});

describe('isSilent', () => {
  const now = new Date('2026-12-07T04:00:00Z');
  it('marks a kiosk never heard from, or not for more than 30 minutes, by the platform clock', () => {
    expect(isSilent({ lastHeartbeatAt: null }, now)).toBe(true);
    expect(isSilent({ lastHeartbeatAt: '2026-12-07T11:31:00+08:00' }, now)).toBe(false);
    expect(isSilent({ lastHeartbeatAt: '2026-12-07T11:29:00+08:00' }, now)).toBe(true);
    expect(isSilent({ lastHeartbeatAt: 'not a time' }, now)).toBe(true);
  });
});
