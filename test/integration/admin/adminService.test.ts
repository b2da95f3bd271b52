// The admin console's services over a real staff service: the USB media it offers
// come from the configured import roots, and only to a signed-in kiosk admin.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAdminService } from '../../../src-main/node/admin/adminService';
import { EventHub } from '../../../src-main/node/kiosk/eventHub';
import { tempDir } from '../cache/cacheTestFiles';
import { ADMIN, eachStaffFixture, signIn, STAFF } from '../staff/staffFixture';

const fixture = eachStaffFixture();

/** A folder that looks like a sync repository on a stick (its timestamp is what marks it). */
function repoAt(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'timestamp.json'), '{}');
  return dir;
}

function adminService(importRoots: string[]) {
  const refused = async () => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: 'not in this test' } });
  return createAdminService({
    kiosk: { getStatus: refused, diagnostics: () => ({ recentErrors: [], recentJobs: [] }) },
    staff: fixture().service,
    sync: { getSyncStatus: refused, pullNow: refused, importFolder: refused },
    hub: new EventHub(),
    importRoots,
  });
}

describe('USB media for the admin console', () => {
  it('offers the folders holding a sync repository under each import root, a few levels down', async () => {
    const media = tempDir('media-');
    const runMedia = tempDir('run-media-');
    const stick = repoAt(path.join(media, 'operator', 'KINGSTON', 'credit-sync'));
    fs.mkdirSync(path.join(media, 'operator', 'PHOTOS', 'holiday'), { recursive: true }); // no repository: not offered
    const other = repoAt(path.join(runMedia, 'SYNC'));
    const token = await signIn(fixture().service, ADMIN.staffNo, ADMIN.pin);
    const r = await adminService([media, runMedia]).listImportMedia({ token });
    expect(r).toEqual({
      ok: true,
      value: {
        roots: [media, runMedia],
        media: [
          { path: stick, label: path.join('operator', 'KINGSTON', 'credit-sync') },
          { path: other, label: 'SYNC' },
        ],
      },
    });
  });

  it('says when no import root is configured, and refuses staff without the admin right', async () => {
    const token = await signIn(fixture().service, ADMIN.staffNo, ADMIN.pin);
    expect(await adminService([]).listImportMedia({ token })).toEqual({ ok: true, value: { roots: [], media: [] } });
    const staff = await signIn(fixture().service, STAFF.staffNo, STAFF.pin);
    const refused = await adminService([tempDir('media-')]).listImportMedia({ token: staff });
    expect(!refused.ok && refused.error.code).toBe('UNAUTHORIZED');
  });
});
