// `credit-kiosk audit verify [--json]`: walks the counter's hash-chained audit log and
// names the first entry that was edited, deleted, inserted or moved. Read-only.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../../node/staff/auditLog';
import { openStaffDbReadonly, staffDbFile } from '../../node/staff/staffDb';
import { cliDataDir } from '../dataFolder';
import { emit, emitError, EXIT_NEGATIVE } from '../output';

interface AuditOptions {
  json?: boolean;
  db?: string;
  dataDir?: string;
}

export function register(program: Command): void {
  const audit = program.command('audit').description('核查留痕审计日志 / the audit log of counter checks');
  audit
    .command('verify')
    .description('校验审计日志哈希链 / verify the audit log’s hash chain')
    .option('--json', 'print JSON')
    .option('--db <file>', 'staff database (default: staff.sqlite in the data folder)')
    .option('--data-dir <dir>', 'data folder')
    .action((options: AuditOptions) => {
      const file = options.db ? path.resolve(options.db) : staffDbFile(cliDataDir(options.dataDir));
      if (!fs.existsSync(file)) {
        emitError(options, 'NOT_FOUND', `找不到审计数据库 / no audit database: ${path.basename(file)}`);
        return;
      }
      try {
        const db = openStaffDbReadonly(file);
        try {
          const v = verifyAuditChain(db);
          const b = v.firstBroken;
          emit(
            options,
            v,
            v.valid
              ? `审计日志完整 / audit chain intact: ${v.entries} entries`
              : `审计日志被篡改 / audit chain BROKEN at entry ${b?.seq} (${b?.reason}; expected entry ${b?.expectedSeq}${b?.at ? `, ${b.at}` : ''})`,
          );
          if (!v.valid) process.exitCode = EXIT_NEGATIVE;
        } finally {
          db.close();
        }
      } catch (err) {
        emitError(options, 'INTERNAL', (err as Error).message);
      }
    });
}
