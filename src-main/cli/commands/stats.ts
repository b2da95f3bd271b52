// `credit-kiosk stats --from DATE --to DATE [--granularity day|week|month] [--json] [--csv FILE]`:
// usage counts per function (信用核查、联合奖惩 …), per kiosk and staff member, from the audit log.
import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { isIsoDate } from '../../common/time/isoDate';
import { GRANULARITIES, STAT_FUNCTIONS, type Granularity } from '../../common/staff/statsPeriods';
import { openStaffDbReadonly, staffDbFile } from '../../node/staff/staffDb';
import { statsCsv, usageStats } from '../../node/staff/usageStats';
import { cliDataDir } from '../dataFolder';
import { emit, emitError, EXIT_USAGE } from '../output';

interface StatsOptions {
  json?: boolean;
  from?: string;
  to?: string;
  granularity?: string;
  staff?: string;
  csv?: string;
  db?: string;
  dataDir?: string;
}

export function register(program: Command): void {
  program
    .command('stats')
    .description('使用次数统计 / usage statistics per function, period, kiosk and staff member')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--granularity <g>', 'day | week | month', 'day')
    .option('--staff <staffNo>', 'one staff member only')
    .option('--csv <file>', 'also write the figures as CSV')
    .option('--json', 'print JSON')
    .option('--db <file>', 'staff database (default: staff.sqlite in the data folder)')
    .option('--data-dir <dir>', 'data folder')
    .action((options: StatsOptions) => {
      if (!options.from || !options.to || !isIsoDate(options.from) || !isIsoDate(options.to) || options.from > options.to) {
        emitError(options, 'USAGE', '请给出起止日期 / give --from and --to as YYYY-MM-DD, from ≤ to', EXIT_USAGE);
        return;
      }
      if (!(GRANULARITIES as readonly string[]).includes(options.granularity ?? 'day')) {
        emitError(options, 'USAGE', `--granularity: ${GRANULARITIES.join(' | ')}`, EXIT_USAGE);
        return;
      }
      const file = options.db ? path.resolve(options.db) : staffDbFile(cliDataDir(options.dataDir));
      if (!fs.existsSync(file)) {
        emitError(options, 'NOT_FOUND', `找不到数据库 / no staff database: ${path.basename(file)}`);
        return;
      }
      const db = openStaffDbReadonly(file);
      try {
        const view = usageStats(db, { from: options.from, to: options.to, granularity: (options.granularity ?? 'day') as Granularity, ...(options.staff !== undefined && { staffNo: options.staff }) });
        if (options.csv) fs.writeFileSync(options.csv, statsCsv(view));
        const human = [
          `${view.from} – ${view.to} (${view.granularity})`,
          ...STAT_FUNCTIONS.map((f) => `  ${f.padEnd(20)} ${view.totals[f]}`),
          ...view.rows.map((r) => `  ${r.period}  ${r.function.padEnd(20)} ${r.kioskId}  ${r.staffNo || '-'}  ${r.count}`),
        ].join('\n');
        emit(options, view, human);
      } finally {
        db.close();
      }
    });
}
