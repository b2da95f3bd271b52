// `credit-kiosk verify-report FILE [--key PEM]... [--json]`: checks a report PDF — or a
// counter check slip or a signed credit commitment, sealed the same way — offline against registered kiosk public keys
// (docs/report-verification.md).
// Exit 0 valid, 1 invalid, 2 usage (no file, unreadable file or key).
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { PUBLIC_KEY_FILE } from '../../node/report/reportKeys';
import { reportPaths } from '../../node/report/reportIssuer';
import { verifyReportPdf } from '../../node/report/verifyReportPdf';
import { cliDataDir } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE, EXIT_USAGE } from '../output';

/** What a sealed document is called, by its edition (a report edition otherwise). */
const DOCUMENT_NAMES = { 'check-slip': '核查单 / check slip', commitment: '信用承诺书 / credit commitment' } as const;

interface VerifyOptions {
  json?: boolean;
  key?: string[];
}

export function register(program: Command): void {
  program
    .command('verify-report')
    .description('核验信用报告 PDF / verify a report PDF: seal, signature, page content and QR')
    .argument('[file]', 'the report PDF')
    .option('--key <pem...>', 'trusted kiosk public key file(s) (default: this kiosk’s own key)')
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
        keys = (options.key ?? [defaultKeyFile()]).map((k) => fs.readFileSync(k, 'utf8'));
      } catch (err) {
        emitError(options, 'USAGE', `无法读取文件 / cannot read: ${(err as Error).message}`, EXIT_USAGE);
        return;
      }
      const result = verifyReportPdf(pdf, keys);
      if (result.valid) {
        emit(
          options,
          { valid: true, reportNumber: result.reportNumber, reason: null, keyId: result.keyId, pages: result.pages, contentHash: result.contentHash, edition: result.model.edition },
          `有效 / valid: ${DOCUMENT_NAMES[result.model.edition as keyof typeof DOCUMENT_NAMES] ?? '报告 / report'} ${result.reportNumber} (${result.pages} 页, key ${result.keyId})`,
        );
      } else {
        emit(options, { valid: false, reportNumber: result.reportNumber, reason: result.reason, message: result.message }, `无效 / invalid: ${result.message} [${result.reason}]`);
        process.exitCode = EXIT_NEGATIVE;
      }
    });
}

function defaultKeyFile(): string {
  return path.join(reportPaths(cliDataDir()).keyDir, PUBLIC_KEY_FILE);
}
