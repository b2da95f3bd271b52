// Times as people in a service hall read them: 2026-11-21 14:05, in the kiosk's
// configured zone (China time unless getInfo says otherwise), through the one formatter.
import { DEFAULT_TIME_ZONE, formatDisplayTime } from '../../src-main/common/time/displayTime';

let zone = DEFAULT_TIME_ZONE;

/** The zone from getInfo, set by the app once it knows it. */
export function setDisplayTimeZone(timeZone: string | undefined): void {
  zone = timeZone ?? DEFAULT_TIME_ZONE;
}

export function formatDateTime(iso: string): string {
  return formatDisplayTime(iso, zone);
}
