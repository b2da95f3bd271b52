// `credit-kiosk platform serve --database postgres://…`: the platform on PostgreSQL from the
// command line, kiosks registered from the tokens file (hashed, with their keys); a restart
// finds its events and runs no migration twice; a database from a newer platform is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { register as registerPlatform } from '../../../src-main/cli/commands/platform';
import { runCliJson } from '../../support/runCli';
import { testPostgres, type TestPostgres } from '../../support/postgres';
import { getJson, heartbeat, post, testKiosk } from './platformFixtures';

let server: TestPostgres;
let database: { url: string; drop(): Promise<void> };
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-serve-'));
  server = await testPostgres();
  database = await server.createDatabase();
});
afterAll(async () => {
  await database?.drop();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts `platform serve` in-process; stop() does what SIGTERM does. */
async function serve(args: string[]): Promise<{ out: Record<string, unknown>; exit: number; stop(): Promise<void> }> {
  const before = new Set(process.listeners('SIGTERM'));
  const beforeInt = new Set(process.listeners('SIGINT'));
  const { out, exit } = await runCliJson([registerPlatform], ['platform', 'serve', '--repo', dir, '--port', '0', '--state', path.join(dir, 'state'), '--json', ...args]);
  const sigterm = process.listeners('SIGTERM').find((l) => !before.has(l)) as (() => void) | undefined;
  const sigint = process.listeners('SIGINT').find((l) => !beforeInt.has(l));
  return {
    out: out as Record<string, unknown>,
    exit,
    async stop() {
      if (!sigterm) return;
      process.removeListener('SIGTERM', sigterm);
      process.removeListener('SIGINT', sigint!);
      const quit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
      sigterm();
      await vi.waitFor(() => expect(quit).toHaveBeenCalledWith(0));
      quit.mockRestore();
    },
  };
}

describe('platform serve --database postgres://…', () => {
  it('serves from PostgreSQL, keeps tokens hashed, survives a restart, and refuses a newer database', async () => {
    const kiosk = testKiosk('ZB-CLI-01', dir);
    const tokens = path.join(dir, 'kiosks.json');
    fs.writeFileSync(tokens, JSON.stringify({ [kiosk.id]: { token: kiosk.token, publicKey: kiosk.key.publicKeyPem } }));
    const first = await serve(['--database', database.url, '--tokens', tokens]);
    try {
      expect(first).toMatchObject({ exit: 0, out: { store: 'postgres', kiosks: 1 } });
      const url = first.out.url as string;
      expect((await post(url, kiosk.token, { events: [kiosk.event('heartbeat', heartbeat()), kiosk.anchor(2, 'b'.repeat(64))] })).json).toEqual({ accepted: 2, duplicates: 0, gaps: [] });
    } finally {
      await first.stop();
    }

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const stored = await db.query<{ token_hash: string; public_key: string }>('SELECT token_hash, public_key FROM kiosks');
      expect(stored.rows).toHaveLength(1);
      expect(JSON.stringify(stored.rows)).not.toContain(kiosk.token);
      expect(stored.rows[0]!.public_key).toBe(kiosk.key.publicKeyPem);

      const again = await serve(['--database', database.url, '--tokens', tokens]);
      try {
        expect(await getJson(`${again.out.url as string}/v1/health`)).toMatchObject({ status: 200, json: { ok: true, store: 'postgres', events: 2 } });
      } finally {
        await again.stop();
      }
      expect((await db.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);

      await db.query("INSERT INTO schema_migrations (version, description) VALUES (99, 'from a newer platform')");
      const newer = await serve(['--database', database.url]);
      await newer.stop();
      expect(newer).toMatchObject({ exit: 1, out: { error: { code: 'STORE_NEWER', message: expect.stringMatching(/^平台数据库来自更新的版本/) } } });
    } finally {
      await db.end();
    }
  });
});
