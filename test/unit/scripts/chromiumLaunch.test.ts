// The browser host must look like a kiosk: no translate bar, no sandbox warning bar.
import { describe, expect, it } from 'vitest';
import { chromiumLaunch } from '../../../scripts/chromiumLaunch.mjs';

const base = { url: 'http://127.0.0.1:1/', profile: 'profile', fullscreen: true };

describe('chromiumLaunch', () => {
  it('turns the Translate feature off (the old --disable-translate switch no longer does)', () => {
    const { args } = chromiumLaunch({ ...base, uid: 1000 });
    expect(args).toContain('--disable-features=Translate');
    expect(args).not.toContain('--disable-translate');
    expect(args).toContain('--kiosk');
  });

  it('as an ordinary user, keeps the sandbox', () => {
    expect(chromiumLaunch({ ...base, uid: 1000 })).toMatchObject({ runAs: null });
    expect(chromiumLaunch({ ...base, uid: 1000 }).args).not.toContain('--no-sandbox');
  });

  it('started through sudo, runs Chromium as the invoking user, sandboxed', () => {
    const launch = chromiumLaunch({ ...base, uid: 0, sudoUid: '1000', sudoGid: '1000' });
    expect(launch.runAs).toEqual({ uid: 1000, gid: 1000 });
    expect(launch.args).not.toContain('--no-sandbox');
  });

  it('as root itself, goes without the sandbox but keeps the warning bar off the screen', () => {
    const { args, runAs } = chromiumLaunch({ ...base, uid: 0 });
    expect(runAs).toBeNull();
    expect(args).toEqual(expect.arrayContaining(['--no-sandbox', '--test-type']));
  });
});
