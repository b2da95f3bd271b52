// A KioskApi that records calls and lets tests emit events.
import { vi } from 'vitest';
import type { KioskEvent, KioskEventListener } from '../../../../src-main/common/contract/events';
import { KIOSK_METHODS, type KioskApi } from '../../../../src-main/common/contract/kioskApi';
import { ok } from '../../../../src-main/common/contract/result';

export interface FakeKioskApi extends KioskApi {
  calls: Array<{ method: string; input: unknown }>;
  listeners: Set<KioskEventListener>;
  emit(event: KioskEvent): void;
}

export function createFakeKioskApi(): FakeKioskApi {
  const calls: Array<{ method: string; input: unknown }> = [];
  const listeners = new Set<KioskEventListener>();
  const api: Record<string, unknown> = { calls, listeners };
  for (const method of KIOSK_METHODS) {
    api[method] = vi.fn(async (input: unknown) => {
      calls.push({ method, input });
      return ok({ answeredBy: method });
    });
  }
  api.subscribe = (listener: KioskEventListener, onOpen?: () => void) => {
    listeners.add(listener);
    onOpen?.();
    return () => listeners.delete(listener);
  };
  api.emit = (event: KioskEvent) => {
    for (const l of listeners) l(event);
  };
  return api as unknown as FakeKioskApi;
}

export const GOOD_SESSION_ID = 'AbCdEfGhIjKlMnOpQrStUv';
