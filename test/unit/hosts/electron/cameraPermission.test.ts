import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from 'electron';
import { hardenSession } from '../../../../src-main/hosts/electron/hardening';
import type { HostLogger } from '../../../../src-main/hosts/electron/logger';
import { fake, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const log: HostLogger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => resetFakeElectron());

describe('the camera permission (face step only)', () => {
  function session(step: { open: boolean }) {
    hardenSession(fake.defaultSession as unknown as Session, { devTools: false, log, cameraAllowed: () => step.open });
    return fake.defaultSession;
  }
  const request = (ses: ReturnType<typeof session>, permission: string, details: Record<string, unknown>): boolean => {
    const callback = vi.fn();
    ses.permissionRequestHandler?.({}, permission, callback, details);
    expect(callback).toHaveBeenCalledOnce();
    return callback.mock.calls[0]?.[0] as boolean;
  };
  const video = { requestingUrl: 'app://kiosk/index.html', securityOrigin: 'app://kiosk/', mediaTypes: ['video'] };

  it('grants video to app://kiosk while a face step is open, and nothing once it closes', () => {
    const step = { open: true };
    const ses = session(step);
    expect(request(ses, 'media', video)).toBe(true);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { ...video, mediaType: 'video' })).toBe(true);
    step.open = false;
    expect(request(ses, 'media', video)).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { ...video, mediaType: 'video' })).toBe(false);
  });

  it('never grants the microphone, another origin, or another permission, even during the step', () => {
    const ses = session({ open: true });
    expect(request(ses, 'media', { ...video, mediaTypes: ['audio'] })).toBe(false);
    expect(request(ses, 'media', { ...video, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(request(ses, 'media', { ...video, mediaTypes: [] })).toBe(false);
    expect(request(ses, 'media', { ...video, requestingUrl: 'https://example.com/' })).toBe(false);
    expect(request(ses, 'media', { ...video, securityOrigin: 'app://evil/' })).toBe(false);
    expect(request(ses, 'media', { ...video, requestingUrl: 'app://kiosk@evil/' })).toBe(false);
    for (const permission of ['display-capture', 'geolocation', 'notifications', 'openExternal']) expect(request(ses, permission, video)).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'app://kiosk', { ...video, mediaType: 'audio' })).toBe(false);
    expect(ses.permissionCheckHandler?.(null, 'media', 'http://127.0.0.1:8080', { ...video, mediaType: 'video' })).toBe(false);
  });

  it('without a face step source (the default) the camera is refused', () => {
    hardenSession(fake.defaultSession as unknown as Session, { devTools: false, log });
    expect(request(fake.defaultSession, 'media', video)).toBe(false);
  });
});
