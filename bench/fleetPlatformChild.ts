// The platform under test in bench/fleet.bench.ts, in its own process so its memory is
// its own: starts the chosen store behind the platform's HTTP intake, prints its URL,
// then answers the parent's questions (stored counts, peak memory) over IPC.
//   (forked by the bench) --store sqlite --repo DIR --state DIR --tokens FILE
import fs from 'node:fs';
import path from 'node:path';
import { startPlatformServer } from '../src-main/node/platform/platformServer';
import type { PlatformStore } from '../src-main/node/platform/platformStore';
import { stringArg } from './args';

interface BenchPlatform {
  url: string;
  /** Stored events, and distinct (kiosk, stream, seq) among them. */
  counts(): Promise<{ events: number; distinctSeqs: number }> | { events: number; distinctSeqs: number };
  close(): Promise<void>;
}

const tokens = JSON.parse(fs.readFileSync(stringArg('tokens')!, 'utf8')) as Record<string, string>;
const repo = stringArg('repo')!;
const state = stringArg('state')!;

/** One line per store: SQLite (the one-machine trial, the baseline) and PostgreSQL (--database URL). */
const STORES: Record<string, () => Promise<BenchPlatform>> = {
  sqlite: async () => {
    const p = await startPlatformServer({ repo, tokens, stateDir: path.join(state, 'sqlite'), queryIndex: false });
    return { url: p.url, counts: () => sequenceCheck(p.store), close: () => p.close() };
  },
  postgres: async () => {
    const database = stringArg('database');
    if (!database) throw new Error('the postgres store needs --database postgres://… (an empty database)');
    const p = await startPlatformServer({ repo, tokens, stateDir: path.join(state, 'postgres'), store: database, queryIndex: false });
    return { url: p.url, counts: () => sequenceCheck(p.store), close: () => p.close() };
  },
};

/** Stored events, and distinct (kiosk, stream, seq) among them: equal when nothing was stored twice. */
async function sequenceCheck(store: PlatformStore): Promise<{ events: number; distinctSeqs: number }> {
  const seqs = new Set<string>();
  for (const kioskId of await store.kioskIds()) for (const e of await store.events(kioskId)) seqs.add(`${kioskId}/${e.stream}/${e.seq}`);
  return { events: await store.eventCount(), distinctSeqs: seqs.size };
}

/** This process's peak resident memory (Linux VmHWM), bytes. */
function peakRss(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.memoryUsage().rss;
}

async function main(): Promise<void> {
  const name = stringArg('store') ?? 'sqlite';
  const start = STORES[name];
  if (!start) throw new Error(`unknown store ${name}; known: ${Object.keys(STORES).join(', ')}`);
  const platform = await start();
  process.on('message', (msg: { ask: string }) => {
    void (async () => {
      if (msg.ask === 'counts') process.send!({ counts: await platform.counts(), peakRss: peakRss() });
      if (msg.ask === 'stop') {
        await platform.close();
        process.send!({ stopped: true }, () => process.exit(0));
      }
    })();
  });
  process.send!({ url: platform.url, baselineRss: peakRss() });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
