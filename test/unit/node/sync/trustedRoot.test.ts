// The demo signing key is published with the code: a production kiosk must not trust a
// root that lists it, and must say how to give it the city's root instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncRefusal } from '../../../../src-main/common/sync/trustRules';
import { loadTrustedRoot } from '../../../../src-main/node/sync/trustedRoot';

const RESOURCES = path.resolve(__dirname, '../../../../resources');
const SHIPPED = path.join(RESOURCES, 'sync', 'root.json');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the trusted root', () => {
  it('in demo mode is the shipped demo root', () => {
    expect(loadTrustedRoot(undefined, process.cwd(), { resourcesDir: RESOURCES })).toEqual(fs.readFileSync(SHIPPED));
  });

  it('in production refuses a root that trusts the published demo key, naming the setting to fix', () => {
    let thrown: unknown;
    try {
      loadTrustedRoot(undefined, process.cwd(), { production: true, resourcesDir: RESOURCES });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(SyncRefusal);
    expect(thrown).toMatchObject({ code: 'SYNC_NOT_CONFIGURED', message: expect.stringContaining('sync.trustedRootFile') });
  });

  it('in production takes the city’s own root from the config', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'root-'));
    dirs.push(dir);
    const city = JSON.parse(fs.readFileSync(SHIPPED, 'utf8')) as { signed: { keys: Record<string, { keyval: { public: string } }> } };
    for (const k of Object.values(city.signed.keys)) k.keyval.public = 'ab'.repeat(32);
    fs.writeFileSync(path.join(dir, 'city-root.json'), JSON.stringify(city));
    expect(JSON.parse(loadTrustedRoot('city-root.json', dir, { production: true, resourcesDir: RESOURCES }).toString('utf8'))).toEqual(city);
  });
});
