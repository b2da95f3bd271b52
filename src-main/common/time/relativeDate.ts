// Dates written relative to a moment ("-60d", "+1y", "-3m"), so demo and test data
// keep their meaning however long after they were written they are loaded.
import { addDays, addMonths, isIsoDate, toIsoDate } from './isoDate';

const RELATIVE = /^([+-])(\d{1,5})([dmy])$/;

export function isRelativeDate(text: string): boolean {
  return RELATIVE.test(text);
}

/** An ISO date as is; an offset (days d, months m, years y) from `now`'s UTC date. */
export function resolveDate(text: string, now: Date): string {
  const m = RELATIVE.exec(text);
  if (!m) {
    if (!isIsoDate(text)) throw new Error(`not a date or a relative date: ${text}`);
    return text;
  }
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  const today = toIsoDate(now);
  if (m[3] === 'm') return addMonths(today, n);
  if (m[3] === 'y') return addMonths(today, 12 * n);
  return addDays(today, n);
}
