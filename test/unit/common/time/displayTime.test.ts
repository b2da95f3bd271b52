// One way to show a moment to a person: YYYY-MM-DD HH:mm in the hall's zone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, formatDisplayTime, isTimeZone } from '../../../../src-main/common/time/displayTime';

describe('formatDisplayTime', () => {
  it('shows China time by default, whatever the machine’s own zone', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatDisplayTime('2026-12-02T01:46:03.012Z')).toBe('2026-12-02 09:46');
    expect(formatDisplayTime(new Date('2026-12-01T17:57:47Z'))).toBe('2026-12-02 01:57');
  });

  it('crosses midnight and the year in the zone, not in UTC, with a 24-hour clock', () => {
    expect(formatDisplayTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00');
    expect(formatDisplayTime('2026-06-30T15:59:59Z')).toBe('2026-06-30 23:59');
  });

  it('China has no summer time: the same offset in January and July', () => {
    expect(formatDisplayTime('2026-01-15T04:00:00Z')).toBe('2026-01-15 12:00');
    expect(formatDisplayTime('2026-07-15T04:00:00Z')).toBe('2026-07-15 12:00');
  });

  it('a configured zone with summer time follows it', () => {
    expect(formatDisplayTime('2026-01-15T04:00:00Z', 'Europe/Berlin')).toBe('2026-01-15 05:00');
    expect(formatDisplayTime('2026-07-15T04:00:00Z', 'Europe/Berlin')).toBe('2026-07-15 06:00');
    expect(formatDisplayTime('2026-07-15T04:00:00Z', 'Asia/Urumqi')).toBe('2026-07-15 10:00');
  });

  it('gives back a text that is not a moment as it was, and tells known zones', () => {
    expect(formatDisplayTime('—')).toBe('—');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
