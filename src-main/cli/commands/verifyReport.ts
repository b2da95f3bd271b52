// `credit-kiosk verify-report FILE [--key PEM]... [--platform URL [--ca PEM]] [--json]`: checks
// a report PDF — or a counter check slip, an objection receipt or a signed credit commitment,
// sealed the same way — offline against registered kiosk public keys (docs/report-verification.md),
// says whether this kiosk's registry holds its number (`registeredHere`: true / false, null where the
// data folder has no registry), then, when a platform is given or configured, asks its report
// registry (GET /v1/reports/{number}); it says which checks it made.
// Exit 0 valid, 1 invalid (or unknown to a reachable registry), 2 usage (no file, unreadable file or key).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { modeConfig } from '../../node/config/dataFolders';
import { openKeyStore } from '../../node/keys/openKeyStore';
import { lookUpReport, type PlatformAnswer, type RegistryEntry } from '../../node/platform/platformQueries';
import { PUBLIC_KEY_FILE } from '../../node/report/reportKeys';
import { reportPaths } from '../../node/report/reportIssuer';
import { findIssued } from '../../node/report/reportRegistry';
import { verifyReportPdf } from '../../node/report/verifyReportPdf';
import { sealedDocumentKind, sealedDocumentName } from '../../common/report/sealedDocumentNames';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE, EXIT_USAGE } from '../output';

interface VerifyOptions {
  json?: boolean;
  key?: string[];
  dataDir?: string;
  platform?: string;
  ca?: string;
}

type RegistryCheck = 'found' | 'not-found' | 'digest-mismatch' | 'unreachable' | 'not-asked';

const REGISTRY_TEXT: Record<RegistryCheck, string> = {
  found: '已登记 / registered',
  'not-found': '平台未登记此编号（终端可能尚未上传）/ not in the registry (the kiosk may not have delivered it yet)',
  'digest-mismatch': '平台登记的内容摘要与本报告不同 / the registry holds another content digest for this number',
  unreachable: '无法连接平台，仅完成离线核验 / platform unreachable: offline check only',
  'not-asked': '未配置平台 / no platform configured',
};

export function register(program: Command): void {
  program
    .command('verify-report')
    .description('核验信用报告 PDF / verify a report PDF: seal, signature, page content and QR; and the platform registry')
    .argument('[file]', 'the report PDF')
    .option('--key <pem...>', 'trusted kiosk public key file(s) (default: this kiosk’s own key)')
    .option('--data-dir <dir>', 'data folder whose key and registry to use (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .option('--platform <url>', 'ask this platform’s report registry (default: sync.platformUrl of the kiosk config)')
    .option('--ca <pem>', 'CA of the platform’s https certificate (default: sync.caFile)')
    .option('--json', 'print JSON')
    .action(async (file: string | undefined, options: VerifyOptions) => {
      if (!file) {
        emitError(options, 'USAGE', '请提供报告文件 / give the report file: credit-kiosk verify-report FILE', EXIT_USAGE);
        return;
      }
      let pdf: Buffer;
      let keys: string[];
      let target: { url: string; ca?: string } | null;
      try {
        pdf = fs.readFileSync(file);
        keys = (options.key ?? [defaultKeyFile(options.dataDir)]).map((k) => fs.readFileSync(k, 'utf8'));
        target = platformTarget(options);
      } catch (err) {
        emitError(options, 'USAGE', `无法读取文件 / cannot read: ${(err as Error).message}`, EXIT_USAGE);
        return;
      }
      const result = verifyReportPdf(pdf, keys);
      const answer: PlatformAnswer<RegistryEntry> | null = target && result.reportNumber ? await lookUpReport(target, result.reportNumber) : null;
      const registry: RegistryCheck = !answer ? 'not-asked' : answer.status === 'found' && result.valid && answer.value.digest !== result.contentHash ? 'digest-mismatch' : answer.status;
      const checks = { offlineSeal: result.valid ? 'valid' : 'invalid', onlineRegistry: registry };
      const registered = answer?.status === 'found' ? { kioskId: answer.value.kioskId, issuedAt: answer.value.issuedAt, subject: answer.value.subject, edition: answer.value.edition } : null;
      const checksText = `核验项 / checks: 离线签章 / offline seal ${result.valid ? '有效 / valid' : '无效 / invalid'}; 在线登记 / online registry: ${REGISTRY_TEXT[registry]}${registered ? ` (${registered.kioskId}, ${registered.issuedAt}, ${registered.subject.maskedCode})` : ''}`;
      if (result.valid && (registry === 'found' || registry === 'unreachable' || registry === 'not-asked')) {
        const here = registeredHere(result.reportNumber, result.contentHash, options.dataDir);
        const where = here === null ? '' : here ? '，已登记 / registered here' : '，本机未登记 / not registered here';
        emit(
          options,
          { valid: true, reportNumber: result.reportNumber, reason: null, keyId: result.keyId, pages: result.pages, contentHash: result.contentHash, edition: result.model.edition, checks, registered, registeredHere: here },
          `有效 / valid: ${sealedDocumentName(sealedDocumentKind(result.model.edition) ?? 'report')} ${result.reportNumber} (${result.pages} 页, key ${result.keyId})${where}\n${checksText}`,
        );
      } else {
        const reason = result.valid ? (registry === 'not-found' ? 'not-registered' : 'registry-mismatch') : result.reason;
        const message = result.valid ? REGISTRY_TEXT[registry] : result.message;
        emit(options, { valid: false, reportNumber: result.reportNumber, reason, message, checks, registered }, `无效 / invalid: ${message} [${reason}]\n${checksText}`);
        process.exitCode = EXIT_NEGATIVE;
      }
    });
}

function defaultKeyFile(dataDir: string | undefined): string {
  return path.join(reportPaths(modeConfig(cliConfig(dataDir)).dataDir).keyDir, PUBLIC_KEY_FILE);
}

/** Whether this data folder's registry holds the number with the same content; null where it has no registry. */
function registeredHere(reportNumber: string, contentHash: string, dataDir: string | undefined): boolean | null {
  const config = modeConfig(cliConfig(dataDir));
  const file = reportPaths(config.dataDir).registryFile;
  if (!fs.existsSync(file)) return null;
  return findIssued(file, openKeyStore(config), reportNumber)?.contentHash === contentHash;
}

/** --platform, else the kiosk config's platform; the CA from --ca or sync.caFile. */
function platformTarget(options: VerifyOptions): { url: string; ca?: string } | null {
  const config = options.platform && options.ca ? null : configIfAny(options.dataDir);
  const url = options.platform ?? config?.sync?.platformUrl;
  if (!url) return null;
  const caFile = options.ca ?? (config?.sync?.caFile && path.resolve(config.dataDir, config.sync.caFile));
  return { url, ...(caFile && { ca: fs.readFileSync(caFile, 'utf8') }) };
}

/** The kiosk config when there is a readable one: verifying a report works without any. */
function configIfAny(dataDir: string | undefined): ReturnType<typeof cliConfig> | null {
  try {
    return cliConfig(dataDir);
  } catch {
    return null;
  }
}
