// `credit-kiosk platform serve --repo REPO [--database postgres://…|FILE] [--port N] [--host H] [--tokens FILE] [--tls-cert F --tls-key F]`:
// the platform on PostgreSQL for a city, or on an SQLite file for a one-machine trial (docs/platform.md).
// With --operators FILE the fleet view is served at /fleet/;
// `platform operator --operators FILE --state DIR --name NAME` sets an operator's password (stdin).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { loadOperatorPepper, setOperatorPassword } from '../../node/platform/fleetOperators';
import { z } from 'zod';
import { startPlatformServer } from '../../node/platform/platformServer';
import { emit, emitError, EXIT_USAGE } from '../output';

interface PlatformCliOptions {
  repo?: string;
  port: string;
  host: string;
  tokens?: string;
  state?: string;
  database?: string;
  tlsCert?: string;
  tlsKey?: string;
  operators?: string;
  fleetPage?: string;
  json?: boolean;
}

/** The built fleet page beside the bundled CLI (dist/main → dist/fleet). */
const FLEET_PAGE = path.resolve(__dirname, '../fleet');

const Token = z.string().regex(/^[\x21-\x7e]{16,200}$/);
/** KIOSK-ID → its token, or {token, publicKey: SPKI PEM of its report key} so its audit anchors are checked. */
const TokensSchema = z.record(z.string().regex(/^[A-Za-z0-9-]{1,40}$/), z.union([Token, z.object({ token: Token, publicKey: z.string().max(2000).optional() }).strict()]));

export function register(program: Command): void {
  const platform = program.commands.find((c) => c.name() === 'platform') ?? program.command('platform').description('参考平台 / the reference platform');
  platform
    .command('serve')
    .description('提供数据仓库、在线查询与事件接收 / serve the repository, online queries and event intake')
    .option('--repo <dir>', 'the repository folder')
    .option('--port <n>', 'port (0: any free one)', '8787')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--database <url-or-file>', 'postgres://user@host/db, or an SQLite file (default: platform-events.sqlite in --state)')
    .option('--tokens <file>', 'JSON {"KIOSK-ID": "token" | {"token": "…", "publicKey": "PEM"}, …}: kiosks registered (stored hashed)')
    .option('--state <dir>', 'where events and the query index live')
    .option('--tls-cert <file>', 'serve https with this certificate chain (PEM); kiosks pin its CA (sync.caFile)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option('--operators <file>', 'operators of the fleet view (see `platform operator`); serves /fleet/')
    .option('--fleet-page <dir>', 'the built fleet page', FLEET_PAGE)
    .option('--json', 'print JSON')
    .action(async (options: PlatformCliOptions) => {
      const port = Number(options.port);
      // The operators' password pepper lives in the state folder: a temporary one would match no password.
      if (!options.repo || !Number.isInteger(port) || port < 0 || port > 65535 || !options.tlsCert !== !options.tlsKey || (options.operators && !options.state)) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk platform serve --repo REPO [--port N] [--tls-cert CERT --tls-key KEY] [--operators FILE --state DIR]', EXIT_USAGE);
        return;
      }
      try {
        const parsed = options.tokens ? TokensSchema.parse(JSON.parse(fs.readFileSync(options.tokens, 'utf8'))) : {};
        const tokens = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? v : { token: v.token, ...(v.publicKey !== undefined && { publicKeyPem: v.publicKey }) }]));
        const tls = options.tlsCert && options.tlsKey ? { cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) } : undefined;
        const server = await startPlatformServer({ repo: options.repo, host: options.host, port, tokens, ...(options.state && { stateDir: options.state }), ...(options.database && { store: options.database }), ...(tls && { tls }), ...(options.operators && { fleet: { operatorsFile: options.operators, pageDir: options.fleetPage ?? FLEET_PAGE } }) });
        const fleet = options.operators ? `${server.url}/fleet/` : null;
        emit(options, { url: server.url, repository: `${server.url}/repo/`, store: server.store.kind, kiosks: Object.keys(tokens).length, fleet }, `platform on ${server.url} (repository ${server.url}/repo/, ${server.store.kind}${fleet ? `, fleet view ${fleet}` : ''})`);
        const stop = (): void => void server.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });

  platform
    .command('operator')
    .description('设置运维人员口令（从标准输入读取）/ set a fleet view operator\'s password (read from stdin)')
    .option('--operators <file>', 'the operators file (created if absent)')
    .option('--state <dir>', 'the platform state folder (holds the password pepper; the same as `serve --state`)')
    .option('--name <name>', 'the operator name')
    .option('--json', 'print JSON')
    .action(async (options: { operators?: string; state?: string; name?: string; json?: boolean }) => {
      if (!options.operators || !options.state || !options.name) {
        emitError(options, 'USAGE', '用法 / usage: echo PASSWORD | credit-kiosk platform operator --operators FILE --state DIR --name NAME', EXIT_USAGE);
        return;
      }
      try {
        const password = fs.readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
        await setOperatorPassword(options.operators, loadOperatorPepper(options.state), options.name, password);
        emit(options, { operator: options.name }, `operator ${options.name} set`);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INVALID_INPUT', (err as Error).message);
      }
    });
}
