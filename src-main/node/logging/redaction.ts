// What a log line may carry: fields named for personal data or secrets are replaced
// at any depth, and every other string has its ID-number-, USCC- and phone-shaped
// runs masked (a decision note, an error message quoting input).
import { maskPersonalText } from '../../common/rules/masking';

/** Field names whose value never reaches a log, wherever they sit in the object. */
export const REDACTED_FIELDS: ReadonlySet<string> = new Set([
  'card',
  'idNumber',
  'name',
  'address',
  'photo',
  'pin',
  'key',
  'token',
  'note',
  'phone',
  'password',
  'secret',
  'authorization',
]);

export const CENSOR = '[redacted]';
const MAX_DEPTH = 12;

/** A copy of a log argument with redacted fields censored and free text masked. */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return CENSOR;
  if (value instanceof Error) {
    return { type: value.name, message: maskPersonalText(value.message), ...(value.stack !== undefined && { stack: maskPersonalText(value.stack) }) };
  }
  if (Buffer.isBuffer(value)) return CENSOR;
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = REDACTED_FIELDS.has(k) ? CENSOR : redactForLog(v, depth + 1);
  return out;
}
