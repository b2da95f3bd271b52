// A reference platform with the fleet view mounted: an empty signed repository (a root
// only), two kiosks with tokens, one operator, and a page folder. Kiosks post contract
// events; the operator signs in and reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EventType, PlatformEvent } from '../../../src-main/common/platform/platformEvents';
import { loadOperatorPepper, setOperatorPassword } from '../../../src-main/node/platform/fleetOperators';
import { makeRoot } from '../../../src-main/node/sync/publisher';
import { generateKey, signEnvelope, type PrivateKey } from '../../../src-main/node/sync/signing';
import { startPlatformServer, type PlatformServer } from '../../../src-main/node/platform/platformServer';

export const TOKENS = { 'K-001': 'token-k001-abcdefghijklmnop', 'K-002': 'token-k002-abcdefghijklmnop' } as const;
export const OPERATOR = { name: 'ops.zibo', password: 'correct horse battery' };

export interface FleetFixture {
  dir: string;
  repo: string;
  key: PrivateKey;
  platform: PlatformServer;
  /** Posts events as a kiosk; returns the HTTP status and body. */
  post(kiosk: keyof typeof TOKENS, events: PlatformEvent[]): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

/**
 * `repo`: an existing repository and its key; else an empty one (a root only) is made.
 * `store`: a postgres:// URL (default: SQLite in the state folder); `port`: a fixed one (a platform that comes up where kiosks already point).
 */
export async function startFleetPlatform(
  options: { now?: () => Date; pageDir?: string; repo?: { dir: string; key: PrivateKey }; tls?: { cert: string; key: string }; tokens?: Record<string, string>; store?: string; port?: number } = {},
): Promise<FleetFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-fleet-'));
  const repo = options.repo?.dir ?? path.join(dir, 'repo');
  const state = path.join(dir, 'state');
  const key = options.repo?.key ?? generateKey();
  if (!options.repo) {
    fs.mkdirSync(repo, { recursive: true });
    const root = `${JSON.stringify(signEnvelope(makeRoot(key, 1, new Date()), [key]))}\n`;
    fs.writeFileSync(path.join(repo, 'root.json'), root);
    fs.writeFileSync(path.join(repo, '1.root.json'), root);
  }
  const operatorsFile = path.join(dir, 'operators.json');
  await setOperatorPassword(operatorsFile, loadOperatorPepper(state), OPERATOR.name, OPERATOR.password);
  let pageDir = options.pageDir;
  if (!pageDir) {
    pageDir = path.join(dir, 'page');
    fs.mkdirSync(path.join(pageDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(pageDir, 'index.html'), '<!doctype html><title>fleet</title>');
    fs.writeFileSync(path.join(pageDir, 'assets', 'app-1234.js'), 'export {};');
  }
  const platform = await startPlatformServer({
    repo,
    tokens: { ...TOKENS, ...options.tokens },
    stateDir: state,
    queryIndex: false,
    fleet: { operatorsFile, pageDir },
    ...(options.now && { now: options.now }),
    ...(options.store && { store: options.store }),
    ...(options.port && { port: options.port }),
    ...(options.tls && { tls: options.tls }),
  });
  return {
    dir,
    repo,
    key,
    platform,
    post: async (kiosk, events) => {
      const res = await fetch(`${platform.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKENS[kiosk]}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
      return { status: res.status, body: await res.json() };
    },
    close: async () => {
      await platform.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A contract event with a fresh id. */
export function event<T extends EventType>(type: T, seq: number, at: string, payload: Record<string, unknown>): PlatformEvent {
  counter += 1;
  return { id: `evt-${type}-${seq}-${counter}-${Math.random().toString(36).slice(2, 10)}`, type, seq, at, payload };
}

export function heartbeat(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { appVersion: '0.1.0', dataVersion: 12, dataAsOf: '2026-12-06T16:00:00.000Z', reader: 'ok', printer: 'ok', outboxBacklog: 0, oldestPendingAt: null, configVersion: null, ...overrides };
}

/** Signs in and returns the session cookie ("fleet_session=…"). */
export async function signIn(url: string, name = OPERATOR.name, password = OPERATOR.password): Promise<Response> {
  return fetch(`${url}/v1/fleet/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
}

export function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
