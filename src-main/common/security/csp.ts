// The one Content-Security-Policy for the kiosk screens. Both hosts (Electron's
// app:// protocol and the web host on loopback) send it on every response, so the
// renderer behaves the same under either and nothing but our own bundle runs.

/** Directive → sources. No 'unsafe-inline', no 'unsafe-eval', no remote origin. */
export const KIOSK_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  // 'wasm-unsafe-eval': the face models' WebAssembly backend compiles our own .wasm (no JS eval).
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // Packaged voice prompts (no network TTS).
  'media-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export const KIOSK_CSP: string = Object.entries(KIOSK_CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/**
 * Headers both hosts add to every response of the screens. Permissions-Policy
 * switches off device APIs: the reader and printer are reached only through KioskApi.
 */
export const KIOSK_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': KIOSK_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), hid=(), serial=(), payment=(), display-capture=()',
});
