import { describe, expect, it } from 'vitest';
import { KIOSK_CSP, KIOSK_CSP_DIRECTIVES, KIOSK_SECURITY_HEADERS } from '../../../../src-main/common/security/csp';

describe('KIOSK_CSP', () => {
  it('is exactly the strict policy', () => {
    expect(KIOSK_CSP).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('allows nothing inline, no JavaScript eval and no remote origin (only WebAssembly compilation, for the face models)', () => {
    expect(KIOSK_CSP.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-|https?:|\*|ws:/);
    expect(Object.isFrozen(KIOSK_CSP_DIRECTIVES)).toBe(true);
  });

  it('is part of the shared security headers', () => {
    expect(KIOSK_SECURITY_HEADERS['Content-Security-Policy']).toBe(KIOSK_CSP);
    expect(KIOSK_SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
