import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src-main/common/encoding/canonicalJson';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('is the same whatever order properties were built in', () => {
    expect(canonicalJson({ x: 1, y: '中' })).toBe(canonicalJson({ y: '中', x: 1 }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it('holds only safe integers when asked, as signed sync metadata does', () => {
    expect(canonicalJson({ version: 3, expires: '2026-12-01T00:00:00Z' }, { integersOnly: true })).toBe('{"expires":"2026-12-01T00:00:00Z","version":3}');
    expect(() => canonicalJson({ amount: 1.5 }, { integersOnly: true })).toThrow(TypeError);
    expect(() => canonicalJson({ big: 2 ** 60 }, { integersOnly: true })).toThrow(TypeError);
    expect(canonicalJson({ amount: 1.5 })).toBe('{"amount":1.5}');
  });
});
