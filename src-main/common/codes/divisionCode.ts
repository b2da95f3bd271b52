// Administrative division codes (GB/T 2260) as both GB 11643 and GB 32100 carry them:
// six digits whose first two name a province-level division. Only the province part
// is checked — county codes change every year and a kiosk's table would go stale,
// while a province prefix outside this list is always a mistake.

const PROVINCES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
  // Residence permits for residents of Hong Kong, Macao (81, 82) and Taiwan (83).
  '83',
]);

/** Whether six characters read as a division code of a province-level division. */
export function isDivisionCode(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}

/**
 * The leading six digits of a GB 11643-shaped number: a division code, or for the
 * 2023 foreign permanent resident card, 9 + the issuing province + a country code.
 */
export function isPersonalNumberPrefix(prefix: string): boolean {
  if (/^9\d{5}$/.test(prefix)) return PROVINCES.has(prefix.slice(1, 3));
  return isDivisionCode(prefix);
}

/** GB 32100 also allows the national level (100000) for bodies registered centrally. */
export function isRegistrationDivisionCode(code: string): boolean {
  return code === '100000' || isDivisionCode(code);
}
