// The platform's and the kiosk's sync commands as an operator runs them:
// keygen → publish (from NDJSON exports) → sync import → sync status, and a second
// release that prunes what the repository no longer needs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { register as registerKeygen } from '../../../src-main/cli/commands/keygen';
import { register as registerPublish } from '../../../src-main/cli/commands/publish';
import { register as registerSync } from '../../../src-main/cli/commands/sync';
import { usccCheckChar } from '../../../src-main/common/codes/uscc';
import { runCliJson } from '../../support/runCli';

const COMMANDS = [registerKeygen, registerPublish, registerSync];
let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeExports(into: string, penaltyStatus: 'active' | 'repaired'): void {
  fs.mkdirSync(into, { recursive: true });
  // A well-formed code: publish refuses one with a wrong check character or a letter no USCC uses.
  const subject = { id: 's-0001', kind: 'enterprise', code: `91370303MA3CL0001${usccCheckChar('91370303MA3CL0001')}`, formerCodes: [], name: '淄博命令行测试有限公司', legalRepresentative: '王测试' };
  const penalty = {
    id: 'p-0001', subjectId: 's-0001', title: '未按规定公示年度报告', documentNumber: '淄张市监罚〔2026〕12号', authority: '淄博市张店区市场监督管理局',
    decisionDate: '2026-01-10', severity: 'ordinary', status: penaltyStatus, disclosureDeadline: '2027-01-10', content: '罚款', fields: { 罚款金额: 5000 },
  };
  // Companies that do not change, so that release 2's delta is small beside its full package
  // (the kiosk takes the full package when a delta carries half its rows or more).
  const others = ['0002', '0003'].map((n) => {
    const first17 = `913703030000000${n.slice(2)}`;
    return { id: `s-${n}`, kind: 'enterprise', code: `${first17}${usccCheckChar(first17)}`, formerCodes: [], name: `淄博命令行测试${n}有限公司`, legalRepresentative: '李测试' };
  });
  fs.writeFileSync(path.join(into, 'subjects.ndjson'), [subject, ...others].map((s) => `${JSON.stringify(s)}\n`).join(''));
  fs.writeFileSync(path.join(into, 'penalty.ndjson'), `${JSON.stringify(penalty)}\n`);
}

describe('sync command line', () => {
  it('publishes, imports, reports status, and prunes old releases', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-sync-cli-'));
    const key = path.join(dir, 'platform.key');
    const repo = path.join(dir, 'repo');
    const kiosk = ['--db', path.join(dir, 'kiosk', 'cache.sqlite'), '--key-file', path.join(dir, 'kiosk', 'cache.key'), '--root', path.join(repo, '1.root.json'), '--json'];

    expect(await runCliJson(COMMANDS, ['keygen', '--out', key, '--json'])).toMatchObject({ exit: 0, out: { keyid: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    writeExports(path.join(dir, 'in1'), 'active');
    const v1 = await runCliJson(COMMANDS, ['publish', '--input', path.join(dir, 'in1'), '--out', repo, '--key', key, '--json']);
    expect(v1).toMatchObject({ exit: 0, out: { version: 1, full: { subjects: 3, records: 1 }, delta: null, pruned: { removed: [] } } });

    expect(await runCliJson(COMMANDS, ['sync', 'import', repo, ...kiosk])).toMatchObject({ exit: 0, out: { outcome: 'applied', version: 1, kind: 'full' } });
    const status = await runCliJson(COMMANDS, ['sync', 'status', ...kiosk]);
    expect(status).toMatchObject({ exit: 0, out: { version: 1, dataAsOf: expect.any(String), timestampExpires: expect.any(String), stale: false } });

    // The penalty is repaired (信用修复): release 2, keeping one release, drops release 1's files.
    writeExports(path.join(dir, 'in2'), 'repaired');
    const v2 = await runCliJson(COMMANDS, ['publish', '--input', path.join(dir, 'in2'), '--out', repo, '--key', key, '--keep-releases', '1', '--json']);
    const full1 = (v1.out as { full: { name: string } }).full.name;
    expect(v2).toMatchObject({ exit: 0, out: { version: 2, delta: { subjects: 1 }, pruned: { removed: ['1.snapshot.json', `packages/${full1}`] } } });
    expect(await runCliJson(COMMANDS, ['sync', 'import', repo, ...kiosk])).toMatchObject({ exit: 0, out: { outcome: 'applied', version: 2, kind: 'delta' } });

    expect(await runCliJson(COMMANDS, ['publish', '--input', path.join(dir, 'in2'), '--out', repo, '--key', key, '--keep-releases', '0', '--json'])).toMatchObject({
      exit: 2,
      out: { error: { code: 'USAGE' } },
    });
  });
});
