// Every code in a package is checked by the one recogniser, at publish and at apply:
// a line whose code has a wrong check character, or is of the wrong kind for its
// subject, is refused with its line number.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SubjectLine } from '../../../src-main/common/sync/packageLines';
import { publishFromFolder } from '../../../src-main/node/sync/publisher';
import { applyDelta, bundles, importFolder, makeFixture, publish, T0, type Fixture } from './syncFixtures';

let f: Fixture;
afterEach(() => f?.cleanup());

/** The same code with its last character changed: a mistyped check character. */
const mistyped = (code: string) => code.slice(0, 17) + (code[17] === '1' ? '2' : '1');

const enterprise = (code: string, extra: Partial<SubjectLine['subject']> = {}): SubjectLine['subject'] => ({ id: `s-${code}`, kind: 'enterprise', code, formerCodes: [], name: '演示企业', ...extra });

describe('publishing', () => {
  it('refuses a subject whose code has a wrong check character, naming the file and line', async () => {
    f = makeFixture();
    const input = path.join(f.dir, 'in');
    fs.mkdirSync(input);
    fs.writeFileSync(
      path.join(input, 'subjects.ndjson'),
      [enterprise('91370303MA3C7K2P1R'), enterprise(mistyped('91370302MA3D8N5Q2G'))].map((s) => JSON.stringify(s)).join('\n') + '\n',
    );
    await expect(publishFromFolder(input, { repo: f.repo, key: f.key, now: T0, dataAsOf: T0 })).rejects.toThrow(/subjects\.ndjson:2: code 校验位不符/);
  });

  it('refuses a person known by a USCC, and a former code that is no code', async () => {
    f = makeFixture();
    const input = path.join(f.dir, 'in');
    fs.mkdirSync(input);
    const person = { ...enterprise('91370303MA3C7K2P1R'), kind: 'natural-person' };
    fs.writeFileSync(path.join(input, 'subjects.ndjson'), JSON.stringify(person) + '\n');
    await expect(publishFromFolder(input, { repo: f.repo, key: f.key, now: T0, dataAsOf: T0 })).rejects.toThrow(/subjects\.ndjson:1: code 代码类别不符/);
    fs.writeFileSync(path.join(input, 'subjects.ndjson'), JSON.stringify(enterprise('91370303MA3C7K2P1R', { formerCodes: ['990303200045678'] })) + '\n');
    await expect(publishFromFolder(input, { repo: f.repo, key: f.key, now: T0, dataAsOf: T0 })).rejects.toThrow(/subjects\.ndjson:1: formerCodes\.0 行政区划代码不存在/);
  });
});

describe('applying', () => {
  it('refuses a package line whose code has a wrong check character, with its line number', async () => {
    f = makeFixture();
    const data = bundles(10);
    await publish(f, data);
    expect(await importFolder(f)).toMatchObject({ outcome: 'applied', version: 1 });
    const good = data.find((b) => b.subject.kind === 'enterprise')!;
    await expect(
      applyDelta(
        f,
        [
          { t: 'subject', subject: enterprise(good.subject.code, { id: good.subject.id }), records: [] },
          { t: 'subject', subject: enterprise(mistyped(good.subject.code), { id: 'new-one' }), records: [] },
        ],
        { subjects: 2, records: 0, tombstones: 0 },
      ),
    ).rejects.toThrow(/line 3: subject\.code 校验位不符/);
  });
});
