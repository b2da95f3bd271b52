// The cache's CLI commands, registered on a fresh program as main.ts does.
import path from 'node:path';
import { runCliJson } from '../../support/runCli';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as cacheCheck } from '../../../src-main/cli/commands/cacheCheck';
import { register as genData } from '../../../src-main/cli/commands/genData';
import { register as query } from '../../../src-main/cli/commands/query';
import { register as search } from '../../../src-main/cli/commands/search';
import { SCHEMA_VERSION } from '../../../src-main/node/cache/migrations';
import { demoCache, LIN_ID, QINGHE_FORMER, QINGHE_USCC, removeTempDirs, tempDir } from './cacheTestFiles';

afterEach(() => {
  removeTempDirs();
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function run(...args: string[]): Promise<{ out: unknown; exit: number }> {
  return runCliJson([query, search, cacheCheck, genData], args);
}

describe('credit-kiosk cache commands', () => {
  it('query: a person masked, visible records only, provenance', async () => {
    const { file, keyFile } = demoCache();
    const { out, exit } = await run('query', LIN_ID, '--json', '--db', file, '--key-file', keyFile, '--data-dir', tempDir(), '--purpose', '本人申请 / the person asked');
    expect(exit).toBe(0);
    const o = out as { subject: { code: string; name: string }; records: unknown[]; provenance: { source: string } };
    expect(o.subject.code).toBe('3703**********2647');
    expect(JSON.stringify(out)).not.toContain(LIN_ID);
    expect(o.provenance.source).toBe('cache');
  });

  it('query: an enterprise by USCC or former code, archive counted not shown', async () => {
    const { file, keyFile } = demoCache();
    const { out } = await run('query', QINGHE_FORMER, '--json', '--db', file, '--key-file', keyFile);
    const o = out as { subject: { code: string }; records: Array<{ id: string }>; archived: Record<string, number> };
    expect(o.subject.code).toBe(QINGHE_USCC);
    expect(o.records.map((r) => r.id)).toContain('demo-r-qinghe-pen-current');
    expect(o.records.map((r) => r.id)).not.toContain('demo-r-qinghe-pen-expired');
    expect(o.archived).toEqual({ 'past-deadline': 1 });
  });

  it('query: unknown → SUBJECT_NOT_FOUND, malformed → INVALID_CODE, both exit 1', async () => {
    const { file, keyFile } = demoCache();
    expect(await run('query', '11010519491231002X', '--json', '--db', file, '--key-file', keyFile, '--data-dir', tempDir(), '--purpose', 'test')).toEqual({ out: { error: expect.objectContaining({ code: 'SUBJECT_NOT_FOUND' }) }, exit: 1 });
    expect(await run('query', '110105194912310021', '--json', '--db', file, '--key-file', keyFile)).toEqual({ out: { error: expect.objectContaining({ code: 'INVALID_CODE' }) }, exit: 1 });
  });

  it('search, cache check and gen-data', async () => {
    const { file, keyFile } = demoCache();
    const found = await run('search', '青禾', '--json', '--db', file, '--key-file', keyFile);
    expect((found.out as { hits: Array<{ subjectId: string }> }).hits.map((h) => h.subjectId)).toEqual(['demo-s-qinghe']);
    const check = await run('cache', 'check', '--json', '--db', file, '--key-file', keyFile);
    expect(check.out).toMatchObject({ ok: true, subjects: 6, records: 17, schemaVersion: SCHEMA_VERSION });
    const out = path.join(tempDir(), 'gen.sqlite');
    const gen = await run('gen-data', '--subjects', '300', '--out', out, '--seed', '7', '--key-file', keyFile, '--json');
    expect(gen.out).toMatchObject({ subjects: 300 });
    const genCheck = await run('cache', 'check', '--json', '--db', out, '--key-file', keyFile);
    expect(genCheck.out).toMatchObject({ ok: true, subjects: 300, source: 'synthetic' });
  });
});
