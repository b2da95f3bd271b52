// QR / barcode scanners that act as a USB keyboard ("keyboard wedge") type a whole
// code in one fast burst ending in Enter or Tab; a person types slowly. Feed key
// events with their timestamps; get back either a scan (with what kind of code it
// is) or the keys a person typed. Pure: no DOM, no timers — call flush() from a
// timer when a burst may have ended without a terminator.
import { validateSubjectCode, type CodeValidation } from '../codes/subjectCode';

export type ScanKind = 'uscc' | 'resident-id' | 'report-verification' | 'unknown';

export interface Scan {
  /** The code as used for lookups (a USCC found inside a licence URL is extracted). */
  code: string;
  /** What the scanner typed, unchanged. */
  raw: string;
  kind: ScanKind;
  validation?: CodeValidation;
  terminator: 'Enter' | 'Tab' | 'none';
}

export type WedgeOutput = { type: 'scan'; scan: Scan } | { type: 'typed'; text: string };

export interface KeyboardWedgeOptions {
  /** Longest gap between keys of one scanner burst (scanners: a few ms; people: 80 ms and more). */
  maxInterKeyMs?: number;
  /** Shorter bursts are taken as typing (a fast double key press is not a scan). */
  minLength?: number;
  /** Recognises the report verification code printed on reports (the report module knows its format). */
  isVerificationCode?: (code: string) => boolean;
}

/** Default guess at a verification code: 8–64 letters, digits and dashes. Pass the report module's own test. */
export function looksLikeVerificationCode(code: string): boolean {
  return /^[0-9A-Za-z][0-9A-Za-z-]{6,62}[0-9A-Za-z]$/.test(code);
}

const USCC_IN_TEXT = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g;

/** Tells what a scanned string is. A business licence QR carries a URL with the USCC inside: find it. */
export function classifyScan(raw: string, isVerificationCode: (code: string) => boolean = looksLikeVerificationCode): Omit<Scan, 'terminator'> {
  const text = raw.trim();
  const whole = validateSubjectCode(text);
  if (whole.valid && (whole.kind === 'uscc' || whole.kind === 'resident-id')) return { code: whole.normalized, raw, kind: whole.kind, validation: whole };
  for (const m of text.toUpperCase().matchAll(USCC_IN_TEXT)) {
    const v = validateSubjectCode(m[0]);
    if (v.valid && v.kind === 'uscc') return { code: v.normalized, raw, kind: 'uscc', validation: v };
  }
  const param = /[?&](?:code|vcode|verify|verifyCode)=([^&#]+)/i.exec(text)?.[1];
  const candidate = param ? safeDecode(param) : text;
  if (isVerificationCode(candidate)) return { code: candidate, raw, kind: 'report-verification' };
  return { code: text, raw, kind: 'unknown', ...(whole.kind !== 'unknown' ? { validation: whole } : {}) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export class KeyboardWedge {
  private readonly maxInterKeyMs: number;
  private readonly minLength: number;
  private readonly isVerificationCode: (code: string) => boolean;
  private chars: string[] = [];
  private lastAt = 0;
  private maxGap = 0;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.maxInterKeyMs = options.maxInterKeyMs ?? 35;
    this.minLength = options.minLength ?? 6;
    this.isVerificationCode = options.isVerificationCode ?? looksLikeVerificationCode;
  }

  /** One key press: `key` as KeyboardEvent.key gives it ('A', '9', 'Enter', 'Tab', 'Shift' …). */
  feed(key: string, timeMs: number): WedgeOutput[] {
    const out: WedgeOutput[] = [];
    if (key === 'Enter' || key === 'Tab') {
      if (this.chars.length > 0 && timeMs - this.lastAt > this.maxInterKeyMs) this.maxGap = Math.max(this.maxGap, timeMs - this.lastAt);
      out.push(...this.end(key));
      if (out.length === 0 || out[out.length - 1]?.type === 'typed') out.push({ type: 'typed', text: key === 'Enter' ? '\n' : '\t' });
      return out;
    }
    if ([...key].length !== 1) return out; // Shift, Control, arrows: not part of a code
    if (this.chars.length > 0) {
      const gap = timeMs - this.lastAt;
      if (gap > this.maxInterKeyMs) {
        // A pause: what came before was a person, or a burst that ended without a terminator.
        out.push(...this.end('none'));
      } else {
        this.maxGap = Math.max(this.maxGap, gap);
      }
    }
    this.chars.push(key);
    this.lastAt = timeMs;
    return out;
  }

  /** Ends a pending burst if no key came for longer than a scanner would pause. */
  flush(nowMs: number): WedgeOutput[] {
    if (this.chars.length === 0 || nowMs - this.lastAt <= this.maxInterKeyMs) return [];
    return this.end('none');
  }

  private end(terminator: Scan['terminator']): WedgeOutput[] {
    const text = this.chars.join('');
    const burst = this.chars.length >= this.minLength && this.maxGap <= this.maxInterKeyMs;
    this.chars = [];
    this.maxGap = 0;
    if (text.length === 0) return [];
    if (!burst) return [{ type: 'typed', text }];
    return [{ type: 'scan', scan: { ...classifyScan(text, this.isVerificationCode), terminator } }];
  }
}
