// The publisher reads source exports in batches of bytes cut at line breaks (publisher.ts,
// sourceBatch.ts) where it once read them with readline: whatever the line breaks (\n,
// \r\n, a lone \r), blank lines and batch size, it stages the same lines and names a bad
// line by the number readline gives it.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../../../src-main/common/codes/uscc';
import { stageFolder } from '../../../../src-main/node/sync/publisher';
import type { TextStage } from '../../../../src-main/node/sync/releaseBuilder';

const subject = (n: number): string => {
  const first17 = `9137030300000${String(n).padStart(4, '0')}`;
  return JSON.stringify({ id: `s-${n}`, kind: 'enterprise', code: `${first17}${usccCheckChar(first17)}`, formerCodes: [], name: `测试企业${n}号` });
};

/** A line of subjects.ndjson: a subject, a blank line, or a bad one. */
const line = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 9999 }).map(subject) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '\t') },
  { weight: 1, arbitrary: fc.constantFrom('not json', '{"id":"s-x"}') },
);

/** What readline makes of the file: the lines and the number of the first bad one. */
async function byReadline(file: string): Promise<{ staged: string[]; badLine: number | null }> {
  const staged: string[] = [];
  let n = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    n += 1;
    if (text.trim() === '') continue;
    if (!text.startsWith('{"id":"s-') || text === '{"id":"s-x"}') return { staged, badLine: n };
    staged.push(text);
  }
  return { staged, badLine: null };
}

describe('stageFolder', () => {
  it('splits and numbers lines as readline does, at any batch size', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-stage-'));
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 40 }),
          fc.boolean(),
          fc.integer({ min: 1, max: 600 }),
          async (lines, lastBreak, batchBytes) => {
            const text = lines.map(([l, br], i) => (i < lines.length - 1 || lastBreak ? l + br : l)).join('');
            fs.writeFileSync(path.join(dir, 'subjects.ndjson'), text);
            const expected = await byReadline(path.join(dir, 'subjects.ndjson'));
            const staged: string[] = [];
            const stage = { stagedSubjects: (ls: readonly string[]) => staged.push(...ls) } as unknown as TextStage;
            const refused = await stageFolder(dir, { workers: 0, batchBytes })(stage).then(
              () => null,
              (e: unknown) => (e as Error).message,
            );
            if (expected.badLine === null) {
              expect(refused).toBeNull();
              expect(staged.map((s) => s.slice(s.indexOf('\t') + 1))).toEqual(expected.staged.map((s) => JSON.stringify(JSON.parse(s))));
            } else {
              expect(refused).toContain(`subjects.ndjson:${expected.badLine}: `);
            }
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
