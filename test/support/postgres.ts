// PostgreSQL for tests: the server CI started (CREDIT_KIOSK_TEST_PG, a URL whose role may
// create databases), or — for a newcomer's `npm test`, and for fault tests that restart
// the server — a private cluster in a temp folder on a free port. Each test gets its own
// database. initdb refuses root, so as root the cluster runs as the `postgres` user.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './freePort';

export const TEST_PG_ENV = 'CREDIT_KIOSK_TEST_PG';

export interface TestPostgres {
  /** A fresh, empty database; drop() removes it. */
  createDatabase(): Promise<{ url: string; drop(): Promise<void> }>;
  /** Private clusters only: stop the server (immediately, as a crash would) and start it again on the same port. */
  stopServer?(): void;
  startServer?(): void;
  close(): Promise<void>;
}

/** CI's server when configured, else a private cluster. */
export async function testPostgres(): Promise<TestPostgres> {
  const url = process.env[TEST_PG_ENV];
  return url ? serverAt(url, async () => undefined) : privateCluster();
}

function serverAt(adminUrl: string, close: () => Promise<void>): TestPostgres {
  return {
    async createDatabase() {
      const name = `ck_test_${crypto.randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
    close,
  };
}

function pgBin(name: string): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(root, v, 'bin', name))) return path.join(root, v, 'bin', name);
  return name; // on PATH elsewhere
}

/** A throwaway cluster: trust auth on 127.0.0.1 only, fsync off (tests, not durability). */
export async function privateCluster(): Promise<TestPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (bin: string, args: string[]): void => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', pgBin(bin), ...args]] : [pgBin(bin), args];
    execFileSync(cmd, argv, { stdio: 'pipe', cwd: dir });
  };
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'kiosk', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = (): void => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '120', 'start']);
  const stop = (mode: 'fast' | 'immediate'): void => run('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '120', 'stop']);
  start();
  const server = serverAt(`postgres://kiosk@127.0.0.1:${port}/postgres`, async () => {
    try {
      stop('fast');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return { ...server, stopServer: () => stop('immediate'), startServer: start };
}
