// kill -9 at random moments of an apply (full rebuild + rename, and delta in one
// transaction): afterwards the file passes integrity_check and holds the old
// version or the new one, whole — never something between.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSyncCycle } from '../../../src-main/node/sync/syncClient';
import { bundles, importFolder, importOptions, makeFixture, publish, T0, type Fixture } from '../../integration/sync/syncFixtures';

const RUNS = 50;
const SUBJECTS = 400;
const later = new Date(T0.getTime() + 3_600_000);
const CHILD = path.join(__dirname, 'applyChild.ts');

let f: Fixture;
let deltaTemplate: string;
let fullTemplate: string;

beforeAll(async () => {
  f = makeFixture();
  await publish(f, bundles(SUBJECTS));
  await importFolder(f);
  deltaTemplate = path.join(f.dir, 'template-delta.sqlite');
  fullTemplate = path.join(f.dir, 'template-full.sqlite');
  const db = new Database(f.cacheFile);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.copyFileSync(f.cacheFile, deltaTemplate);
  fs.copyFileSync(f.cacheFile, fullTemplate);
  // Not from sync: the kiosk must take the full package and swap the file.
  const full = new Database(fullTemplate);
  full.prepare(`UPDATE meta SET value = 'demo' WHERE key = 'source'`).run();
  full.pragma('journal_mode = DELETE');
  full.close();
  const v2 = bundles(SUBJECTS);
  for (const b of v2) b.records[0]!.title = `${b.records[0]!.title}（已更正）`;
  await publish(f, v2, later);
});
afterAll(() => f?.cleanup());

function reset(template: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(f.cacheFile + suffix, { force: true });
  for (const name of fs.readdirSync(path.dirname(f.cacheFile))) if (name.includes('.sync-')) fs.rmSync(path.join(path.dirname(f.cacheFile), name));
  fs.copyFileSync(template, f.cacheFile);
}

/** Runs the child; kills it `killAfterMs` after it announced itself (null: let it finish). Returns ms from announce to exit. */
function runChild(killAfterMs: number | null): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, f.repo, f.cacheFile, f.cacheKey.toString('hex'), f.staging, later.toISOString()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (started === 0 && chunk.toString().includes('go')) {
        started = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve({ ms: performance.now() - started, killed: signal === 'SIGKILL' });
    });
  });
}

function inspect(): { version: number; corrected: number; subjects: number } {
  const db = new Database(f.cacheFile, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const version = Number((db.prepare(`SELECT value FROM meta WHERE key = 'data_version'`).get() as { value: string }).value);
    const corrected = (db.prepare(`SELECT count(*) AS n FROM records WHERE title LIKE '%（已更正）'`).get() as { n: number }).n;
    const subjects = (db.prepare('SELECT count(*) AS n FROM subjects').get() as { n: number }).n;
    return { version, corrected, subjects };
  } finally {
    db.close();
  }
}

describe('kill -9 during apply', () => {
  it(`leaves the old or the new version, whole, over ${RUNS} random kills`, async () => {
    reset(deltaTemplate);
    const delta = await runChild(null);
    reset(fullTemplate);
    const full = await runChild(null);
    expect(inspect()).toEqual({ version: 2, corrected: SUBJECTS, subjects: SUBJECTS });
    const seen = { old: 0, new: 0, killed: 0 };
    for (let i = 0; i < RUNS; i++) {
      const isDelta = i % 2 === 0;
      reset(isDelta ? deltaTemplate : fullTemplate);
      const span = (isDelta ? delta.ms : full.ms) * 1.2;
      const outcome = await runChild(Math.random() * span);
      if (outcome.killed) seen.killed += 1;
      const state = inspect();
      expect(state.subjects).toBe(SUBJECTS);
      if (state.version === 1) {
        expect(state.corrected).toBe(0);
        seen.old += 1;
      } else {
        expect(state.version).toBe(2);
        expect(state.corrected).toBe(SUBJECTS);
        seen.new += 1;
      }
      if (i % 10 === 9) {
        // And the kiosk recovers: the next sync completes.
        const next = await runSyncCycle(importOptions(f, later));
        expect(['applied', 'up-to-date', 'refreshed']).toContain(next.outcome);
        expect(inspect().version).toBe(2);
      }
    }
    expect(seen.old + seen.new).toBe(RUNS);
    expect(seen.killed).toBeGreaterThan(RUNS / 2);
    // 52 child processes each start the TypeScript loader: on a busy 2-core machine that alone took 110 s.
  }, 600_000);
});
