// The freshness policy: local data is stale past its maximum age or once the newest
// trusted timestamp has expired. Stale data is still shown, but always with its time,
// and the kiosk asks online first; never a bare "no record" from stale data.

export interface FreshnessInput {
  /** The data's cut-off time (ISO). */
  dataAsOf: string | null;
  /** The newest trusted timestamp's expiry (ISO), null before the first sync. */
  timestampExpires: string | null;
  maxDataAgeHours: number;
  now: Date;
}

export interface Freshness {
  stale: boolean;
  reason: 'fresh' | 'too-old' | 'timestamp-expired' | 'no-data';
  /** Whole hours since the cut-off, null without data. */
  ageHours: number | null;
}

export function assessFreshness(input: FreshnessInput): Freshness {
  const asOf = input.dataAsOf ? Date.parse(input.dataAsOf) : Number.NaN;
  if (!Number.isFinite(asOf)) return { stale: true, reason: 'no-data', ageHours: null };
  const ageHours = Math.max(0, Math.floor((input.now.getTime() - asOf) / 3_600_000));
  if (ageHours >= input.maxDataAgeHours) return { stale: true, reason: 'too-old', ageHours };
  const expires = input.timestampExpires ? Date.parse(input.timestampExpires) : Number.NaN;
  if (Number.isFinite(expires) && expires <= input.now.getTime()) return { stale: true, reason: 'timestamp-expired', ageHours };
  return { stale: false, reason: 'fresh', ageHours };
}

/** The sentence a screen or a report shows next to a stale answer (Chinese first). */
export function staleNotice(dataAsOf: string | null): string {
  if (!dataAsOf) return '本机暂无信用数据，结果以信用平台为准 / This kiosk holds no credit data yet; the platform’s answer prevails';
  const day = dataAsOf.slice(0, 16).replace('T', ' ');
  return `本机数据截至 ${day}（UTC），可能不是最新，结果以信用平台为准 / Local data as of ${day} UTC may be out of date; the platform’s answer prevails`;
}
