// `credit-kiosk report CODE --out FILE [--edition standard|no-violation] [--json]`:
// issues a signed public credit report from the local cache, as the kiosk would.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { validateSubjectCode } from '../../common/codes/subjectCode';
import { toIsoDate } from '../../common/time/isoDate';
import { selectCache } from '../../node/cache/cacheLocation';
import { openCreditCache } from '../../node/cache/openCreditCache';
import { modeConfig, modeDataDir } from '../../node/config/dataFolders';
import { ConfigError } from '../../node/config/kioskConfig';
import { findResourcesDir } from '../../node/config/resourcesDir';
import type { SealImage } from '../../node/pdf/sealStamp';
import { loadCacheKey } from '../../node/cache/cacheKeys';
import { openKeyStore } from '../../node/keys/openKeyStore';
import { loadSubjectKeyer } from '../../node/keys/subjectKeyer';
import { enqueueReportIssued } from '../../node/outbox/reportIssuedEvent';
import { outboxFromConfig } from '../../node/sync/syncWiring';
import { issuerSeal, reportPaths } from '../../node/report/reportIssuer';
import { issueReport, ReportRefusedError } from '../../node/report/issueReport';
import { defaultNoViolationConfigFile, loadNoViolationConfig } from '../../node/report/noViolationDomains';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_USAGE } from '../output';
import { auditPersonAccess, concernsPerson, PURPOSE_REQUIRED, statedPurpose } from '../personalDataAccess';

interface ReportOptions {
  out?: string;
  edition: string;
  asSubject?: boolean;
  json?: boolean;
  db?: string;
  keyFile?: string;
  dataDir?: string;
  purpose?: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description('从本地信用数据出具公共信用信息报告 / issue a public credit report from the local cache')
    .argument('[code]', 'USCC (or, with --as-subject, the resident ID number of the person present)')
    .option('--out <file>', 'where to write the PDF')
    .option('--edition <edition>', 'standard | no-violation', 'standard')
    .option('--as-subject', 'the natural person is present and identified (a person’s report goes only to that person)')
    .option('--json', 'print JSON')
    .option('--db <file>', 'cache file (default: the data folder’s cache)')
    .option('--key-file <file>', 'cache key file (default: the data folder’s key)')
    .option('--data-dir <dir>', 'data folder (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .option('--purpose <text>', '用途（自然人报告必填，写入审计日志）/ purpose (required for a natural person; audited)')
    .action(async (code: string | undefined, options: ReportOptions) => {
      if (!code || !options.out) {
        emitError(options, 'USAGE', '用法 / usage: credit-kiosk report CODE --out FILE [--edition standard|no-violation]', EXIT_USAGE);
        return;
      }
      if (options.edition !== 'standard' && options.edition !== 'no-violation') {
        emitError(options, 'USAGE', `未知的版本 / unknown edition: ${options.edition}`, EXIT_USAGE);
        return;
      }
      const validation = validateSubjectCode(code, { today: toIsoDate(new Date()) });
      if (!validation.valid) {
        emitError(options, 'INVALID_CODE', `代码无效 / invalid code: ${validation.reason}`);
        return;
      }
      const purpose = statedPurpose(options.purpose);
      if (validation.valid && validation.kind === 'resident-id' && !purpose) {
        emitError(options, 'PURPOSE_REQUIRED', PURPOSE_REQUIRED, EXIT_USAGE);
        return;
      }
      try {
        const config = cliConfig(options.dataDir);
        const dataDir = modeDataDir(config);
        const { file, key } = selectCache({ db: options.db, keyFile: options.keyFile, config });
        const cache = await openCreditCache({ file, key, worker: 'none' });
        try {
          const found = await cache.findByCode(validation.normalized);
          const person = concernsPerson(found?.subject ?? null, validation);
          if (person && !purpose) {
            emitError(options, 'PURPOSE_REQUIRED', PURPOSE_REQUIRED, EXIT_USAGE);
            return;
          }
          const audit = (result: string): void => {
            if (person) auditPersonAccess({ config, command: 'report', code: found?.subject.code ?? validation.normalized, purpose: purpose!, result });
          };
          if (!found) {
            audit('not-found');
            emitError(options, 'SUBJECT_NOT_FOUND', '未查询到该主体的信用信息 / no credit information for this subject');
            return;
          }
          const info = await cache.dataInfo();
          const resources = findResourcesDir();
          const now = new Date();
          const edition = options.edition;
          const keys = openKeyStore(modeConfig(config));
          const issued = await issueReport({
            subject: found.subject,
            records: found.records,
            provenance: { source: 'cache', dataVersion: info.dataVersion, dataAsOf: info.dataAsOf, stale: false },
            edition,
            audience: options.asSubject ? 'subject' : 'staff',
            issuer: config.issuer,
            kioskId: config.kioskId,
            keys,
            ...reportPaths(dataDir),
            verifyUrl: config.report.verifyUrl,
            maskOwnIdNumber: config.report.maskOwnIdNumber,
            ...withSeal(issuerSeal(config, resources)),
            now,
            ...(edition === 'no-violation' && { noViolationScope: { config: loadNoViolationConfig(defaultNoViolationConfigFile(resources)) } }),
          });
          // Owed to the platform's registry like a report printed at the screen: queued in the kiosk's one outbox, which its runtime delivers.
          const outbox = outboxFromConfig(modeConfig(config), loadCacheKey(keys), null);
          try {
            enqueueReportIssued(outbox, loadSubjectKeyer(keys), { reportNumber: issued.reportNumber, edition, issuedAt: now.toISOString(), contentHash: issued.contentHash, subject: found.subject });
          } finally {
            await outbox.close();
          }
          const out = path.resolve(options.out);
          fs.writeFileSync(out, issued.pdf);
          audit(`report-issued ${issued.reportNumber}`);
          emit(
            options,
            { reportNumber: issued.reportNumber, pages: issued.pages, bytes: issued.pdf.length, file: out, edition, contentHash: issued.contentHash },
            `报告 ${issued.reportNumber}：${issued.pages} 页，已写入 ${out}`,
          );
        } finally {
          await cache.close();
        }
      } catch (err) {
        if (err instanceof ReportRefusedError) emitError(options, err.code, err.message);
        else if (err instanceof ConfigError) emitError(options, 'CONFIG', err.message, EXIT_USAGE);
        else emitError(options, (err as { code?: string }).code ?? 'REPORT_FAILED', (err as Error).message);
      }
    });
}

const withSeal = (sealImage: SealImage | null): { sealImage?: SealImage } => (sealImage ? { sealImage } : {});
