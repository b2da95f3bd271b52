// `credit-kiosk platform serve --repo REPO [--database postgres://…|FILE] [--port N] [--host H] [--tokens FILE] [--tls-cert F --tls-key F]`:
// the platform on PostgreSQL for a city, or on an SQLite file for a one-machine trial (docs/platform.md).
// With --operators FILE the fleet view is served at /fleet/;
// `platform operator --operators FILE --state DIR --name NAME` sets an operator's password (stdin);
// `platform kiosk add|list|revoke --database URL-OR-FILE` registers kiosks (a token printed once, stored hashed);
// `platform export --database URL-OR-FILE --feed DIR --subject-key FILE --out DIR` merges received commitments
// and objections into the city's feed as the next `publish --input` (node/platform/citizenExport.ts).
import type { Command } from 'commander';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { exportCitizenRows } from '../../node/platform/citizenExport';
import { keyerFrom, readSubjectKeyFile } from '../../node/keys/subjectKeyer';
import { loadOperatorPepper, setOperatorPassword } from '../../node/platform/fleetOperators';
import { z } from 'zod';
import { openPlatformStore } from '../../node/platform/openPlatformStore';
import { startPlatformServer } from '../../node/platform/platformServer';
import type { PlatformStore } from '../../node/platform/platformStore';
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

  const kiosk = platform.command('kiosk').description('终端凭据 / kiosk credentials on the platform');
  const KioskId = z.string().regex(/^[A-Za-z0-9-]{1,40}$/);
  interface KioskCliOptions {
    database?: string;
    publicKey?: string;
    json?: boolean;
  }
  /** Opens the store of --database, runs fn, closes it; bad input and store errors are printed with their codes. */
  const withStore = async (options: KioskCliOptions, usage: string, fn: (store: PlatformStore) => Promise<void>): Promise<void> => {
    if (!options.database) {
      emitError(options, 'USAGE', `用法 / usage: ${usage}`, EXIT_USAGE);
      return;
    }
    let store: PlatformStore | null = null;
    try {
      store = await openPlatformStore(options.database);
      await fn(store);
    } catch (err) {
      emitError(options, (err as { code?: string }).code ?? 'INVALID_INPUT', (err as Error).message);
    } finally {
      await store?.close();
    }
  };
  const checkedId = (options: KioskCliOptions, id: string): boolean => {
    if (KioskId.safeParse(id).success) return true;
    emitError(options, 'INVALID_INPUT', `终端编号无效（字母、数字、连字符，最多 40 位）/ invalid kiosk id (letters, digits, hyphens, at most 40): ${id}`, EXIT_USAGE);
    return false;
  };

  kiosk
    .command('add <kioskId>')
    .description('登记终端并生成其令牌（仅显示一次）/ register a kiosk and make its token (shown once)')
    .option('--database <url-or-file>', 'the platform store: postgres://… or an SQLite file (as `serve --database`)')
    .option('--public-key <pem>', "the kiosk's report public key (SPKI PEM file): its audit anchors are checked with it")
    .option('--json', 'print JSON')
    .action(async (kioskId: string, options: KioskCliOptions) => {
      if (!checkedId(options, kioskId)) return;
      await withStore(options, 'credit-kiosk platform kiosk add KIOSK-ID --database URL [--public-key PEM]', async (store) => {
        const publicKeyPem = options.publicKey ? fs.readFileSync(path.resolve(options.publicKey), 'utf8') : null;
        // 32 random bytes: the kiosk's sync.tokenFile holds it; the platform keeps only its SHA-256.
        const token = crypto.randomBytes(32).toString('base64url');
        await store.registerKiosk({ kioskId, token, publicKeyPem });
        emit(options, { kioskId, token }, `终端 ${kioskId} 已登记；令牌（仅此一次，写入终端的 sync.tokenFile）/ kiosk ${kioskId} registered; its token (shown once, put it in the kiosk's sync.tokenFile):\n${token}`);
      });
    });

  kiosk
    .command('list')
    .description('列出已登记的终端 / list registered kiosks')
    .option('--database <url-or-file>', 'the platform store')
    .option('--json', 'print JSON')
    .action(async (options: KioskCliOptions) => {
      await withStore(options, 'credit-kiosk platform kiosk list --database URL', async (store) => {
        const kiosks = await store.kioskRegistrations();
        emit(options, { kiosks }, kiosks.map((k) => `${k.kioskId}\t${k.registeredAt}\t${k.revokedAt ? `已吊销 / revoked ${k.revokedAt}` : '有效 / active'}`).join('\n') || '（无 / none）');
      });
    });

  kiosk
    .command('revoke <kioskId>')
    .description('吊销终端凭据（其已送达的事件保留）/ revoke a kiosk credential (its delivered events stay)')
    .option('--database <url-or-file>', 'the platform store')
    .option('--json', 'print JSON')
    .action(async (kioskId: string, options: KioskCliOptions) => {
      if (!checkedId(options, kioskId)) return;
      await withStore(options, 'credit-kiosk platform kiosk revoke KIOSK-ID --database URL', async (store) => {
        if (!(await store.revokeKiosk(kioskId, new Date()))) {
          emitError(options, 'UNKNOWN_KIOSK', `平台没有终端 ${kioskId} / no kiosk ${kioskId} on this platform`);
          return;
        }
        emit(options, { kioskId, revoked: true }, `终端 ${kioskId} 的凭据已吊销 / kiosk ${kioskId} revoked`);
      });
    });

  platform
    .command('export')
    .description('把收到的信用承诺与异议并入城市数据源，供下次发布 / merge received commitments and objections into the city feed for the next publish')
    .option('--database <url-or-file>', 'the platform store (as `serve --database`)')
    .option('--feed <dir>', "the city's regular publisher input (subjects.ndjson and category files)")
    .option('--subject-key <file>', "the fleet's subject key (64 hex characters): commitments name their subject by its keyed hash")
    .option('--out <dir>', 'the merged input folder to write (new or empty); then `publish --input` it')
    .option('--json', 'print JSON')
    .action(async (options: KioskCliOptions & { feed?: string; subjectKey?: string; out?: string }) => {
      const usage = 'credit-kiosk platform export --database URL --feed DIR --subject-key FILE --out DIR';
      if (!options.feed || !options.subjectKey || !options.out) {
        emitError(options, 'USAGE', `用法 / usage: ${usage}`, EXIT_USAGE);
        return;
      }
      const { feed, subjectKey, out } = options;
      await withStore(options, usage, async (store) => {
        const result = await exportCitizenRows({ store, feedDir: feed, outDir: out, keyer: keyerFrom(Buffer.from(readSubjectKeyFile(subjectKey), 'hex')) });
        emit(options, { out: path.resolve(out), ...result }, `信用承诺 ${result.commitments} 条、异议标记 ${result.objections} 条已并入 ${path.resolve(out)}；未匹配 / unmatched: ${result.unmatched.join(', ') || '无 / none'}；记录已修复或撤销、未标记 / record already repaired or revoked, not marked: ${result.settled.join(', ') || '无 / none'}`);
      });
    });
}
