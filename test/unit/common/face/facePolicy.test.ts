import { describe, expect, it } from 'vitest';
import { faceCheckRequired, FacePolicySchema, resolveFacePolicy } from '../../../../src-main/common/face/facePolicy';

describe('face check policy', () => {
  it('is on for every function in production and off in the demo unless configured', () => {
    const production = resolveFacePolicy(undefined, 'production');
    expect(faceCheckRequired(production, 'self')).toBe(true);
    expect(faceCheckRequired(production, 'enterprise')).toBe(true);
    expect(faceCheckRequired(production, 'citizen-service')).toBe(true);
    const demo = resolveFacePolicy(undefined, 'demo');
    expect(faceCheckRequired(demo, 'self')).toBe(false);
  });

  it('a kiosk sets it per function', () => {
    const policy = resolveFacePolicy({ required: { self: true, enterprise: false, 'citizen-service': false }, maxTries: 2 }, 'demo');
    expect(faceCheckRequired(policy, 'self')).toBe(true);
    expect(faceCheckRequired(policy, 'enterprise')).toBe(false);
    expect(policy.maxTries).toBe(2);
    // A city may switch production's own-report check off explicitly (the counter then verifies by sight).
    expect(faceCheckRequired(resolveFacePolicy({ required: { self: false, enterprise: true, 'citizen-service': true } }, 'production'), 'self')).toBe(false);
  });

  it('refuses thresholds that would let anyone through, and unknown keys', () => {
    expect(FacePolicySchema.safeParse({ matchThreshold: 0.1 }).success).toBe(false);
    expect(FacePolicySchema.safeParse({ maxTries: 0 }).success).toBe(false);
    expect(FacePolicySchema.safeParse({ required: { self: true } }).success).toBe(false);
    expect(FacePolicySchema.safeParse({ threshold: 0.5 }).success).toBe(false);
  });

  it('runs the models on WASM at 320 px unless the config says otherwise, and validates what it says', () => {
    expect(resolveFacePolicy(undefined, 'production').engine).toEqual({ backend: 'wasm', inputWidth: 320 });
    expect(resolveFacePolicy({ engine: { backend: 'webgl' } }, 'production').engine).toEqual({ backend: 'webgl', inputWidth: 320 });
    expect(resolveFacePolicy({ engine: { backend: 'cpu', inputWidth: 240 } }, 'demo').engine).toEqual({ backend: 'cpu', inputWidth: 240 });
    for (const engine of [{ backend: 'webgpu' }, { inputWidth: 64 }, { inputWidth: 1920 }, { inputWidth: 320.5 }, { backend: 'wasm', threads: 4 }]) {
      expect(FacePolicySchema.safeParse({ engine }).success).toBe(false);
    }
  });
});
