import { describe, expect, it } from 'vitest';
import { PhotoDecoderConfigSchema } from '../../../../src-main/common/face/photoDecoderConfig';

describe('PhotoDecoderConfigSchema', () => {
  it('takes an absolute helper path, with defaults for its arguments and time limit', () => {
    expect(PhotoDecoderConfigSchema.parse({ kind: 'process', command: '/opt/vendor/wltdecode' })).toEqual({ kind: 'process', command: '/opt/vendor/wltdecode', args: [], timeoutMs: 2000 });
    expect(PhotoDecoderConfigSchema.parse({ kind: 'process', command: 'C:\\Vendor\\wlt.exe', args: ['--sam', '1'] }).args).toEqual(['--sam', '1']);
  });

  it('refuses a program found on PATH, an unknown kind, a time limit out of range and unknown keys', () => {
    for (const bad of [
      { kind: 'process', command: 'wltdecode' },
      { kind: 'addon', command: '/opt/vendor/wlt.node' },
      { kind: 'process', command: '/opt/vendor/wltdecode', timeoutMs: 60_000 },
      { kind: 'process', command: '/opt/vendor/wltdecode', shell: true },
    ]) {
      expect(PhotoDecoderConfigSchema.safeParse(bad).success).toBe(false);
    }
  });
});
