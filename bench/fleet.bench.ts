// The platform loop at city scale on loopback: the platform (in its own process) and N
// simulated kiosks, each for a bounded time pulling timestamp metadata, posting heartbeats
// and a realistic mix of events (checks and decisions at counters, reports at self-service
// terminals, daily usage), and re-posting about 1 % of batches as a kiosk does after a lost
// acknowledgement. Prints events/s ingested, p50/p99 ingest latency, lost and duplicated
// events (both must be 0) and the platform's peak memory, per store, in the same run.
// Asserts nothing.
//   npx tsx bench/fleet.bench.ts [--kiosks N] [--seconds S] [--stores sqlite[,postgres] --database postgres://…]
// (the postgres store wants an empty database; SQLite in the same run is the baseline)
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { MAX_EVENTS_PER_BATCH, streamOf, type EventStream, type EventType, type PlatformEvent } from '../src-main/common/platform/platformEvents';
import { syntheticSubjects } from '../src-main/node/cache/syntheticData';
import { publishFromBundles } from '../src-main/node/sync/publisher';
import { generateKey } from '../src-main/node/sync/signing';
import { numberArg, stringArg } from './args';
import { bundledEntry } from './bundled';

const KIOSKS = numberArg('kiosks', 1000);
const SECONDS = numberArg('seconds', 20);
const STORES = (stringArg('stores') ?? 'sqlite').split(',');
/** How often a kiosk comes round (compressed: a real kiosk beats every few minutes). */
const TICK_MS = numberArg('tick-ms', 1000);
const REPOST_SHARE = 0.01;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
const fmt = (n: number, d = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: d });
const pct = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor((q / 100) * sorted.length))] ?? 0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Kiosk {
  id: string;
  token: string;
  counter: boolean;
  seq: Map<EventStream, number>;
  usage: number;
}

const hex = (n: number): string => crypto.randomBytes(n).toString('hex');

function next(k: Kiosk, type: EventType, payload: Record<string, unknown>): PlatformEvent {
  const stream = streamOf(type);
  const seq = (k.seq.get(stream) ?? 0) + 1;
  k.seq.set(stream, seq);
  return { id: crypto.randomBytes(12).toString('base64url'), type, seq, at: new Date().toISOString(), payload };
}

/** One tick's events: a heartbeat always; a counter checks and decides, a terminal prints; now and then the day's usage. */
function tickEvents(k: Kiosk, backlog: number): PlatformEvent[] {
  const events = [next(k, 'heartbeat', { appVersion: '0.1.0', dataVersion: 7, dataAsOf: '2026-12-06T16:00:00.000Z', reader: 'ok', printer: Math.random() < 0.02 ? 'warning' : 'ok', outboxBacklog: backlog, oldestPendingAt: null, configVersion: 1 })];
  const subject = { kind: 'enterprise', maskedCode: '91370100MA******0X', key: hex(16) };
  const n = Math.floor(Math.random() * 4);
  for (let i = 0; i < n; i++) {
    if (k.counter) {
      const checkId = hex(8);
      events.push(next(k, 'check-record', { checkId, itemCode: 'GOV-PROCUREMENT', subject, staffId: '10023', hits: Math.random() < 0.1 ? [{ category: 'dishonest', measureCodes: ['M-01', 'M-07'] }] : [] }));
      events.push(next(k, 'check-decision', { checkId, decision: 'proceed', measuresApplied: [], staffId: '10023' }));
    } else {
      events.push(next(k, 'report-issued', { reportNumber: `R${hex(8)}`, edition: 'public', subject: { ...subject, kind: 'person', maskedCode: '3701**********1234' }, issuedAt: new Date().toISOString(), digest: hex(32) }));
    }
    k.usage += 1;
  }
  if (Math.random() < 0.1) events.push(next(k, 'usage-daily', { day: '2026-12-07', rows: [{ fn: k.counter ? 'credit-check' : 'self-query', staffId: k.counter ? '10023' : null, count: k.usage }] }));
  return events.slice(0, MAX_EVENTS_PER_BATCH);
}

async function startPlatform(store: string, repo: string, tokensFile: string): Promise<{ child: ChildProcess; url: string; ask: <T>(what: string) => Promise<T> }> {
  const script = bundledEntry('bench/fleetPlatformChild.ts', 'fleet-platform');
  const database = stringArg('database');
  const child = fork(script, ['--store', store, '--repo', repo, '--state', path.join(dir, 'state'), '--tokens', tokensFile, ...(database ? ['--database', database] : [])], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { url: string }) => resolve(m.url));
    child.once('exit', (code) => reject(new Error(`platform child exited ${code}`)));
  });
  const ask = <T>(what: string): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (m: T) => resolve(m));
      child.send({ ask: what });
    });
  return { child, url, ask };
}

async function runStore(store: string, repo: string, kiosks: Kiosk[], tokensFile: string): Promise<void> {
  const { url, ask } = await startPlatform(store, repo, tokensFile);
  const agent = new Agent({ connections: 256, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  let acked = 0;
  let reposted = 0;
  let refused = 0;
  let storedAgain = 0;
  let pulls = 0;
  const deadline = performance.now() + SECONDS * 1000;

  const post = async (k: Kiosk, events: PlatformEvent[]): Promise<{ accepted: number; duplicates: number }> => {
    // Retried until the platform confirms: the outbox's promise (nothing lost while it is up).
    for (let attempt = 0; ; attempt++) {
      const s = performance.now();
      try {
        const res = await request(`${url}/v1/events`, { method: 'POST', dispatcher: agent, headers: { authorization: `Bearer ${k.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
        const body = (await res.body.json()) as { accepted: number; duplicates: number };
        if (res.statusCode === 200) {
          latencies.push(performance.now() - s);
          return body;
        }
        refused += 1;
      } catch {
        // connection trouble: retry
      }
      await sleep(Math.min(1000, 50 * 2 ** attempt));
    }
  };

  const kioskLoop = async (k: Kiosk): Promise<void> => {
    // Kiosks start spread over one tick, as a fleet's clocks are.
    await sleep(Math.random() * TICK_MS);
    while (performance.now() < deadline) {
      const t = performance.now();
      const ts = await request(`${url}/repo/timestamp.json`, { dispatcher: agent });
      await ts.body.arrayBuffer();
      pulls += 1;
      const events = tickEvents(k, 0);
      await post(k, events);
      acked += events.length;
      if (Math.random() < REPOST_SHARE) {
        // The acknowledgement "was lost": the kiosk sends the same batch again.
        const again = await post(k, events);
        storedAgain += again.accepted; // a redelivery the platform stored again
        reposted += events.length;
      }
      await sleep(Math.max(0, TICK_MS - (performance.now() - t)));
    }
  };

  const s = performance.now();
  await Promise.all(kiosks.map(kioskLoop));
  const seconds = (performance.now() - s) / 1000;
  const { counts, peakRss } = await ask<{ counts: { events: number; distinctSeqs: number }; peakRss: number }>('counts');
  latencies.sort((a, b) => a - b);
  const lost = Math.max(0, acked - counts.events);
  const duplicated = Math.max(0, counts.events - acked) + (counts.events - counts.distinctSeqs) + storedAgain;
  console.log(`  [${store}] ${fmt(KIOSKS, 0)} kiosks, ${fmt(seconds)} s, ${fmt(pulls, 0)} timestamp pulls, ${fmt(latencies.length, 0)} posts`);
  console.log(`  [${store}] events ingested        ${fmt(counts.events, 0)}  (${fmt(counts.events / seconds, 0)} events/s)`);
  console.log(`  [${store}] ingest latency         p50 ${fmt(pct(latencies, 50))} ms   p99 ${fmt(pct(latencies, 99))} ms (per post of ~${fmt((acked + reposted) / Math.max(1, latencies.length))} events)`);
  console.log(`  [${store}] lost / duplicated      ${lost} / ${duplicated}  (${fmt(reposted, 0)} events re-posted after a "lost" ack; refused posts ${refused})`);
  console.log(`  [${store}] platform peak RSS      ${fmt(peakRss / 1048576, 0)} MiB`);
  await agent.close();
  await ask('stop');
}

async function main(): Promise<void> {
  console.log(`fleet bench: ${fmt(KIOSKS, 0)} kiosks (a third at counters), ${SECONDS} s per store, a tick every ${TICK_MS} ms; stores ${STORES.join(', ')}; ${os.cpus().length} cores`);
  const repo = path.join(dir, 'repo');
  await publishFromBundles(syntheticSubjects({ count: 50, seed: 1, recordsPerSubject: 2, today: '2026-12-01' }), { repo, key: generateKey() });
  const kiosks: Kiosk[] = Array.from({ length: KIOSKS }, (_, i) => ({ id: `K-${String(i + 1).padStart(5, '0')}`, token: `bench-token-${hex(12)}`, counter: i % 3 === 0, seq: new Map(), usage: 0 }));
  const tokensFile = path.join(dir, 'tokens.json');
  fs.writeFileSync(tokensFile, JSON.stringify(Object.fromEntries(kiosks.map((k) => [k.id, k.token]))));
  try {
    for (const store of STORES) {
      for (const k of kiosks) {
        k.seq.clear();
        k.usage = 0;
      }
      await runStore(store, repo, kiosks, tokensFile);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
