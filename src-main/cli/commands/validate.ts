// `credit-kiosk validate CODE [--json]`: is this a resident ID number or a USCC, and is it valid?
import type { Command } from 'commander';
import { validateSubjectCode, type CodeKind } from '../../common/codes/subjectCode';
import { emit, emitError, EXIT_NEGATIVE, EXIT_OK, EXIT_USAGE } from '../output';

const KIND_TEXT: Record<CodeKind, string> = {
  'resident-id': '居民身份证号码 / resident ID number',
  uscc: '统一社会信用代码 / unified social credit code',
  'registration-number': '注册号（曾用代码） / registration number (former code)',
  'organization-code': '组织机构代码（曾用代码） / organisation code (former code)',
  unknown: '无法识别 / unknown',
};

export function register(program: Command): void {
  program
    .command('validate')
    .description('检查居民身份证号码或统一社会信用代码 / check a resident ID number or unified social credit code')
    .argument('[code]', 'the 18-character code')
    .option('--json', 'print JSON')
    .action((code: string | undefined, options: { json?: boolean }) => {
      if (code === undefined || code.trim() === '') {
        emitError(options, 'USAGE', '请提供要检查的代码 / give the code to check: credit-kiosk validate CODE', EXIT_USAGE);
        return;
      }
      const v = validateSubjectCode(code, { today: new Date().toISOString().slice(0, 10) });
      emit(
        options,
        { input: v.input, kind: v.kind, valid: v.valid, reason: v.reason, ...(v.problem !== undefined && { problem: v.problem }) },
        `${v.normalized}: ${KIND_TEXT[v.kind]} — ${v.valid ? '有效 / valid' : '无效 / invalid'} (${v.reason})`,
      );
      process.exitCode = v.valid ? EXIT_OK : EXIT_NEGATIVE;
    });
}
