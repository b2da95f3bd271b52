import fs from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { KIOSK_METHODS } from '../../../../src-main/common/contract/kioskApi';
import type { KioskApi } from '../../../../src-main/common/contract/kioskApi';
import type { KioskEvent } from '../../../../src-main/common/contract/events';
import { fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let kiosk: KioskApi;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../../src-main/hosts/electron/preload');
  kiosk = fake.exposed.get('kiosk') as KioskApi;
});

describe('preload', () => {
  it('exposes exactly one global, kiosk', () => {
    expect([...fake.exposed.keys()]).toEqual(['kiosk']);
  });

  it('exposes exactly the contract methods and subscribe, all functions, frozen', () => {
    expect(Object.keys(kiosk).sort()).toEqual([...KIOSK_METHODS, 'subscribe'].sort());
    for (const value of Object.values(kiosk)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(kiosk)).toBe(true);
  });

  it('each method invokes kiosk:call with its name and the input, as given', async () => {
    for (const method of KIOSK_METHODS) {
      fake.invokes.length = 0;
      const input = { probe: method };
      const result = await (kiosk[method] as (i: unknown) => Promise<unknown>)(input);
      expect(result).toEqual({ ok: true, value: 'invoked' });
      expect(fake.invokes).toEqual([{ channel: 'kiosk:call', args: [method, input] }]);
    }
  });

  it('subscribe hands the listener the payload only, never the IPC event', () => {
    const seen: unknown[][] = [];
    const unsubscribe = kiosk.subscribe((...args: unknown[]) => seen.push(args));
    const ipcEvent = { sender: { send: () => undefined }, ports: [] };
    const payload: KioskEvent = { type: 'card-removed' };
    fake.rendererListeners.emit('kiosk:event', ipcEvent, payload);
    expect(seen).toEqual([[payload]]);
    unsubscribe();
    fake.rendererListeners.emit('kiosk:event', ipcEvent, payload);
    expect(seen).toHaveLength(1);
    expect(fake.rendererListeners.listenerCount('kiosk:event')).toBe(0);
  });

  it('subscribe refuses a non-function', () => {
    expect(() => kiosk.subscribe('nope' as unknown as () => void)).toThrow(TypeError);
    expect(() => kiosk.subscribe(() => undefined, 'nope' as unknown as () => void)).toThrow(TypeError);
  });

  it('subscribe tells the screen once it is listening, so it re-reads what it may have missed', async () => {
    let opened = 0;
    const unsubscribe = kiosk.subscribe(() => undefined, () => (opened += 1));
    expect(fake.rendererListeners.listenerCount('kiosk:event')).toBe(1);
    await Promise.resolve();
    expect(opened).toBe(1);
    unsubscribe();
  });
});

describe('preload source', () => {
  it('loads nothing a sandboxed preload cannot require: only electron and its own channels at run time', () => {
    const source = fs.readFileSync(new URL('../../../../src-main/hosts/electron/preload.ts', import.meta.url), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(valueImports.sort()).toEqual(['./channels', 'electron']);
    expect(source).not.toMatch(/require\(/);
  });
});
