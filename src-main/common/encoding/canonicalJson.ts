// Canonical JSON: keys sorted, no whitespace, undefined properties dropped — the
// bytes a hash or a signature covers, the same whatever order a value was built or
// parsed in (after RFC 8785, for our value types: strings, finite numbers, booleans,
// null, arrays, plain objects). Report content hashes and sync metadata signatures
// both use it.

export interface CanonicalJsonOptions {
  /** Refuse anything but safe integers: float formatting is where implementations disagree (signed sync metadata). */
  integersOnly?: boolean;
}

export function canonicalJson(value: unknown, options: CanonicalJsonOptions = {}): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (options.integersOnly ? !Number.isSafeInteger(value) : !Number.isFinite(value)) {
        throw new TypeError(`canonical JSON cannot hold the number ${value}${options.integersOnly ? ' (safe integers only)' : ''}`);
      }
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v, options))).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, options)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}
