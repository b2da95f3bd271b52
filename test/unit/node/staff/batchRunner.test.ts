// How a batch writes its audit entries: each chunk's rows without waiting for the disk,
// the closing entry durably (its sync covers the rows before it).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../../../src-main/node/staff/auditLog';
import { BatchJobs, LOOKUP_CHUNK } from '../../../../src-main/node/staff/batchRunner';
import { loadCatalogue } from '../../../../src-main/node/staff/catalogueFiles';
import { keyerFrom } from '../../../../src-main/node/keys/subjectKeyer';

const USCC = '91350100M000100Y43';

describe('a batch and its audit entries', () => {
  it('writes the rows of each chunk with sync later and the closing entry durably', async () => {
    const { catalogue } = loadCatalogue({ resourcesDir: path.resolve(__dirname, '../../../../resources') });
    const item = catalogue.items.find((i) => i.id === 'government-procurement')!;
    const writes: Array<{ actions: string[]; sync: string }> = [];
    const jobs = new BatchJobs({
      cache: {
        findHitsByCode: async (codes) =>
          codes.map(() => ({ subject: { id: 's1', kind: 'enterprise', code: USCC, formerCodes: [], name: '清河建材有限公司' }, records: [{ category: 'penalty', title: '行政处罚', status: 'active', severity: 'serious', decisionDate: '2026-01-10' }] })),
      },
      keyer: keyerFrom(Buffer.alloc(32, 7)),
      appendAudit: (entries: AuditEntryInput[], options?: { sync: 'later' }) => writes.push({ actions: entries.map((e) => e.action), sync: options?.sync ?? 'now' }),
      progress: () => undefined,
      now: () => new Date('2026-05-15T08:00:00Z'),
      today: () => '2026-05-15',
      kioskId: 'K',
    });
    const rows = Array.from({ length: LOOKUP_CHUNK + 3 }, (_, i) => ({ row: i + 2, code: USCC, name: '' }));
    const { batch, finished } = jobs.start({ rows, item, catalogue, fileName: 'list.csv', staffNo: 'D1' });
    await finished;
    expect(batch.summary.state).toBe('done');
    expect(batch.rows.every((r) => r.status === 'hit')).toBe(true);
    expect(writes.map((w) => w.sync)).toEqual(['later', 'later', 'now']);
    expect(writes.map((w) => w.actions.length)).toEqual([LOOKUP_CHUNK, 3, 1]);
    expect(writes.at(-1)!.actions).toEqual(['batch']);
  });
});
