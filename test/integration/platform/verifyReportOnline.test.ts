// `verify-report --platform URL` asks the platform's report registry after the offline seal
// check and says which checks it made: registered (by which kiosk, when, the subject
// masked), not registered, another digest, or platform unreachable (offline check only).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register as registerVerify } from '../../../src-main/cli/commands/verifyReport';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import type { IssuedReportResult } from '../../../src-main/node/report/issueReport';
import { PUBLIC_KEY_FILE } from '../../../src-main/node/report/reportKeys';
import { freePort } from '../../support/freePort';
import { runCliJson } from '../../support/runCli';
import { COMPANY } from '../../unit/common/report/reportFixtures';
import { issue, tempDir } from '../report/reportTestKit';
import { post, reportIssued, testKiosk } from './platformFixtures';

let dir: string;
let platform: PlatformServer;
let registered: IssuedReportResult;
let unregistered: IssuedReportResult;
let altered: IssuedReportResult;

beforeAll(async () => {
  dir = tempDir('verify-online');
  registered = await issue(dir);
  unregistered = await issue(dir, { subject: { ...COMPANY, name: '演示市另一家科技有限公司' } });
  altered = await issue(dir, { subject: { ...COMPANY, name: '演示市第三家科技有限公司' } });
  platform = await startPlatformServer({ repo: dir, queryIndex: false, stateDir: path.join(dir, 'platform') });
  const kiosk = testKiosk('TEST-KIOSK-01', dir);
  await platform.store.registerKiosk({ kioskId: kiosk.id, token: kiosk.token });
  const events = [
    kiosk.event('report-issued', { ...reportIssued(registered.reportNumber), digest: registered.contentHash }),
    kiosk.event('report-issued', { ...reportIssued(altered.reportNumber), digest: 'f'.repeat(64) }),
  ];
  expect((await post(platform.url, kiosk.token, { events })).status).toBe(200);
});
afterAll(async () => {
  await platform?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function verify(report: IssuedReportResult, platformUrl: string): Promise<{ out: Record<string, unknown>; exit: number }> {
  const file = path.join(dir, `${report.reportNumber}.pdf`);
  fs.writeFileSync(file, report.pdf);
  const { out, exit } = await runCliJson([registerVerify], ['verify-report', file, '--key', path.join(dir, 'keys', PUBLIC_KEY_FILE), '--platform', platformUrl, '--json']);
  return { out: out as Record<string, unknown>, exit };
}

describe('verify-report --platform', () => {
  it('a registered report: both checks made, the registry names the kiosk, the time and the masked subject', async () => {
    expect(await verify(registered, platform.url)).toEqual({
      exit: 0,
      out: expect.objectContaining({
        valid: true,
        reportNumber: registered.reportNumber,
        checks: { offlineSeal: 'valid', onlineRegistry: 'found' },
        registered: { kioskId: 'TEST-KIOSK-01', issuedAt: '2026-12-07T09:30:00+08:00', subject: { kind: 'enterprise', maskedCode: '91370100MA******0X' }, edition: 'standard' },
      }),
    });
  });

  it('a sealed report the registry never saw, or saw with another digest, is not confirmed (exit 1)', async () => {
    expect(await verify(unregistered, platform.url)).toMatchObject({ exit: 1, out: { valid: false, reason: 'not-registered', checks: { offlineSeal: 'valid', onlineRegistry: 'not-found' } } });
    expect(await verify(altered, platform.url)).toMatchObject({ exit: 1, out: { valid: false, reason: 'registry-mismatch', checks: { offlineSeal: 'valid', onlineRegistry: 'digest-mismatch' } } });
  });

  it('an unreachable platform leaves the offline verdict, and says only the offline check was made', async () => {
    const res = await verify(registered, `http://127.0.0.1:${await freePort()}`);
    expect(res).toMatchObject({ exit: 0, out: { valid: true, checks: { offlineSeal: 'valid', onlineRegistry: 'unreachable' }, registered: null } });
  });
});
