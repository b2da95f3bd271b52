// `credit-kiosk platform serve --repo REPO [--port N] [--host H] [--tokens FILE] [--tls-cert F --tls-key F]`:
// the reference platform for demos, tests and pilots (loopback unless told otherwise).
import type { Command } from 'commander';
import fs from 'node:fs';
import { z } from 'zod';
import { startPlatformServer } from '../../node/sync/platformServer';
import { emit, emitError, EXIT_USAGE } from '../output';

interface PlatformCliOptions {
  repo?: string;
  port: string;
  host: string;
  tokens?: string;
  state?: string;
  tlsCert?: string;
  tlsKey?: string;
  json?: boolean;
}

const TokensSchema = z.record(z.string().regex(/^[A-Za-z0-9-]{1,40}$/), z.string().regex(/^[\x21-\x7e]{16,200}$/));

export function register(program: Command): void {
  const platform = program.commands.find((c) => c.name() === 'platform') ?? program.command('platform').description('参考平台 / the reference platform');
  platform
    .command('serve')
    .description('提供数据仓库、在线查询与事件接收 / serve the repository, online queries and event intake')
    .option('--repo <dir>', 'the repository folder')
    .option('--port <n>', 'port (0: any free one)', '8787')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--tokens <file>', 'JSON {"KIOSK-ID": "token", …} of kiosks allowed to use /v1')
    .option('--state <dir>', 'where events and the query index live')
    .option('--tls-cert <file>', 'serve https with this certificate chain (PEM); kiosks pin its CA (sync.caFile)')
    .option('--tls-key <file>', 'the private key of --tls-cert (PEM)')
    .option('--json', 'print JSON')
    .action(async (options: PlatformCliOptions) => {
      const port = Number(options.port);
      if (!options.repo || !Number.isInteger(port) || port < 0 || port > 65535 || !options.tlsCert !== !options.tlsKey) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk platform serve --repo REPO [--port N] [--tls-cert CERT --tls-key KEY]', EXIT_USAGE);
        return;
      }
      try {
        const tokens = options.tokens ? TokensSchema.parse(JSON.parse(fs.readFileSync(options.tokens, 'utf8'))) : {};
        const tls = options.tlsCert && options.tlsKey ? { cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) } : undefined;
        const server = await startPlatformServer({ repo: options.repo, host: options.host, port, tokens, ...(options.state && { stateDir: options.state }), ...(tls && { tls }) });
        emit(options, { url: server.url, repository: `${server.url}/repo/`, kiosks: Object.keys(tokens).length }, `platform on ${server.url} (repository ${server.url}/repo/)`);
        const stop = (): void => void server.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}
