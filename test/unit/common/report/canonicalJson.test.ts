import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src-main/common/report/canonicalJson';

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
});
