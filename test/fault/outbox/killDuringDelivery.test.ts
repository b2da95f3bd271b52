// kill -9 of a kiosk delivering its outbox, in the middle of a batch: once after the
// platform stored the batch but before its answer reached the kiosk (the batch is sent
// again and the platform, which stores by id, keeps it once), once before the platform
// saw it, and at random moments. In the end the platform holds every event exactly once.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbox } from '../../../src-main/node/outbox/outbox';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';
import { checkRecord, reportIssued } from '../../integration/outbox/outboxEvents';

const CHILD = path.join(__dirname, 'deliverChild.ts');
const TOKEN = 'fault-kiosk-token-0123456789';
const EVENTS = 300;
const BATCH = 25;
const KEY = crypto.randomBytes(32);

let dir: string;
let platform: PlatformServer;
let proxy: HoldingProxy;
const ids: string[] = [];

/** Between kiosk and platform: forwards each batch, and can hold one (before or after the platform took it) and say so. */
interface HoldingProxy {
  url: string;
  /** The next batch is held: 'request' before the platform sees it, 'response' after it stored it. */
  hold(where: 'request' | 'response'): Promise<void>;
  /** The platform's answers to every batch it saw. */
  answers: Array<{ accepted: number; duplicates: number }>;
  close(): Promise<void>;
}

async function startProxy(target: string): Promise<HoldingProxy> {
  let holding: { where: 'request' | 'response'; held: () => void } | null = null;
  const answers: HoldingProxy['answers'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const h = holding;
      if (h?.where === 'request') {
        holding = null;
        h.held(); // never forwarded: the kiosk dies waiting
        return;
      }
      const up = http.request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (ur) => {
        const body: Buffer[] = [];
        ur.on('data', (c: Buffer) => body.push(c));
        ur.on('end', () => {
          const text = Buffer.concat(body);
          if (ur.statusCode === 200) answers.push(JSON.parse(text.toString()) as { accepted: number; duplicates: number });
          const after = holding;
          if (after?.where === 'response') {
            holding = null;
            after.held(); // stored there; the answer never reaches the kiosk
            return;
          }
          res.writeHead(ur.statusCode ?? 502, { 'content-type': 'application/json' });
          res.end(text);
        });
      });
      up.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold: (where) => new Promise<void>((held) => void (holding = { where, held })),
    answers,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Runs the child until it is done, or kills it (SIGKILL) when `killWhen` settles. */
function runChild(killWhen: Promise<void> | null): Promise<'done' | 'killed'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path.join(dir, 'outbox.sqlite'), KEY.toString('hex'), proxy.url, TOKEN, String(BATCH)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    void killWhen?.then(() => child.kill('SIGKILL'));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL' ? 'killed' : 'done'));
  });
}

function platformIds(): string[] {
  const db = new Database(path.join(dir, 'platform', 'platform-events.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM events').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-fault-'));
  fs.mkdirSync(path.join(dir, 'repo'));
  platform = await startPlatformServer({ repo: path.join(dir, 'repo'), tokens: { K1: TOKEN }, stateDir: path.join(dir, 'platform'), queryIndex: false });
  proxy = await startProxy(platform.url);
  const outbox = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: KEY });
  for (let i = 0; i < EVENTS; i++) ids.push(i % 3 === 0 ? outbox.enqueue('report-issued', reportIssued(i)) : outbox.enqueue('check-record', checkRecord(i)));
  await outbox.close();
});
afterAll(async () => {
  await proxy?.close();
  await platform?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 while delivering the outbox', () => {
  it('loses nothing and stores nothing twice on the platform', async () => {
    // After the platform stored a batch, before the kiosk heard: that batch comes again.
    expect(await runChild(proxy.hold('response'))).toBe('killed');
    const storedBeforeRedelivery = await platform.store.eventCount();
    expect(storedBeforeRedelivery).toBeGreaterThan(0);
    // Before the platform saw a batch.
    expect(await runChild(proxy.hold('request'))).toBe('killed');
    // At random moments.
    for (let i = 0; i < 3; i++) await runChild(new Promise((r) => setTimeout(r, 200 + Math.random() * 800)));
    expect(await runChild(null)).toBe('done');

    expect(platformIds()).toEqual([...ids].sort());
    // The held batch was sent again and the platform recognised it: duplicates, not new rows.
    expect(proxy.answers.some((a) => a.duplicates > 0)).toBe(true);
    expect(proxy.answers.reduce((n, a) => n + a.accepted, 0)).toBe(EVENTS);
    const outbox = createOutbox({ file: path.join(dir, 'outbox.sqlite'), key: KEY });
    expect(outbox.pending()).toBe(0);
    await outbox.close();
  });
});
