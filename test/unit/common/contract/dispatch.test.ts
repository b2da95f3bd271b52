import { describe, expect, it } from 'vitest';
import { dispatchKioskCall } from '../../../../src-main/common/contract/dispatch';
import { KIOSK_INPUTS, KIOSK_METHODS, type KioskMethods } from '../../../../src-main/common/contract/kioskApi';
import { ok } from '../../../../src-main/common/contract/result';

/** Records which calls reach the services, and with what. */
function recordingApi(): { api: KioskMethods; calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  const api = Object.fromEntries(
    KIOSK_METHODS.map((m) => [
      m,
      async (input: unknown) => {
        calls.push([m, input]);
        return ok(null);
      },
    ]),
  ) as unknown as KioskMethods;
  return { api, calls };
}

const SESSION = 'AbCdEfGhIjKlMnOpQrStUv';

describe('dispatchKioskCall', () => {
  it('passes a valid call through to the service', async () => {
    const { api, calls } = recordingApi();
    await expect(dispatchKioskCall(api, 'lookupSelf', { sessionId: SESSION })).resolves.toEqual({ ok: true, value: null });
    expect(calls).toEqual([['lookupSelf', { sessionId: SESSION }]]);
  });

  it.each([
    ['a number for the session id', 'lookupSelf', { sessionId: 1 }],
    ['a missing session id', 'printReport', {}],
    ['an extra key', 'lookupSelf', { sessionId: SESSION, admin: true }],
    ['a session id with odd characters', 'lookupSelf', { sessionId: '../../etc/passwd' }],
    ['an unknown end reason', 'endSession', { sessionId: SESSION, reason: 'because' }],
    ['a demo card id with spaces', 'placeDemoCard', { cardId: 'a b' }],
    ['an array instead of an object', 'getInfo', []],
    ['a string instead of an object', 'getStatus', 'x'],
    ['an unknown report edition', 'printReport', { sessionId: SESSION, uscc: '91350100M000100Y43', edition: 'gold' }],
    ['the no-violation edition of the holder’s own report', 'previewReport', { sessionId: SESSION, edition: 'no-violation' }],
    ['the no-violation edition of the holder’s own report, printed', 'printReport', { sessionId: SESSION, edition: 'no-violation' }],
  ])('refuses %s with INVALID_INPUT before any service runs', async (_what, method, input) => {
    const { api, calls } = recordingApi();
    const result = await dispatchKioskCall(api, method, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('passes the report edition through: an enterprise’s 无违法违规记录证明版, or the standard one', async () => {
    const { api, calls } = recordingApi();
    await dispatchKioskCall(api, 'printReport', { sessionId: SESSION, uscc: '91350100M000100Y43', edition: 'no-violation' });
    await dispatchKioskCall(api, 'previewReport', { sessionId: SESSION, edition: 'standard' });
    expect(calls).toEqual([
      ['printReport', { sessionId: SESSION, uscc: '91350100M000100Y43', edition: 'no-violation' }],
      ['previewReport', { sessionId: SESSION, edition: 'standard' }],
    ]);
  });

  it.each(['nope', 'constructor', '__proto__', 'toString', 42, null])('refuses the unknown method %s', async (method) => {
    const { api, calls } = recordingApi();
    await expect(dispatchKioskCall(api, method, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(calls).toEqual([]);
  });

  it('turns a throwing service into INTERNAL without leaking its message', async () => {
    const { api } = recordingApi();
    api.getInfo = async () => {
      throw new Error('张三 110105194912310021');
    };
    const result = await dispatchKioskCall(api, 'getInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('张三');
  });

  it('has a schema for every method', () => {
    for (const m of KIOSK_METHODS) expect(KIOSK_INPUTS[m]).toBeDefined();
  });
});
