// Calendar dates as ISO strings (YYYY-MM-DD), compared as text, computed in UTC so
// a kiosk's time zone never moves a disclosure deadline by a day.

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Adds whole months, clamping to the month's last day (2024-01-31 + 1 → 2024-02-29). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return toIsoDate(first);
}

/** Adds whole days (negative: earlier). */
export function addDays(isoDate: string, days: number): string {
  return toIsoDate(new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000));
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && toIsoDate(d) === text;
}
