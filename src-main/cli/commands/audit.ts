// `credit-kiosk audit verify [--platform URL] [--json]`: walks the counter's hash-chained audit
// log and names the first entry that was edited, deleted, inserted or moved; with a platform,
// also compares the log with the kiosk's latest anchor there, which catches a log cut short
// or rewritten (chain and head recomputed) after it was anchored. Read-only.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { checkAuditAgainstAnchor, type AnchorCheck } from '../../node/platform/auditAnchorCheck';
import { latestAuditAnchor, type PlatformAnswer, type LatestAnchor } from '../../node/platform/platformQueries';
import { PUBLIC_KEY_FILE } from '../../node/report/reportKeys';
import { reportPaths } from '../../node/report/reportIssuer';
import { verifyAuditChain } from '../../node/staff/auditLog';
import { openStaffDbReadonly, staffDbFile } from '../../node/staff/staffDb';
import { cliConfig, cliDataDir } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE } from '../output';

interface AuditOptions {
  json?: boolean;
  db?: string;
  dataDir?: string;
  platform?: string;
  tokenFile?: string;
  ca?: string;
}

const ANCHOR_TEXT: Record<AnchorCheck['verdict'] | 'not-found' | 'unreachable', string> = {
  consistent: '与平台锚点一致 / matches the platform’s anchor',
  truncated: '日志在平台锚点之后被截短 / the log was cut short after the platform’s anchor',
  rewritten: '日志在平台锚点之前的内容被改写 / the log was rewritten up to the platform’s anchor',
  'bad-signature': '平台锚点的签名不是本终端的 / the platform’s anchor is not signed by this kiosk',
  'not-found': '平台尚无本终端的锚点 / the platform has no anchor from this kiosk yet',
  unreachable: '无法连接平台，仅完成本地核验 / platform unreachable: local check only',
};

export function register(program: Command): void {
  const audit = program.command('audit').description('核查留痕审计日志 / the audit log of counter checks');
  audit
    .command('verify')
    .description('校验审计日志哈希链（及平台锚点）/ verify the audit log’s hash chain (and the platform’s anchor)')
    .option('--json', 'print JSON')
    .option('--db <file>', 'staff database (default: staff.sqlite in the data folder)')
    .option('--data-dir <dir>', 'data folder')
    .option('--platform <url>', 'compare with this kiosk’s latest audit anchor on the platform (default: sync.platformUrl when --token-file or sync.tokenFile is set)')
    .option('--token-file <file>', 'this kiosk’s platform token (default: sync.tokenFile)')
    .option('--ca <pem>', 'CA of the platform’s https certificate (default: sync.caFile)')
    .action(async (options: AuditOptions) => {
      const file = options.db ? path.resolve(options.db) : staffDbFile(cliDataDir(options.dataDir));
      if (!fs.existsSync(file)) {
        emitError(options, 'NOT_FOUND', `找不到审计数据库 / no audit database: ${path.basename(file)}`);
        return;
      }
      try {
        const remote = await askPlatform(options);
        const db = openStaffDbReadonly(file);
        try {
          const v = verifyAuditChain(db);
          const b = v.firstBroken;
          const anchor = remote?.answer.status === 'found' ? checkAuditAgainstAnchor(db, remote.kioskId, remote.answer.value, remote.publicKeyPem) : null;
          const anchorState = anchor?.verdict ?? (remote ? remote.answer.status : null);
          const valid = v.valid && (anchor === null || anchor.verdict === 'consistent');
          const chainText = v.valid
            ? `审计日志完整 / audit chain intact: ${v.entries} entries`
            : `审计日志被篡改 / audit chain BROKEN at entry ${b?.seq} (${b?.reason}; expected entry ${b?.expectedSeq}${b?.at ? `, ${b.at}` : ''})`;
          const anchorText = anchorState ? `\n平台锚点 / platform anchor: ${ANCHOR_TEXT[anchorState as keyof typeof ANCHOR_TEXT]}${anchor ? ` (${anchor.anchoredEntries} anchored, ${anchor.localEntries} local)` : ''}` : '';
          emit(options, remote ? { ...v, valid, chainValid: v.valid, anchor: anchor ?? { verdict: anchorState } } : v, chainText + anchorText);
          if (!valid) process.exitCode = EXIT_NEGATIVE;
        } finally {
          db.close();
        }
      } catch (err) {
        emitError(options, 'INTERNAL', (err as Error).message);
      }
    });
}

/** The kiosk's latest anchor from the platform, or null when no platform is given or configured. */
async function askPlatform(options: AuditOptions): Promise<{ kioskId: string; answer: PlatformAnswer<LatestAnchor>; publicKeyPem: string | null } | null> {
  const config = cliConfig(options.dataDir);
  const url = options.platform ?? config.sync?.platformUrl;
  const tokenFile = options.tokenFile ?? (config.sync?.tokenFile && path.resolve(config.dataDir, config.sync.tokenFile));
  if (!url || !tokenFile) {
    if (options.platform) throw new Error('需要本终端的平台令牌 / the kiosk’s platform token is needed: --token-file or sync.tokenFile');
    return null;
  }
  const caFile = options.ca ?? (config.sync?.caFile && path.resolve(config.dataDir, config.sync.caFile));
  const token = fs.readFileSync(tokenFile, 'utf8').trim();
  const answer = await latestAuditAnchor({ url, token, ...(caFile && { ca: fs.readFileSync(caFile, 'utf8') }) }, config.kioskId);
  const keyFile = path.join(reportPaths(cliDataDir(options.dataDir)).keyDir, PUBLIC_KEY_FILE);
  return { kioskId: config.kioskId, answer, publicKeyPem: fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8') : null };
}
