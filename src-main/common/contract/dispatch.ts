// The one path from an untrusted transport to a service call: method check, schema
// validation, then the call. Both hosts use it, so both refuse the same inputs.
import { codeRefused, refusedCode } from './codeInput';
import { DEFAULT_ERROR_MESSAGES } from './errorCodes';
import { isKioskMethod, KIOSK_INPUTS, type KioskMethods } from './kioskApi';
import { fail, type Result } from './result';

export async function dispatchKioskCall(api: KioskMethods, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isKioskMethod(method)) return fail('UNKNOWN_METHOD', DEFAULT_ERROR_MESSAGES.UNKNOWN_METHOD);
  const parsed = KIOSK_INPUTS[method].safeParse(input ?? {});
  if (!parsed.success) {
    // A refused code keeps its reason (a mistyped check character is said as such).
    const code = refusedCode(parsed.error.issues as ReadonlyArray<{ message: string; params?: Record<string, unknown> }>);
    if (code) return codeRefused(code);
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(input)').join(', ');
    return fail('INVALID_INPUT', `${DEFAULT_ERROR_MESSAGES.INVALID_INPUT}: ${where}`);
  }
  try {
    const call = api[method] as (input: unknown) => Promise<Result<unknown>>;
    return await call.call(api, parsed.data);
  } catch {
    // Services answer Results; a throw is a bug, and its text may carry personal data.
    return fail('INTERNAL', DEFAULT_ERROR_MESSAGES.INTERNAL);
  }
}
