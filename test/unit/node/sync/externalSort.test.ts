// The publisher's external sort: whatever the budget (one run in memory or many on
// disk), lines come back in JavaScript's string order, every one, and runs are removed.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExternalSorter } from '../../../../src-main/node/sync/externalSort';

async function sortThrough(lines: string[], budget: number): Promise<{ out: string[]; runs: number; left: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-sort-'));
  try {
    const sorter = new ExternalSorter(dir, 'test', budget);
    for (const l of lines) sorter.add(l);
    const runs = sorter.runCount;
    const out: string[] = [];
    for await (const batch of sorter.sorted()) out.push(...batch);
    return { out, runs, left: fs.readdirSync(dir) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('ExternalSorter', () => {
  it('sorts across many runs on disk as in memory', async () => {
    const line = fc.tuple(fc.stringMatching(/^[A-Za-z0-9._:-]{1,12}$/), fc.string({ maxLength: 40 }).map((s) => s.replace(/\n/g, ' ')));
    await fc.assert(
      fc.asyncProperty(fc.array(line.map(([k, v]) => `${k}\t${v}`), { maxLength: 300 }), fc.integer({ min: 1, max: 400 }), async (lines, budget) => {
        const { out, left } = await sortThrough(lines, budget);
        expect(out).toEqual([...lines].sort());
        expect(left).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('writes runs once the budget is reached, and merges a key before its longer neighbours', async () => {
    const lines = ['syn-10\tb', 'syn-1\ta', 'syn-1-2\tc', 'syn-1\t0', 'syn-2\tz', 'syn-1-10\td'];
    const { out, runs } = await sortThrough(lines, 8);
    expect(runs).toBeGreaterThan(1);
    expect(out).toEqual(['syn-1\t0', 'syn-1\ta', 'syn-1-10\td', 'syn-1-2\tc', 'syn-10\tb', 'syn-2\tz']);
  });
});
