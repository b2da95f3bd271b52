// A moment as a person in a service hall reads it: `YYYY-MM-DD HH:mm` in the hall's
// time zone (China time unless configured), the same in Chinese and English, on every
// screen, slip and export. Stored and exchanged times stay ISO UTC; only this shows them.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for an IANA zone name this runtime knows (config validation). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * 2026-12-02T01:46:03Z → '2026-12-02 09:46' (Asia/Shanghai). A text that is not a
 * moment comes back as it was, so nothing a person should see is lost.
 */
export function formatDisplayTime(at: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return typeof at === 'string' ? at : '';
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
