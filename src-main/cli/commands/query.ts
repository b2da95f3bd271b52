// `credit-kiosk query CODE [--json] [--purpose TEXT]`: a subject and its publicly visible
// records from the local cache, with provenance. A person's ID number is always masked;
// a person's data needs --purpose and is audited (personalDataAccess.ts).
import type { Command } from 'commander';
import { validateSubjectCode } from '../../common/codes/subjectCode';
import type { CreditRecord } from '../../common/domain/creditRecord';
import { isPerson, type Subject } from '../../common/domain/subject';
import { publicVisibility } from '../../common/rules/disclosurePolicy';
import { maskAddress, maskIdNumber } from '../../common/rules/masking';
import { toIsoDate } from '../../common/time/isoDate';
import { selectCache } from '../../node/cache/cacheLocation';
import { openCreditCache } from '../../node/cache/openCreditCache';
import { cliConfig } from '../dataFolder';
import { emit, emitError, EXIT_USAGE } from '../output';
import { auditPersonAccess, concernsPerson, PURPOSE_REQUIRED, statedPurpose } from '../personalDataAccess';

interface QueryOptions {
  json?: boolean;
  db?: string;
  keyFile?: string;
  dataDir?: string;
  purpose?: string;
}

export function register(program: Command): void {
  program
    .command('query')
    .description('按代码查询本地信用数据 / look a subject up in the local cache by resident ID number, USCC or former code')
    .argument('[code]', 'the code')
    .option('--json', 'print JSON')
    .option('--db <file>', 'cache file (default: the data folder’s cache)')
    .option('--key-file <file>', 'cache key file (default: the data folder’s key)')
    .option('--data-dir <dir>', 'data folder (default: CREDIT_KIOSK_DATA_DIR or .kiosk-data)')
    .option('--purpose <text>', '用途（查询自然人时必填，写入审计日志）/ purpose (required for a natural person; audited)')
    .action(async (code: string | undefined, options: QueryOptions) => {
      if (code === undefined || code.trim() === '') {
        emitError(options, 'USAGE', '请提供要查询的代码 / give the code: credit-kiosk query CODE', EXIT_USAGE);
        return;
      }
      const validation = validateSubjectCode(code, { today: toIsoDate(new Date()) });
      const purpose = statedPurpose(options.purpose);
      // Refused before the cache is opened: no purpose, no look at a person's data.
      if (validation.valid && validation.kind === 'resident-id' && !purpose) {
        emitError(options, 'PURPOSE_REQUIRED', PURPOSE_REQUIRED, EXIT_USAGE);
        return;
      }
      try {
        const config = cliConfig(options.dataDir);
        const { file, key } = selectCache({ db: options.db, keyFile: options.keyFile, config });
        const cache = await openCreditCache({ file, key, worker: 'none' });
        try {
          // Former registration numbers (注册号, 组织机构代码) are not 18-character codes: try them before calling a code malformed.
          const found = validation.valid || /^[0-9A-Z-]{8,20}$/.test(validation.normalized) ? await cache.findByCode(validation.normalized) : null;
          if (concernsPerson(found?.subject ?? null, validation)) {
            if (!purpose) {
              emitError(options, 'PURPOSE_REQUIRED', PURPOSE_REQUIRED, EXIT_USAGE);
              return;
            }
            auditPersonAccess({ config, command: 'query', code: found?.subject.code ?? validation.normalized, purpose, result: found ? 'shown' : 'not-found' });
          }
          if (!found) {
            if (!validation.valid) emitError(options, 'INVALID_CODE', `代码无效 / invalid code: ${validation.reason}`);
            else emitError(options, 'SUBJECT_NOT_FOUND', '未查询到该主体的信用信息 / no credit information for this subject');
            return;
          }
          const info = await cache.dataInfo();
          const today = toIsoDate(new Date());
          const visible: CreditRecord[] = [];
          const archived: Record<string, number> = {};
          for (const r of found.records) {
            const v = publicVisibility(r, today);
            if (v.visible) visible.push(r);
            else archived[v.reason] = (archived[v.reason] ?? 0) + 1;
          }
          const subject = shown(found.subject);
          const result = {
            subject,
            records: visible.map(({ subjectId: _s, dataVersion: _d, ...rest }) => rest),
            archived,
            provenance: { source: 'cache' as const, dataVersion: info.dataVersion, dataAsOf: info.dataAsOf },
          };
          emit(options, result, human(subject, visible, archived, result.provenance));
        } finally {
          await cache.close();
        }
      } catch (err) {
        emitError(options, (err as { code?: string }).code ?? 'INTERNAL', (err as Error).message);
      }
    });
}

/** A person as staff see them: ID numbers masked, address cut to its district. */
function shown(subject: Subject): Subject {
  if (!isPerson(subject)) return subject;
  return {
    ...subject,
    code: maskIdNumber(subject.code),
    formerCodes: subject.formerCodes.map((c) => maskIdNumber(c)),
    ...(subject.address !== undefined && { address: maskAddress(subject.address) }),
  };
}

function human(subject: Subject, records: CreditRecord[], archived: Record<string, number>, provenance: { dataVersion: number; dataAsOf: string }): string {
  const lines = [`${subject.name}  ${subject.code}  (${subject.kind})`];
  if (subject.legalRepresentative) lines.push(`  法定代表人 / legal representative: ${subject.legalRepresentative}`);
  if (subject.registrationStatus) lines.push(`  登记状态 / status: ${subject.registrationStatus}`);
  lines.push(`公示记录 / visible records: ${records.length}`);
  for (const r of records) lines.push(`  [${r.category}] ${r.decisionDate ?? '—'} ${r.title}${r.authority ? ` · ${r.authority}` : ''}`);
  const hidden = Object.entries(archived).map(([k, n]) => `${k} ${n}`).join(', ');
  if (hidden) lines.push(`不再公示（档案）/ archived, not shown: ${hidden}`);
  lines.push(`数据来源 / source: cache v${provenance.dataVersion}, as of ${provenance.dataAsOf}`);
  return lines.join('\n');
}
