// `credit-kiosk verify-report FILE [--key PEM]... [--json]`: checks a report PDF — or a
// counter check slip, an objection receipt or a signed credit commitment, sealed the same way —
// offline against registered kiosk public keys (docs/report-verification.md), and says whether
// this kiosk's registry holds its number (`registered`: true / false, null where the data folder has no registry).
// Exit 0 valid, 1 invalid, 2 usage (no file, unreadable file or key).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { modeConfig } from '../../node/config/dataFolders';
import { openKeyStore } from '../../node/keys/openKeyStore';
import { PUBLIC_KEY_FILE } from '../../node/report/reportKeys';
import { reportPaths } from '../../node/report/reportIssuer';
import { findIssued } from '../../node/report/reportRegistry';
import { verifyReportPdf } from '../../node/report/verifyReportPdf';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE, EXIT_USAGE } from '../output';

/** What a sealed document is called, by its edition (a report edition otherwise). */
const DOCUMENT_NAMES = { 'check-slip': '核查单 / check slip', 'objection-receipt': '异议申请回执 / objection receipt', commitment: '信用承诺书 / credit commitment' } as const;

interface VerifyOptions {
  json?: boolean;
  key?: string[];
  dataDir?: string;
}

export function register(program: Command): void {
  program
    .command('verify-report')
    .description('核验信用报告 PDF / verify a report PDF: seal, signature, page content and QR')
    .argument('[file]', 'the report PDF')
    .option('--key <pem...>', 'trusted kiosk public key file(s) (default: this kiosk’s own key)')
    .option('--data-dir <dir>', 'data folder whose key and registry to use (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .option('--json', 'print JSON')
    .action((file: string | undefined, options: VerifyOptions) => {
      if (!file) {
        emitError(options, 'USAGE', '请提供报告文件 / give the report file: credit-kiosk verify-report FILE', EXIT_USAGE);
        return;
      }
      let pdf: Buffer;
      let keys: string[];
      try {
        pdf = fs.readFileSync(file);
        keys = (options.key ?? [defaultKeyFile(options.dataDir)]).map((k) => fs.readFileSync(k, 'utf8'));
      } catch (err) {
        emitError(options, 'USAGE', `无法读取文件 / cannot read: ${(err as Error).message}`, EXIT_USAGE);
        return;
      }
      const result = verifyReportPdf(pdf, keys);
      if (result.valid) {
        const registered = registeredHere(result.reportNumber, result.contentHash, options.dataDir);
        const where = registered === null ? '' : registered ? '，已登记 / registered here' : '，本机未登记 / not registered here';
        emit(
          options,
          { valid: true, reportNumber: result.reportNumber, reason: null, keyId: result.keyId, pages: result.pages, contentHash: result.contentHash, edition: result.model.edition, registered },
          `有效 / valid: ${DOCUMENT_NAMES[result.model.edition as keyof typeof DOCUMENT_NAMES] ?? '报告 / report'} ${result.reportNumber} (${result.pages} 页, key ${result.keyId})${where}`,
        );
      } else {
        emit(options, { valid: false, reportNumber: result.reportNumber, reason: result.reason, message: result.message }, `无效 / invalid: ${result.message} [${result.reason}]`);
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
